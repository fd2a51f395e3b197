/**
 * OpenAPI 3 constructs the reader maps rather than refuses (generator/input/openapi3/README.md): form fields that
 * are a `$ref`, webhooks, path- and operation-level servers equal to the document's, `$ref`s into a response's
 * media type schema, and security scheme errors restated at `components/securitySchemes`. Small inline documents.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";

const work = mkdtempSync(join(tmpdir(), "acs-gen-openapi3-features-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function generate(doc: JsonObject, name: string): Promise<Array<{ path: string; content: string }>> {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(doc));
  return generateInMemory(path, work);
}

async function refusal(doc: JsonObject, name: string): Promise<string> {
  try {
    await generate(doc, name);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} was not refused`);
}

const text = (files: Array<{ path: string; content: string }>, path: string): string => files.find((f) => f.path === path)?.content ?? "";
const info = { title: "Things", version: "1" };
const servers = [{ url: "https://things.example" }];
const ok = { "204": { description: "done" } };
const podcast = { type: "object", required: ["title"], properties: { title: { type: "string" }, cover_art: { type: "string" } } };

describe("OpenAPI 3 form fields, webhooks, servers", () => {
  it("a form field that is a $ref is the referenced model, sent as its JSON in wire form", async () => {
    const doc = {
      openapi: "3.0.3",
      info,
      servers,
      paths: {
        "/podcasts": {
          post: {
            operationId: "Podcasts_Create",
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: {
                    type: "object",
                    required: ["podcast"],
                    properties: { logo: { type: "string", format: "binary" }, podcast: { $ref: "#/components/schemas/Podcast" } },
                  },
                },
              },
            },
            responses: ok,
          },
        },
      },
      components: { schemas: { Podcast: podcast } },
    };
    const files = await generate(doc, "form-ref");
    const operations = text(files, "src/operations/podcasts.ts");
    expect(operations).toContain("podcast: Podcast,");
    expect(operations).toContain('["podcast", JSON.stringify(serializePodcast(podcast))],');
    expect(typecheckFiles("openapi3-form-ref", files)).toEqual([]);
  });

  it("webhooks generate no operation; a document with only webhooks gets the models and a client without operations", async () => {
    const doc = {
      openapi: "3.1.0",
      info,
      webhooks: {
        "podcast.created": {
          post: {
            requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Podcast" } } } },
            responses: { "200": { description: "received" } },
          },
        },
      },
      components: { schemas: { Podcast: podcast } },
    };
    const files = await generate(doc, "webhooks");
    expect(files.map((f) => f.path).filter((p) => p.startsWith("src/operations"))).toEqual([]);
    expect(text(files, "src/models.ts")).toContain("export interface Podcast {\n");
    expect(text(files, "src/index.ts")).toContain("export { Things, type ThingsOptions, ThingsCore, type ThingsCoreOptions } from");
    expect(typecheckFiles("openapi3-webhooks", files)).toEqual([]);
  });

  it("path- and operation-level servers equal to the document's are ignored", async () => {
    const get = { operationId: "Things_Get", responses: ok };
    const same = { openapi: "3.0.3", info, servers, paths: { "/things": { servers, get: { ...get, servers } } } };
    const files = await generate(same, "servers-same");
    expect(text(files, "src/operations/things.ts")).toContain('buildRequestUrl(context.endpoint, "/things"');
  });

  it("other servers are the operation's own base URL, their variables its path parameters", async () => {
    const other = {
      url: "https://{index}.svc.example.io/v1/",
      variables: { index: { default: "example", description: "The index the request goes to." } },
    };
    const doc = {
      openapi: "3.0.3",
      info,
      servers,
      paths: {
        "/stats": { servers: [other], get: { operationId: "Stats_Get", responses: ok } },
        "/things": {
          get: { operationId: "Things_Get", servers: [other], responses: ok },
          put: { operationId: "Things_Put", responses: ok },
        },
      },
    };
    const files = await generate(doc, "servers-other");
    const stats = text(files, "src/operations/stats.ts");
    expect(stats).toContain(" * @param index - The index the request goes to.\n");
    expect(stats).toContain(
      "export async function statsGet(context: OperationContext, index: string, options: OperationOptions = {}): Promise<void> {",
    );
    expect(stats).toContain(
      '  const url = buildRequestUrl("", "https://{index}.svc.example.io/v1/stats", {\n    index: encodePathValue(index),\n  });',
    );
    const things = text(files, "src/operations/things.ts");
    expect(things).toContain('buildRequestUrl("", "https://{index}.svc.example.io/v1/things", {');
    expect(things).toContain('buildRequestUrl(context.endpoint, "/things", {});');
    expect(typecheckFiles("openapi3-servers", files)).toEqual([]);
  });

  it("a relative path-level server URL is refused at its pointer", async () => {
    const doc = {
      openapi: "3.0.3",
      info,
      servers,
      paths: { "/things": { servers: [{ url: "/v2" }], get: { operationId: "Things_Get", responses: ok } } },
    };
    expect(await refusal(doc, "servers-relative")).toBe(
      "servers-relative.json#/paths/~1things/servers/0/url: a path- or operation-level server URL that is not absolute is not supported (OpenAPI 3 input)",
    );
  });

  it("a $ref into another response's media type schema reads that response's schema", async () => {
    const schema = { type: "object", properties: { title: { type: "string" } } };
    const content = (s: JsonObject) => ({ "application/json": { schema: s } });
    const doc = {
      openapi: "3.0.3",
      info,
      servers,
      paths: {
        "/things": {
          get: { operationId: "Things_Get", responses: { "200": { description: "one", content: content(schema) } } },
          post: {
            operationId: "Things_Post",
            responses: {
              "200": {
                description: "the same",
                content: content({ $ref: "#/paths/~1things/get/responses/200/content/application~1json/schema" }),
              },
            },
          },
        },
      },
    };
    const files = await generate(doc, "media-ref");
    expect(text(files, "src/operations/things.ts")).toContain("): Promise<ThingsGetResponse> {");
    expect(text(files, "src/operations/things.ts")).not.toContain("ThingsPostResponse");
  });

  it("an error about a security scheme names its components/securitySchemes pointer", async () => {
    const doc = {
      openapi: "3.0.3",
      info,
      servers,
      paths: { "/things": { get: { operationId: "Things_Get", responses: ok } } },
      components: { securitySchemes: { Key: { type: "apiKey", name: "key", in: "cookie" } } },
      security: [{ Key: [] }],
    };
    expect(await refusal(doc, "security-pointer")).toBe(
      'security-pointer.json#/components/securitySchemes/Key/in: apiKey security scheme "Key" outside a header or the query is not supported (only "in": "header" or "query" with a "name" is)',
    );
  });
});
