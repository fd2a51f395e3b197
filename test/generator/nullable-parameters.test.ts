/**
 * x-nullable query, header and path parameters (emit/requestValues.ts `absentGuard`, url.ts `nullPathValue`):
 * a null query or header value is not sent, as an absent one (and as a null `multi` array); a null path
 * value is an empty segment.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/index.js";
import { absentGuard } from "../../generator/emit/requestValues.js";
import type { JsonObject } from "../../generator/load/types.js";
import { buildCodeModel } from "../../generator/model/index.js";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { inMemory } from "../fixtures/model/load.js";

const templatesDir = join(repoRoot, "templates");
const files = (doc: JsonObject) => emitClient(buildCodeModel([inMemory(doc)], { clientName: "C" }), { templatesDir });

const doc: JsonObject = {
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  host: "localhost",
  parameters: { Region: { name: "region", in: "query", type: "string", "x-nullable": true } },
  paths: {
    "/items/{id}": {
      get: {
        operationId: "Items_Get",
        parameters: [
          { name: "id", in: "path", required: true, type: "string", "x-nullable": true },
          // Custom Vision's prediction: an optional x-nullable `application`
          { name: "application", in: "query", type: "string", "x-nullable": true },
          { name: "since", in: "query", required: true, type: "string", format: "date", "x-nullable": true },
          { name: "x-count", in: "header", type: "integer", "x-nullable": true },
          { $ref: "#/parameters/Region" },
        ],
        responses: { "200": { description: "ok" } },
      },
    },
  },
};

describe("x-nullable parameters", () => {
  const out = files(doc);
  const items = out.find((f) => f.path === "src/operations/items.ts")?.content ?? "";

  it("typecheck, with null sent as absent (query, header) or an empty path segment", () => {
    expect(items).toContain(
      [
        '  const url = buildRequestUrl(context.endpoint, "/items/{id}", {',
        '    id: id === null ? "" : encodePathValue(id),',
        "  }, [",
        '    { name: "application", value: options.application ?? undefined },',
        '    { name: "since", value: since === null ? undefined : formatDate(since, "date") },',
        '    { name: "region", value: context.region ?? undefined },',
        "  ]);",
      ].join("\n"),
    );
    expect(items).toContain(
      '      "x-count": options.xCount === null || options.xCount === undefined ? undefined : formatScalar(options.xCount),\n',
    );
    expect(typecheckFiles("nullable-parameters", out)).toEqual([]);
  });

  it("absentGuard: undefined when optional, null too when nullable", () => {
    expect(absentGuard("o.a", "o.a", true, false)).toBe("o.a");
    expect(absentGuard("o.a", "f(o.a)", true, false)).toBe("o.a === undefined ? undefined : f(o.a)");
    expect(absentGuard("a", "f(a)", false, false)).toBe("f(a)");
    expect(absentGuard("a", "a", false, true)).toBe("a ?? undefined");
    expect(absentGuard("a", "f(a)", false, true)).toBe("a === null ? undefined : f(a)");
    expect(absentGuard("o.a", "f(o.a)", true, true)).toBe("o.a === null || o.a === undefined ? undefined : f(o.a)");
  });
});
