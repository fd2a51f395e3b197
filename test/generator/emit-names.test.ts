/**
 * TypeScript names (generator/emit/names.ts): the code model keeps language-neutral names, the emitter
 * resolves reserved words and collisions with its own names, and every reference follows a rename.
 */
import { describe, expect, it } from "vitest";
import { RESERVED_WORDS, safeLocalName, typeScriptNames } from "../../generator/emit/names.js";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { inMemory } from "../fixtures/model/load.js";

const doc: JsonObject = {
  swagger: "2.0",
  info: { title: "Shop", version: "1.0" },
  parameters: { Async: { name: "async", in: "query", type: "string", "x-ms-parameter-location": "client" } },
  paths: {
    "/orders": {
      put: {
        operationId: "Orders_Put",
        parameters: [
          { $ref: "#/parameters/Async" },
          { name: "new", in: "query", type: "string" },
          { name: "newParam", in: "query", type: "string" },
          { name: "body", in: "body", required: true, "x-ms-client-flatten": true, schema: { $ref: "#/definitions/Order" } },
        ],
        responses: { "200": { description: "ok", schema: { type: "array", items: { $ref: "#/definitions/Date" } } } },
      },
    },
  },
  definitions: {
    Order: { type: "object", properties: { delete: { type: "string" }, when: { $ref: "#/definitions/Date" } } },
    Date: { type: "object", properties: { day: { type: "string" } } },
    Special: {
      type: "object",
      allOf: [{ $ref: "#/definitions/Date" }],
      properties: { map: { type: "object", additionalProperties: { $ref: "#/definitions/Date" } } },
    },
    OrdersOperations: { type: "string", enum: ["a", "b"] },
  },
};

describe("emit: TypeScript names of a code model", () => {
  const model = readCodeModel([inMemory(doc)], { clientName: "" });
  const named = typeScriptNames(model);
  const put = named.operationGroups[0]!.operations[0]!;

  it("the model itself holds no TypeScript renames", () => {
    expect(model.objects.map((o) => o.name)).toEqual(["Date", "Order", "Special"]);
    expect(model.enums.map((e) => e.name)).toEqual(["OrdersOperations"]);
    expect(model.client.parameters.map((p) => p.name)).toEqual(["async"]);
    expect(model.operationGroups[0]!.operations[0]!.parameters.map((p) => p.name)).toEqual(["new", "newParam"]);
  });

  it("types named like a global or an emitted type get Model, and every reference follows", () => {
    expect(named.objects.map((o) => o.name)).toEqual(["DateModel", "Order", "Special"]);
    expect(named.enums.map((e) => e.name)).toEqual(["OrdersOperationsModel"]);
    const special = named.objects.find((o) => o.name === "Special")!;
    expect(special.parents).toEqual(["DateModel"]);
    expect(special.properties[0]?.type).toEqual({ kind: "dictionary", values: { kind: "model", name: "DateModel" } });
    expect(named.objects.find((o) => o.name === "Order")!.properties[1]?.type).toEqual({ kind: "model", name: "DateModel" });
    expect(put.responses[0]?.bodyType).toEqual({ kind: "array", items: { kind: "model", name: "DateModel" } });
  });

  it("parameters named like reserved words get Param, numbered when taken; client parameters and their references too", () => {
    expect(put.parameters.map((p) => p.name)).toEqual(["newParam2", "newParam"]);
    expect(named.client.parameters.map((p) => p.name)).toEqual(["asyncParam"]);
    expect(put.clientParameters).toEqual(["asyncParam"]);
    expect(put.body?.spread?.map((s) => [s.name, s.property])).toEqual([
      ["deleteParam", "delete"],
      ["when", "when"],
    ]);
  });

  it("returns the model itself when nothing needs a TypeScript name", () => {
    const plain = readCodeModel([inMemory({ ...doc, parameters: {}, paths: {}, definitions: { Order: { type: "object" } } })], {
      clientName: "",
    });
    expect(typeScriptNames(plain)).toBe(plain);
  });

  it("local names use the same reserved words", () => {
    expect([...RESERVED_WORDS].filter((w) => safeLocalName(w) !== `${w}Param`)).toEqual([]);
    expect(["1st", "a-b", ""].map(safeLocalName)).toEqual(["_1st", "a_b", "_"]);
  });
});
