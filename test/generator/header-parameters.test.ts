/**
 * A spec's own `Accept` or `Content-Type` header parameter (emit/headerValues.ts, requestHeaders.ts,
 * requestBody.ts, bodies.ts): sent in place of the header the emitter writes, which stays the default
 * when the parameter is optional and not given; the request has one property per header.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { inMemory } from "../fixtures/model/load.js";

const ok = { "200": { description: "ok", schema: { type: "string" } } };
const templatesDir = join(repoRoot, "templates");
const files = (doc: JsonObject) => emitClient(readCodeModel([inMemory(doc)], { clientName: "C" }), { templatesDir });
const itemsFile = (out: ReturnType<typeof files>) => out.find((f) => f.path === "src/operations/items.ts")?.content ?? "";
/** The `headers: { ... }` blocks of a file, one string per request. */
const headerBlocks = (text: string) => [...text.matchAll(/ {4}headers: \{\n([\s\S]*?)\n {4}\},/g)].map((m) => m[1]);

const body = { name: "body", in: "body", required: true, schema: { type: "object", properties: { a: { type: "string" } } } };
const doc: JsonObject = {
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  host: "localhost",
  consumes: ["application/json"],
  produces: ["application/json"],
  paths: {
    // Bing search: an optional Accept the caller may set (application/ld+json)
    "/search": {
      get: { operationId: "Items_Search", parameters: [{ name: "Accept", in: "header", type: "string" }], responses: ok },
    },
    // Azure Monitor metrics: a required Content-Type (application/json or application/x-ndjson) next to a JSON body
    "/metrics": {
      post: {
        operationId: "Items_Create",
        parameters: [{ name: "Content-Type", in: "header", required: true, type: "string" }, body],
        responses: ok,
      },
    },
    // an optional one, spelled in lower case
    "/lists": {
      put: {
        operationId: "Items_Update",
        parameters: [{ name: "content-type", in: "header", type: "string", "x-ms-client-name": "listContentType" }, body],
        responses: ok,
      },
    },
    // Content Moderator: a required constant Content-Type (a one-value enum) with a text body
    "/transcript": {
      put: {
        operationId: "Items_AddTranscript",
        consumes: ["text/plain"],
        parameters: [
          { name: "Content-Type", in: "header", required: true, type: "string", enum: ["text/plain"] },
          { name: "body", in: "body", required: true, schema: { type: "string" } },
        ],
        responses: ok,
      },
    },
    // Content Moderator's jobs: the body may be JSON or an image; the Content-Type parameter chooses
    "/jobs": {
      post: {
        operationId: "Items_CreateJob",
        consumes: ["application/json", "image/jpeg"],
        parameters: [
          { name: "Content-Type", in: "header", required: true, type: "string", enum: ["application/json", "image/jpeg"] },
          { name: "body", in: "body", required: true, schema: { type: "object", properties: { a: { type: "string" } } } },
        ],
        responses: ok,
      },
    },
  },
};

describe("a spec's own Accept and Content-Type header parameters", () => {
  const out = files(doc);
  const items = itemsFile(out);

  it("every request has each header once, and the output typechecks", () => {
    for (const block of headerBlocks(items)) {
      const names = block!.split("\n").map((line) =>
        line
          .trim()
          .replace(/^"?([^":]+)"?:.*$/, "$1")
          .toLowerCase(),
      );
      expect(new Set(names).size).toBe(names.length);
    }
    expect(headerBlocks(items)).toHaveLength(5);
    expect(typecheckFiles("header-parameters", out)).toEqual([]);
  });

  it("an optional Accept is sent when given, else the media type the operation produces", () => {
    expect(headerBlocks(items)[0]).toBe('      Accept: options.accept ?? "application/json",');
  });

  it("a required Content-Type is sent as given, in place of the body's media type", () => {
    expect(headerBlocks(items)[1]).toBe('      Accept: "application/json",\n      "Content-Type": contentType,');
    expect(items).toContain("export async function itemsCreate(context: OperationContext, body: ItemsCreateBody, contentType: string,");
  });

  it("an optional one (any spelling) is sent when given, else the body's media type", () => {
    expect(headerBlocks(items)[2]).toBe(
      '      Accept: "application/json",\n      "Content-Type": options.listContentType ?? "application/json",',
    );
  });

  it("a constant one is written once", () => {
    expect(headerBlocks(items)[3]).toBe('      Accept: "application/json",\n      "Content-Type": "text/plain",');
  });

  it("with several media types, the parameter chooses how the body is written (no contentType option of the emitter's)", () => {
    expect(headerBlocks(items)[4]).toBe('      Accept: "application/json",\n      "Content-Type": contentType,');
    expect(items).toContain('    body: contentType === "application/json" ? JSON.stringify(body) : (body as BinaryBody),\n');
    expect(items).toContain(
      "body: ItemsCreateJobBody | BinaryBody, contentType: ItemsCreateJobContentType, options: OperationOptions = {}",
    );
  });
});
