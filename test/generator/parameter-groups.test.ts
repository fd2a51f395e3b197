/**
 * Parameters as AutoRest generators take them: parameter groups (`x-ms-parameter-grouping`), spread bodies
 * (`x-ms-client-flatten` on a body parameter), query values sent as written (`x-ms-skip-url-encoding`) and an
 * operation's own api-version parameter (`x-ms-api-version: false`). Model stage, the exact emitted text, a
 * strict typecheck, and the generated functions sending through a recording transport.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { between, importGenerated } from "../fixtures/emit/generatedCode.js";
import { errorOf } from "../fixtures/model/errors.js";
import { inMemory, testServerVersion } from "../fixtures/model/load.js";

const ok = { "200": { description: "ok" } };
const spec: JsonObject = {
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  host: "localhost",
  paths: {
    "/things/{id}": {
      put: {
        operationId: "Things_Put",
        parameters: [
          { name: "id", in: "path", required: true, type: "string", "x-ms-parameter-grouping": {} },
          { name: "x-tag", in: "header", type: "string", "x-ms-parameter-grouping": {} },
          { name: "top", in: "query", type: "integer", "x-ms-parameter-grouping": { name: "paging-options" } },
          { name: "skip", in: "query", type: "integer", "x-ms-parameter-grouping": { postfix: "extra" } },
          { name: "body", in: "body", required: true, "x-ms-client-flatten": true, schema: { $ref: "#/definitions/Thing" } },
        ],
        responses: ok,
      },
    },
    "/things": {
      get: {
        operationId: "Things_List",
        parameters: [
          { name: "top", in: "query", type: "integer", "x-ms-parameter-grouping": { name: "paging-options" } },
          { name: "filter", in: "query", type: "string", "x-ms-skip-url-encoding": true },
          { name: "raw", in: "query", type: "string", required: true, "x-ms-skip-url-encoding": true },
          { name: "api-version", in: "query", type: "string", "x-ms-api-version": false },
        ],
        responses: ok,
      },
    },
  },
  definitions: {
    Thing: {
      type: "object",
      required: ["name", "kind"],
      properties: {
        name: { type: "string" },
        id: { type: "string", description: "Clashes with the path parameter." },
        kind: { type: "string", enum: ["fixed"], "x-ms-enum": { modelAsString: false } },
        etag: { type: "string", readOnly: true },
        size: { type: "integer" },
      },
    },
  },
};

let work = "";
let files: Array<{ path: string; content: string }> = [];
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "acs-gen-param-groups-"));
  writeFileSync(join(work, "spec.json"), JSON.stringify(spec));
  files = await generateInMemory(join(work, "spec.json"), work);
});
afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

const content = (path: string): string => files.find((f) => f.path === path)?.content ?? "";

describe("parameter groups and spread bodies, model stage", () => {
  it("each grouped parameter names its group as AutoRest does: `name`, `<Group><Operation><postfix>`, or `<Group><Operation>Parameters`", () => {
    const model = readCodeModel([inMemory(spec)], { clientName: "C" });
    const put = model.operationGroups[0]!.operations.find((o) => o.name === "put")!;
    expect(put.parameters.map((p) => [p.name, p.group])).toEqual([
      ["id", "ThingsPutParameters"],
      ["xTag", "ThingsPutParameters"],
      ["top", "PagingOptions"],
      ["skip", "ThingsPutExtra"],
    ]);
    // the body is not grouped; its writable properties are spread, `id` renamed beside the path parameter
    expect(put.body?.group).toBeUndefined();
    expect(put.body?.spread?.map((p) => [p.name, p.property, p.required, p.type.kind])).toEqual([
      ["name", "name", true, "string"],
      ["id2", "id", false, "string"],
      ["kind", "kind", true, "constant"],
      ["size", "size", false, "integer"],
    ]);
    expect(put.body && "spreadRequested" in put.body).toBe(false);
  });

  it("model-flattening.json: a grouped, flattened body spreads SimpleProduct's properties (inherited first, nested flattened ones included) into the group", () => {
    const model = readCodeModel([testServerVersion("model-flattening.json")], { clientName: "" });
    const op = model.operationGroups.flatMap((g) => g.operations).find((o) => o.name === "putSimpleProductWithGrouping")!;
    expect([op.body?.group, op.body?.spread?.map((p) => [p.name, p.required])]).toEqual([
      "FlattenParameterGroup",
      [
        ["productId", true],
        ["description", false],
        ["maxProductDisplayName", false],
        ["capacity", false],
        ["genericValue", false],
        ["odataValue", false],
      ],
    ]);
  });

  it("a group's name is reserved: a definition of that name is renamed (the usual rule for reserved type names)", () => {
    const model = readCodeModel(
      [
        inMemory({
          ...spec,
          definitions: { ...(spec["definitions"] as JsonObject), PagingOptions: { type: "object", properties: { a: { type: "string" } } } },
        }),
      ],
      { clientName: "C" },
    );
    expect(model.objects.map((o) => o.name)).toEqual(["PagingOptionsModel", "Thing"]);
  });

  it("x-ms-client-flatten is ignored, as AutoRest ignores it, on a body that is no object model or is in a discriminated hierarchy; a model with subtypes but no discriminator is spread", () => {
    const definitions = {
      Pet: {
        type: "object",
        discriminator: "kind",
        required: ["kind"],
        properties: { kind: { type: "string" }, name: { type: "string" } },
      },
      Cat: { "x-ms-discriminator-value": "cat", allOf: [{ $ref: "#/definitions/Pet" }], properties: { purrs: { type: "boolean" } } },
      Named: { type: "object", required: ["name"], properties: { name: { type: "string" }, note: { type: "string" } } },
      Person: { allOf: [{ $ref: "#/definitions/Named" }], properties: { age: { type: "integer" } } },
    };
    const bodies: Array<[string, JsonObject]> = [
      ["text", { schema: { type: "string" } }],
      ["list", { schema: { type: "array", items: { type: "string" } } }],
      ["pet", { schema: { $ref: "#/definitions/Pet" } }],
      ["cat", { schema: { $ref: "#/definitions/Cat" } }],
      ["named", { schema: { $ref: "#/definitions/Named" } }],
    ];
    const model = readCodeModel(
      [
        inMemory({
          ...spec,
          paths: Object.fromEntries(
            bodies.map(([name, body]) => [
              `/${name}`,
              {
                post: {
                  operationId: `X_${name}`,
                  parameters: [{ name: "b", in: "body", required: true, "x-ms-client-flatten": true, ...body }],
                  responses: ok,
                },
              },
            ]),
          ),
          definitions,
        }),
      ],
      { clientName: "C" },
    );
    const ops = model.operationGroups[0]!.operations;
    expect(
      ops.map((o) => [
        o.name,
        o.body?.type,
        o.body?.spread?.map((p) => [p.name, p.required]),
        o.body !== undefined && "spreadRequested" in o.body,
      ]),
    ).toEqual([
      ["text", { kind: "string" }, undefined, false],
      ["list", { kind: "array", items: { kind: "string" } }, undefined, false],
      ["pet", { kind: "model", name: "Pet" }, undefined, false],
      ["cat", { kind: "model", name: "Cat" }, undefined, false],
      [
        "named",
        { kind: "model", name: "Named" },
        [
          ["name", true],
          ["note", false],
        ],
        false,
      ],
    ]);
  });

  it("refusals name the construct and where it is", () => {
    const withBody = (body: JsonObject): JsonObject => ({
      ...spec,
      paths: {
        "/x": {
          post: { operationId: "X_Post", parameters: [{ name: "b", in: "body", "x-ms-client-flatten": true, ...body }], responses: ok },
        },
      },
    });
    expect(errorOf(withBody({ schema: { type: "object", "x-nullable": true, properties: { a: { type: "string" } } } }))).toBe(
      'spec.json#/paths/~1x/post/parameters/0/x-ms-client-flatten: x-ms-client-flatten on the request body "b" is not supported: it may be null',
    );
    expect(
      errorOf(withBody({ schema: { type: "object", additionalProperties: { type: "string" }, properties: { a: { type: "string" } } } })),
    ).toBe(
      'spec.json#/paths/~1x/post/parameters/0/x-ms-client-flatten: x-ms-client-flatten on the request body "b" is not supported: its model "XPostBody" has additionalProperties',
    );
    const grouped = {
      ...spec,
      paths: {
        "/x": {
          get: {
            operationId: "X_Get",
            parameters: [{ name: "q", in: "query", type: "string", "x-ms-parameter-grouping": "g" }],
            responses: ok,
          },
        },
      },
    };
    expect(errorOf(grouped)).toBe(
      "spec.json#/paths/~1x/get/parameters/0/x-ms-parameter-grouping: x-ms-parameter-grouping must be an object",
    );
  });
});

describe("parameter groups and spread bodies, emitted", () => {
  it("a required group is positional, an optional one an option; a spread body is built from its parameters, its constant written in", () => {
    const things = content("src/operations/things.ts");
    expect(between(things, "export async function thingsPut(", "    successStatuses")).toBe(
      [
        "export async function thingsPut(context: OperationContext, name: string, thingsPutParameters: ThingsPutParameters, options: ThingsPutOptionalParams = {}): Promise<void> {",
        '  assertPresent(thingsPutParameters, "thingsPutParameters");',
        '  assertPresent(name, "name");',
        '  assertPresent(thingsPutParameters.id, "thingsPutParameters.id");',
        '  const url = buildRequestUrl(context.endpoint, "/things/{id}", {',
        "    id: encodePathValue(thingsPutParameters.id),",
        "  }, [",
        '    { name: "top", value: options.pagingOptions?.top },',
        '    { name: "skip", value: options.thingsPutExtra?.skip },',
        "  ]);",
        "  await sendOperation(context, {",
        '    method: "PUT",',
        "    url,",
        "    headers: {",
        '      Accept: "application/json",',
        '      "x-tag": thingsPutParameters.xTag,',
        '      "Content-Type": "application/json",',
        "    },",
        "    body: JSON.stringify(serializeThing({",
        "      name: name,",
        "      id: options.id2,",
        '      kind: "fixed",',
        "      size: options.size,",
        "    })),",
        "    successStatuses",
      ].join("\n"),
    );
    const models = content("src/models.ts");
    expect(between(models, "export interface PagingOptions {", "}\n")).toBe(
      "export interface PagingOptions {\n  /** The `top` parameter. */\n  top?: number;\n}\n",
    );
    expect(between(models, "export interface ThingsPutParameters {", "}\n")).toBe(
      "export interface ThingsPutParameters {\n  /** The `id` parameter. */\n  id: string;\n  /** The `x-tag` parameter. */\n  xTag?: string;\n}\n",
    );
    expect(models).toContain(
      "/** Parameters passed together to {@link ThingsOperations.put}, {@link ThingsOperations.list}. */\nexport interface PagingOptions {",
    );
  });

  it("skip-url-encoding query values go through the path template unencoded; an own api-version parameter replaces the client's", () => {
    const things = content("src/operations/things.ts");
    expect(between(things, "export async function thingsList(", "  await sendOperation")).toBe(
      [
        "export async function thingsList(context: OperationContext, raw: string, options: ThingsListOptionalParams = {}): Promise<void> {",
        '  assertPresent(raw, "raw");',
        '  const url = buildRequestUrl(context.endpoint, "/things{?filter}{?raw}", {',
        '    "?filter": options.filter !== undefined ? "?filter=" + options.filter : "",',
        '    "?raw": (options.filter !== undefined ? "&" : "?") + "raw=" + raw,',
        "  }, [",
        '    { name: "top", value: options.pagingOptions?.top },',
        '    { name: "api-version", value: options.apiVersion },',
        "  ]);",
        "  await sendOperation",
      ].join("\n"),
    );
  });

  it("the output typechecks strictly", () => {
    expect(typecheckFiles("param-groups", files)).toEqual([]);
  });

  it("the functions send what their groups and spread parameters hold", async () => {
    const api = await importGenerated<Record<string, (...args: unknown[]) => Promise<unknown>>>(join(work, "out"), files);
    const sent: Array<{ url: string; body: unknown; tag: string | undefined }> = [];
    const context = {
      endpoint: "https://h.example",
      pipeline: { sendRequest: (client: { sendRequest: (r: unknown) => unknown }, request: unknown) => client.sendRequest(request) },
      httpClient: {
        sendRequest: async (request: { url: string; body?: string; headers: { get: (n: string) => string | undefined } }) => {
          sent.push({
            url: request.url,
            body: request.body === undefined ? undefined : JSON.parse(request.body),
            tag: request.headers.get("x-tag"),
          });
          return { request, status: 200, headers: { get: () => undefined }, bodyAsText: "" };
        },
      },
    };
    await api["thingsPut"]!(context, "n", { id: "a/b", xTag: "t" }, { pagingOptions: { top: 5 }, size: 3 });
    await api["thingsList"]!(context, "x=1&y=2", { filter: "a eq 'b'", apiVersion: "2.0" });
    await api["thingsList"]!(context, "r", {});
    expect(sent).toEqual([
      { url: "https://h.example/things/a%2Fb?top=5", body: { name: "n", kind: "fixed", size: 3 }, tag: "t" },
      { url: "https://h.example/things?filter=a eq 'b'&raw=x=1&y=2&api-version=2.0", body: undefined, tag: undefined },
      { url: "https://h.example/things?raw=r", body: undefined, tag: undefined },
    ]);
    await expect(api["thingsPut"]!(context, "n", undefined)).rejects.toThrow(new TypeError("thingsPutParameters is required"));
  });
});
