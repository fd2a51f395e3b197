import { describe, expect, it } from "vitest";
import { readCodeModel } from "../../generator/input/index.js";
import { parameterName, typeScriptNames } from "../../generator/emit/names.js";
import { camelCase, enumMemberName, pascalCase } from "../../generator/model/names.js";
import type { JsonObject } from "../../generator/load/types.js";
import { inMemory } from "../fixtures/model/load.js";

describe("name conversions", () => {
  it("PascalCase and camelCase", () => {
    expect(
      [
        "api-version",
        "x-ms-client-request-id",
        "int-wrapper",
        "smart_salmon",
        "fish.type",
        "IdentityOperations",
        "URLPath",
        "UPPER_CASE",
      ].map((s) => [pascalCase(s), camelCase(s)]),
    ).toEqual([
      ["ApiVersion", "apiVersion"],
      ["XMsClientRequestId", "xMsClientRequestId"],
      ["IntWrapper", "intWrapper"],
      ["SmartSalmon", "smartSalmon"],
      ["FishType", "fishType"],
      ["IdentityOperations", "identityOperations"],
      ["URLPath", "urlPath"],
      ["UpperCase", "upperCase"],
    ]);
  });

  it("enum member names", () => {
    expect(["chat.join.limited", "voip", "chatJoin", "2016-02-29", "1.0.0", ""].map(enumMemberName)).toEqual([
      "ChatJoinLimited",
      "Voip",
      "ChatJoin",
      "Value2016_02_29",
      "Value1_0_0",
      "Empty",
    ]);
  });

  it("reserved words and `options` as parameter names get the suffix Param in TypeScript (emit/names.ts)", () => {
    expect(["delete", "default", "class", "function", "typeof", "options", "id"].map(parameterName)).toEqual([
      "deleteParam",
      "defaultParam",
      "classParam",
      "functionParam",
      "typeofParam",
      "optionsParam",
      "id",
    ]);
  });
});

describe("names in a built model", () => {
  const q = (name: string): JsonObject => ({ name, in: "query", type: "string" });
  const doc: JsonObject = {
    swagger: "2.0",
    info: { title: "my test-service", version: "1.0" },
    paths: {
      "/things/{class}": {
        delete: {
          operationId: "Things_Delete",
          parameters: [
            { name: "class", in: "path", required: true, type: "string" },
            q("delete"),
            q("typeof"),
            q("options"),
            q("x-ms-client-request-id"),
            { ...q("x-custom"), "x-ms-client-name": "customHeader" },
          ],
          responses: { "204": { description: "ok" } },
        },
      },
      "/ping": { get: { operationId: "ping", responses: { "200": { description: "ok", schema: { $ref: "#/definitions/cat" } } } } },
    },
    definitions: {
      cat: { type: "object", properties: { name: { type: "string" } } },
      Cat: { type: "object", properties: { age: { type: "integer" } } },
      ThingsOperations: { type: "object" },
      Error: { type: "object" },
      MyTestService: { type: "object" },
      Color: { type: "string", enum: ["red", "dark-blue", "2nd"] },
      Fixed: { type: "string", enum: ["only"], "x-ms-enum": { name: "Fixed", modelAsString: false } },
      Open: { type: "string", enum: ["only"], "x-ms-enum": { name: "Open", modelAsString: true } },
      Holder: {
        type: "object",
        properties: {
          inline: { type: "object", properties: { deep: { type: "string", enum: ["a", "b"] } } },
          fixed: { $ref: "#/definitions/Fixed" },
          default: { type: "string" },
        },
      },
    },
  };
  const model = readCodeModel([inMemory(doc)], { clientName: "" });

  it('client name from info.title; group-less operations go to group ""', () => {
    expect(model.client.name).toBe("MyTestService");
    expect(model.operationGroups.map((g) => [g.name, g.typeName, g.operations.map((o) => o.name)])).toEqual([
      ["", "", ["ping"]],
      ["things", "Things", ["delete"]],
    ]);
  });

  it("parameters: the model keeps reserved words and options; TypeScript names add Param; the method may be called delete", () => {
    expect(model.operationGroups[1]?.operations[0]?.parameters.map((p) => p.name)).toEqual([
      "class",
      "delete",
      "typeof",
      "options",
      "xMsClientRequestId",
      "customHeader",
    ]);
    const del = typeScriptNames(model).operationGroups[1]?.operations[0];
    expect(del?.name).toBe("delete");
    expect(del?.parameters.map((p) => [p.name, p.serializedName])).toEqual([
      ["classParam", "class"],
      ["deleteParam", "delete"],
      ["typeofParam", "typeof"],
      ["optionsParam", "options"],
      ["xMsClientRequestId", "x-ms-client-request-id"],
      ["customHeader", "x-custom"],
    ]);
  });

  it("type-name collisions: second claimant numbered, the client's name gets Model; TypeScript's global and generated names get Model in emit", () => {
    expect(model.objects.map((o) => o.name)).toEqual([
      "Cat",
      "Cat2",
      "Error",
      "Holder",
      "HolderInline",
      "MyTestServiceModel",
      "ThingsOperations",
    ]);
    expect(typeScriptNames(model).objects.map((o) => [o.name, o.serializedName])).toEqual([
      ["Cat", "cat"],
      ["Cat2", "Cat"],
      ["ErrorModel", "Error"],
      ["Holder", "Holder"],
      ["HolderInline", "HolderInline"],
      ["MyTestServiceModel", "MyTestService"],
      ["ThingsOperationsModel", "ThingsOperations"],
    ]);
  });

  it("enums: derived names for inline enums, constants, member names", () => {
    expect(model.enums.map((e) => [e.name, e.extensible, e.values.map((v) => [v.name, v.value])])).toEqual([
      [
        "Color",
        false,
        [
          ["Red", "red"],
          ["DarkBlue", "dark-blue"],
          ["Value2nd", "2nd"],
        ],
      ],
      [
        "HolderInlineDeep",
        false,
        [
          ["A", "a"],
          ["B", "b"],
        ],
      ],
      ["Open", true, [["Only", "only"]]],
    ]);
    const holder = model.objects.find((o) => o.name === "Holder");
    expect(holder?.properties.map((p) => [p.name, p.type])).toEqual([
      ["inline", { kind: "model", name: "HolderInline" }],
      ["fixed", { kind: "constant", value: "only" }],
      ["default", { kind: "string" }],
    ]);
    expect(holder?.usage).toEqual([]);
    expect(model.objects.find((o) => o.name === "Cat")?.usage).toEqual(["output"]);
  });
});
