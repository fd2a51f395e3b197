/**
 * x-ms-paths: operations whose paths differ only in their query (`/path?query`) are generated like those
 * under `paths` (they used to be dropped without a word), and the query part is sent as written.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { errorOf } from "../fixtures/model/errors.js";
import { inMemory } from "../fixtures/model/load.js";

const ok = { "200": { description: "ok" } };
const spec: JsonObject = {
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  host: "localhost",
  paths: { "/items": { get: { operationId: "Items_List", responses: ok } } },
  "x-ms-paths": {
    "/items?kind=archived": {
      get: { operationId: "Items_ListArchived", parameters: [{ name: "top", in: "query", type: "integer" }], responses: ok },
    },
  },
};

const work = mkdtempSync(join(tmpdir(), "acs-gen-xms-paths-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("x-ms-paths", () => {
  it("its operations are in the model, after those of paths, with the path as written", () => {
    const model = readCodeModel([inMemory(spec)], { clientName: "C" });
    expect(model.operationGroups.map((g) => [g.name, g.operations.map((o) => [o.name, o.method, o.path])])).toEqual([
      [
        "items",
        [
          ["list", "get", "/items"],
          ["listArchived", "get", "/items?kind=archived"],
        ],
      ],
    ]);
  });

  it("errors point into x-ms-paths", () => {
    const bad = {
      ...spec,
      "x-ms-paths": {
        "/items?kind=x": {
          get: { operationId: "Items_X", parameters: [{ name: "id", in: "path", required: true, type: "string" }], responses: ok },
        },
      },
    };
    expect(errorOf(bad)).toBe(
      'spec.json#/x-ms-paths/~1items?kind=x/get/parameters/0: path parameter "id" does not appear in the path template "/items?kind=x"',
    );
  });

  it("the emitted function sends the query part, then its own query parameters", async () => {
    const file = join(work, "spec.json");
    writeFileSync(file, JSON.stringify(spec));
    const files = await generateInMemory(file, work);
    const items = files.find((f) => f.path === "src/operations/items.ts")?.content ?? "";
    expect(items).toContain(
      'const url = buildRequestUrl(context.endpoint, "/items?kind=archived", {}, [\n    { name: "top", value: options.top },\n  ]);',
    );
    expect(typecheckFiles("xms-paths", files)).toEqual([]);
  });
});
