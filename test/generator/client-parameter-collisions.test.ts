/**
 * Client parameters whose names collide after camelCasing (generator/input/swagger2/operations.ts): one client
 * member per (location, wire name); a later one named like an earlier one is numbered, and every operation sends
 * each value under its own wire name in its own place. Seen in adafruit.com.json: `group_key` both in a path
 * (required) and in a query (optional), both global parameters.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { inMemory } from "../fixtures/model/load.js";

const ok = { "200": { description: "ok" } };
const templatesDir = join(repoRoot, "templates");

const doc: JsonObject = {
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  host: "localhost",
  parameters: {
    GroupParam: { name: "group_key", in: "query", type: "string" },
    GroupPath: { name: "group_key", in: "path", required: true, type: "string" },
  },
  paths: {
    "/groups": {
      get: {
        operationId: "Groups_List",
        parameters: [
          { $ref: "#/parameters/GroupParam" },
          { name: "group-key", in: "header", required: true, type: "integer", "x-ms-parameter-location": "client" },
        ],
        responses: ok,
      },
    },
    "/groups/{group_key}": {
      get: {
        operationId: "Groups_Get",
        parameters: [{ $ref: "#/parameters/GroupPath" }, { $ref: "#/parameters/GroupParam" }],
        responses: ok,
      },
    },
  },
};

describe("client parameters named alike in different places", () => {
  const model = readCodeModel([inMemory(doc)], { clientName: "C" });

  it("each gets one client member, the later ones numbered in spec order", () => {
    expect(model.client.parameters.map((p) => [p.name, p.location, p.serializedName, p.required])).toEqual([
      ["groupKey", "query", "group_key", false],
      ["groupKey2", "header", "group-key", true],
      ["groupKey3", "path", "group_key", true],
    ]);
    const ops = model.operationGroups.flatMap((g) => g.operations.map((o) => [o.name, o.clientParameters]));
    expect(ops).toEqual([
      ["list", ["groupKey", "groupKey2"]],
      ["get", ["groupKey3", "groupKey"]],
    ]);
  });

  it("the client declares each once and every operation sends each value in its place (strict typecheck)", () => {
    const out = emitClient(model, { templatesDir });
    const client = out.find((f) => f.path === "src/c.ts")?.content ?? "";
    expect(client.match(/^ {2}readonly groupKey\d?: .*$/gm)).toEqual([
      "  readonly groupKey: string | undefined;",
      "  readonly groupKey2: number;",
      "  readonly groupKey3: string;",
    ]);
    const ops = out.find((f) => f.path === "src/operations/groups.ts")?.content ?? "";
    expect(ops.match(/^.*context\.groupKey\d?\b.*$/gm)).toEqual([
      '    { name: "group_key", value: context.groupKey },',
      '      "group-key": formatScalar(context.groupKey2),',
      "    group_key: encodePathValue(context.groupKey3),",
      '    { name: "group_key", value: context.groupKey },',
    ]);
    expect(typecheckFiles("client-parameter-collisions", out)).toEqual([]);
  });
});
