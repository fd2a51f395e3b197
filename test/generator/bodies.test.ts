/**
 * Bodies that are not one JSON value: form fields (urlencoded, multipart), binary bodies, bodies sent as one of
 * several media types, binary responses. The model's body kinds, the schema's one extension (AutoRest's
 * `items.type: file` in a formData parameter), the emitted code, and the appended runtime helpers.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpHeaders, createPipelineFromOptions, type HttpClient, type PipelineRequest } from "@azure/core-rest-pipeline";
import { afterAll, describe, expect, it } from "vitest";
import { schemaProblem } from "../../generator/load/validate.js";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { formBody, multipartFormBody, withRequestParts } from "../../generator/emit/runtime/bodies.js";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { inMemory } from "../fixtures/model/load.js";

const ok = { "200": { description: "ok" } };
const file = { "200": { description: "the file", schema: { type: "file" } } };
const spec: JsonObject = {
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  host: "localhost",
  consumes: ["application/json"],
  produces: ["application/json"],
  paths: {
    "/pets/{id}": {
      post: {
        operationId: "Pets_Update",
        consumes: ["application/x-www-form-urlencoded"],
        parameters: [
          { name: "id", in: "path", required: true, type: "integer" },
          { name: "pet_type", in: "formData", required: true, type: "string", enum: ["dog", "cat"] },
          { name: "grant_type", in: "formData", required: true, type: "string", enum: ["token"], "x-ms-enum": { modelAsString: false } },
          { name: "tags", in: "formData", type: "array", items: { type: "string" }, collectionFormat: "pipes" },
        ],
        responses: ok,
      },
    },
    "/files": {
      post: {
        operationId: "Files_Upload",
        consumes: ["multipart/form-data"],
        produces: ["application/octet-stream"],
        parameters: [
          { name: "content", in: "formData", required: true, type: "array", items: { type: "file" } },
          { name: "fileName", in: "formData", type: "string" },
        ],
        responses: file,
      },
      put: {
        operationId: "Files_Put",
        consumes: ["application/octet-stream"],
        parameters: [{ name: "data", in: "body", required: true, schema: { type: "object", format: "file" } }],
        responses: ok,
      },
      patch: {
        operationId: "Files_Analyze",
        consumes: ["application/pdf", "application/json"],
        parameters: [{ name: "input", in: "body", schema: { $ref: "#/definitions/Source" } }],
        responses: ok,
      },
    },
    "/lro": {
      put: {
        operationId: "Lro_Put",
        "x-ms-long-running-operation": true,
        consumes: ["application/octet-stream"],
        parameters: [{ name: "data", in: "body", required: true, schema: { type: "string", format: "binary" } }],
        responses: { "200": { description: "done" }, "202": { description: "started" } },
      },
    },
    "/json": {
      put: {
        operationId: "Json_Put",
        consumes: ["application/json", "text/json", "application/xml"],
        parameters: [{ name: "input", in: "body", required: true, schema: { $ref: "#/definitions/Source" } }],
        responses: ok,
      },
    },
  },
  definitions: { Source: { type: "object", properties: { source: { type: "string" } } } },
};

const work = mkdtempSync(join(tmpdir(), "acs-gen-bodies-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function generate(doc: JsonObject, name: string): Promise<Array<{ path: string; content: string }>> {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(doc));
  return generateInMemory(path, work);
}

describe("body kinds in the code model", () => {
  const model = readCodeModel([inMemory(spec)], { clientName: "C" });
  const operation = (name: string) => model.operationGroups.flatMap((g) => g.operations).find((o) => o.name === name)!;

  it("form fields are parameters located in the form, and make one urlencoded or multipart body", () => {
    const update = operation("update");
    expect(update.parameters.map((p) => [p.name, p.location, p.required, p.type.kind])).toEqual([
      ["id", "path", true, "integer"],
      ["petType", "form", true, "enum"],
      ["grantType", "form", true, "constant"],
      ["tags", "form", false, "array"],
    ]);
    expect(update.bodyMediaTypes).toEqual([{ mediaType: "application/x-www-form-urlencoded", kind: "form" }]);
    expect(operation("upload").bodyMediaTypes).toEqual([{ mediaType: "multipart/form-data", kind: "multipart" }]);
  });

  it("a file body is binary for any media type; a model is binary for a non-JSON one; JSON-only bodies list nothing", () => {
    expect(operation("put").body?.type).toEqual({ kind: "binary" });
    expect(operation("put").bodyMediaTypes).toEqual([{ mediaType: "application/octet-stream", kind: "binary" }]);
    expect(operation("analyze").bodyMediaTypes).toEqual([
      { mediaType: "application/pdf", kind: "binary" },
      { mediaType: "application/json", kind: "json" },
    ]);
    // XML media types are left to XML support: a JSON body consumed as JSON or XML is still plain JSON
    const json = model.operationGroups.find((g) => g.name === "json")!.operations[0]!;
    expect(json.bodyMediaTypes).toBeUndefined();
  });
});

describe("the Swagger schema's one extension", () => {
  const withParameter = (parameter: JsonObject): JsonObject => ({
    ...spec,
    paths: { "/x": { post: { operationId: "X", parameters: [parameter], responses: ok } } },
  });

  it("accepts AutoRest's `items.type: file` in a formData parameter", () => {
    expect(schemaProblem("swagger", withParameter({ name: "f", in: "formData", type: "array", items: { type: "file" } }))).toBeUndefined();
  });

  it("still refuses it in a query parameter, and in nested items of a formData one", () => {
    expect(schemaProblem("swagger", withParameter({ name: "f", in: "query", type: "array", items: { type: "file" } }))).toEqual({
      pointer: "/paths/~1x/post/parameters/0/items/type",
      message: 'must be one of "string", "number", "integer", "boolean", "array"',
    });
    expect(
      schemaProblem(
        "swagger",
        withParameter({ name: "f", in: "formData", type: "array", items: { type: "array", items: { type: "file" } } }),
      ),
    ).toEqual({
      pointer: "/paths/~1x/post/parameters/0/items/items/type",
      message: 'must be one of "string", "number", "integer", "boolean", "array"',
    });
  });
});

describe("emitted code", () => {
  it("writes form, multipart, binary and multi-media-type bodies and streamed responses, and typechecks strict", async () => {
    const files = await generate(spec, "bodies");
    const pets = files.find((f) => f.path === "src/operations/pets.ts")!.content;
    expect(pets).toContain(
      [
        "    body: formBody([",
        '      ["pet_type", petType],',
        '      ["grant_type", "token"],',
        '      ["tags", options.tags === undefined ? undefined : joinCollection(options.tags, "pipes")],',
        "    ]),",
      ].join("\n"),
    );
    const upload = files.find((f) => f.path === "src/operations/files.ts")!.content;
    expect(upload).toContain(
      "export async function filesUpload(context: OperationContext, content: BinaryBody[], options: FilesUploadOptionalParams = {}): Promise<BinaryResponse> {",
    );
    expect(upload).toContain(
      [
        "  const { response } = await sendOperation(withRequestParts(context, {",
        "    multipartBody: multipartFormBody([",
        '      ["content", content],',
        '      ["fileName", options.fileName],',
        "    ]),",
        "    streamResponseStatusCodes: new Set([200]),",
        "  }), {",
      ].join("\n"),
    );
    expect(upload).toContain("  return { blobBody: response.blobBody, readableStreamBody: response.readableStreamBody };");
    expect(upload).toContain(
      "export async function filesPut(context: OperationContext, data: BinaryBody, options: OperationOptions = {}): Promise<void> {",
    );
    expect(upload).toContain(
      '    body: options.input === undefined ? undefined : (options.contentType ?? "application/json") === "application/pdf" ? (options.input as BinaryBody) : JSON.stringify(options.input),',
    );
    expect(upload).toContain('      "Content-Type": options.input === undefined ? undefined : options.contentType ?? "application/json",');
    // a long-running operation's initial request carries the body (its polls do not: withRequestParts sets it once)
    expect(files.find((f) => f.path === "src/operations/lro.ts")!.content).toContain(
      "  return createHttpPoller<void, OperationState<void>>(longRunningOperation(withRequestParts(context, {\n    body: data,\n  }), {",
    );
    const models = files.find((f) => f.path === "src/models.ts")!.content;
    expect(models).toContain("  input?: BinaryBody | Source;");
    expect(models).toContain('  contentType?: "application/pdf" | "application/json";');
    const runtime = files.find((f) => f.path === "src/runtime.ts")!.content;
    expect(runtime).toContain("export function multipartFormBody(");
    expect(runtime).not.toMatch(/^import .*"\.\/runtime\.js";$/m);
    expect(files.find((f) => f.path === "src/index.ts")!.content).toContain("type BinaryBody, type BinaryResponse");
    expect(typecheckFiles("bodies", files)).toEqual([]);
  });

  it("a spec with JSON bodies only gets none of the body helpers", async () => {
    const files = await generate({ ...spec, paths: { "/json": (spec["paths"] as JsonObject)["/json"]! } }, "json-only");
    const runtime = files.find((f) => f.path === "src/runtime.ts")!.content;
    expect(runtime).not.toContain("withRequestParts");
    expect(files.find((f) => f.path === "src/index.ts")!.content).not.toContain("BinaryBody");
    expect(files.find((f) => f.path === "src/operations/json.ts")!.content).toContain("body: JSON.stringify(input),");
  });
});

describe("runtime body helpers", () => {
  it("formBody urlencodes scalars in order, repeats array items, and leaves undefined out", () => {
    expect(
      formBody([
        ["a b", "x&y"],
        ["n", 42],
        ["skip", undefined],
        ["list", ["1", "2"]],
        ["when", new Date(Date.UTC(2020, 0, 2))],
      ]),
    ).toBe("a+b=x%26y&n=42&list=1&list=2&when=2020-01-02T00%3A00%3A00.000Z");
  });

  it("multipartFormBody makes a part per value: scalars as text, files with a filename and media type", () => {
    const file = new Uint8Array([1, 2]);
    const typed = new File([new Uint8Array([3])], "photo.png", { type: "image/png" });
    const { parts } = multipartFormBody([
      ["files", [file, typed]],
      ["name", "my.txt"],
      ["none", undefined],
    ]);
    expect(parts.map((p) => [p.headers.get("Content-Disposition"), p.headers.get("Content-Type") ?? null])).toEqual([
      ['form-data; name="files"; filename="files"', "application/octet-stream"],
      ['form-data; name="files"; filename="photo.png"', "image/png"],
      ['form-data; name="name"', null],
    ]);
    expect(parts[0]!.body).toBe(file);
    expect(parts[1]!.body).toBe(typed);
    expect(new TextDecoder().decode(parts[2]!.body as Uint8Array)).toBe("my.txt");
  });

  it("withRequestParts sets the parts on the first request the pipeline sends, leaving the context's pipeline as it was", async () => {
    const seen: PipelineRequest[] = [];
    const httpClient: HttpClient = {
      sendRequest: async (request) => {
        seen.push(request);
        return { request, status: 200, headers: createHttpHeaders() };
      },
    };
    const pipeline = createPipelineFromOptions({});
    const context = { endpoint: "https://example.test", pipeline, httpClient };
    const wrapped = withRequestParts(context, { body: new Uint8Array([7]), streamResponseStatusCodes: new Set([200]) });
    const request: PipelineRequest = {
      url: "https://example.test/x",
      method: "PUT",
      headers: createHttpHeaders(),
      timeout: 0,
      withCredentials: false,
      requestId: "r",
    };
    await wrapped.pipeline.sendRequest(httpClient, request);
    // a second request through it (a long-running operation's poll) goes without them
    await wrapped.pipeline.sendRequest(httpClient, { ...request, method: "GET", body: undefined, streamResponseStatusCodes: undefined });
    expect(
      seen.map((r) => [r.method, r.body, r.streamResponseStatusCodes === undefined ? undefined : [...r.streamResponseStatusCodes]]),
    ).toEqual([
      ["PUT", new Uint8Array([7]), [200]],
      ["GET", undefined, undefined],
    ]);
    expect(wrapped.pipeline.getOrderedPolicies()).toEqual(pipeline.getOrderedPolicies());
    expect(Object.hasOwn(pipeline, "sendRequest")).toBe(false);
  });
});
