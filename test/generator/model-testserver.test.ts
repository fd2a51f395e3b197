import { describe, expect, it } from "vitest";
import { typeScriptNames } from "../../generator/emit/names.js";
import { readCodeModel } from "../../generator/input/index.js";
import type { CodeModel, ObjectModel, Operation } from "../../generator/model/types.js";
import { testServerVersion } from "../fixtures/model/load.js";

const build = (file: string): CodeModel => readCodeModel([testServerVersion(file)], { clientName: "" });
function op(model: CodeModel, group: string, name: string): Operation {
  const found = model.operationGroups.find((g) => g.name === group)?.operations.find((o) => o.name === name);
  if (found === undefined) throw new Error(`no operation ${group}.${name}`);
  return found;
}
function obj(model: CodeModel, name: string): ObjectModel {
  const found = model.objects.find((o) => o.name === name);
  if (found === undefined) throw new Error(`no model ${name}`);
  return found;
}

describe("AutoRest test-server specs", () => {
  it("body-string: host endpoint, enums with x-ms-enum, constants", () => {
    const model = build("body-string.json");
    expect(model.client.name).toBe("AutoRestSwaggerBatService");
    expect(model.client.endpoint).toEqual({
      hostTemplate: "localhost:3000",
      useSchemePrefix: true,
      basePath: "",
      scheme: "http",
      parameters: [],
    });
    expect(model.enums.map((e) => [e.name, e.extensible, e.values.map((v) => v.value)])).toEqual([
      ["Colors", false, ["red color", "green-color", "blue_color"]],
    ]);
    const mbcs = testServerVersion("body-string.json").spec.documents["body-string.json"] as {
      paths: Record<string, { put: { parameters: Array<{ schema: { enum: string[] } }> } }>;
    };
    expect(op(model, "string", "putMbcs").body?.type).toEqual({
      kind: "constant",
      value: mbcs.paths["/string/mbcs"]?.put.parameters[0]?.schema.enum[0],
    });
    expect(op(model, "string", "getBase64UrlEncoded").responses[0]?.bodyType).toEqual({ kind: "bytes", format: "base64url" });
    expect(op(model, "string", "getBase64Encoded").responses[0]?.bodyType).toEqual({ kind: "bytes", format: "byte" });
  });

  it("body-complex: inheritance, discriminators, dictionaries, readOnly, Error kept (TypeScript renames it)", () => {
    const model = build("body-complex.json");
    const fish = obj(model, "Fish");
    expect([fish.discriminator, fish.discriminatorValue, fish.usage]).toEqual([
      { propertyName: "fishtype", serializedName: "fishtype" },
      "Fish",
      ["input", "output"],
    ]);
    expect(
      ["Salmon", "SmartSalmon", "Shark", "Sawshark", "Goblinshark", "Cookiecuttershark"].map((n) => {
        const o = obj(model, n);
        return [n, o.parents, o.discriminatorValue];
      }),
    ).toEqual([
      ["Salmon", ["Fish"], "salmon"],
      ["SmartSalmon", ["Salmon"], "smart_salmon"],
      ["Shark", ["Fish"], "shark"],
      ["Sawshark", ["Shark"], "sawshark"],
      ["Goblinshark", ["Shark"], "goblin"],
      ["Cookiecuttershark", ["Shark"], "cookiecuttershark"],
    ]);
    expect(obj(model, "SmartSalmon").additionalProperties).toEqual({ kind: "unknown" });
    expect(obj(model, "DotFish").discriminator).toEqual({ propertyName: "fishType", serializedName: "fish.type" });
    expect(obj(model, "MyDerivedType")).toMatchObject({
      parents: ["MyBaseType"],
      discriminatorValue: "Kind1",
      properties: [
        {
          name: "propD1",
          serializedName: "propD1",
          type: { kind: "string" },
          source: { pointer: "/definitions/MyDerivedType/allOf/1/properties/propD1" },
        },
      ],
    });
    expect(obj(model, "ReadonlyObj").properties.map((p) => [p.name, p.readOnly])).toEqual([
      ["id", true],
      ["size", false],
    ]);
    expect(obj(model, "DictionaryWrapper").properties[0]).toMatchObject({
      name: "defaultProgram",
      nullable: true,
      type: { kind: "dictionary", values: { kind: "string" }, nullable: true },
    });
    expect(obj(model, "Error").serializedName).toBe("Error");
    expect(obj(typeScriptNames(model), "ErrorModel").serializedName).toBe("Error");
    expect(obj(model, "DurationWrapper").properties[0]?.type).toEqual({ kind: "duration" });
    expect(obj(model, "Datetimerfc1123Wrapper").properties[0]?.type).toEqual({ kind: "date", format: "date-time-rfc1123" });
    expect(obj(model, "DoubleWrapper").properties[1]?.name).toBe(
      "field56ZerosAfterTheDotAndNegativeZeroBeforeDotAndThisIsALongFieldNameOnPurpose",
    );
  });

  it("url: global parameters are client-level, collection formats, skip-url-encoding", () => {
    const model = build("url.json");
    expect(model.client.parameters.map((p) => [p.name, p.location, p.required, p.clientLevel])).toEqual([
      ["globalStringPath", "path", true, true],
      ["globalStringQuery", "query", false, true],
    ]);
    const all = op(model, "pathItems", "getAllWithValues");
    expect(all.clientParameters).toEqual(["globalStringPath", "globalStringQuery"]);
    expect(all.parameters.map((p) => [p.name, p.location, p.required])).toEqual([
      ["pathItemStringPath", "path", true],
      ["pathItemStringQuery", "query", false],
      ["localStringPath", "path", true],
      ["localStringQuery", "query", false],
    ]);
    expect(op(model, "queries", "arrayStringPipesValid").parameters[0]).toMatchObject({
      name: "arrayQuery",
      collectionFormat: "pipes",
      type: { kind: "array", items: { kind: "string" } },
      required: false,
    });
    expect(op(model, "paths", "stringUrlNonEncoded").parameters[0]).toMatchObject({
      skipUrlEncoding: true,
      type: { kind: "constant", value: "begin!*'();:@&=+$,end" },
    });
    expect(op(model, "paths", "enumValid").parameters[0]?.type).toEqual({ kind: "enum", name: "UriColor" });
    expect(op(model, "paths", "unixTimeUrl").parameters[0]?.type).toEqual({ kind: "date", format: "unixtime" });
  });

  it("header: header parameters and response headers", () => {
    const model = build("header.json");
    expect(op(model, "header", "paramExistingKey").parameters).toMatchObject([
      { name: "userAgent", serializedName: "User-Agent", location: "header", required: true },
    ]);
    expect(op(model, "header", "responseEnum").responses[0]?.headers).toEqual([
      {
        name: "value",
        serializedName: "value",
        type: { kind: "enum", name: "GreyscaleColors" },
        description: 'response with header values "GREY" or null',
      },
    ]);
    expect(op(model, "header", "responseLong").responses[0]?.headers[0]?.type).toEqual({ kind: "integer", format: "int64" });
  });

  it("other specs: required-optional, extensible enums, validation, reserved words", () => {
    const required = build("required-optional.json");
    expect(required.client.parameters.map((p) => [p.name, p.location, p.required])).toEqual([
      ["requiredGlobalPath", "path", true],
      ["requiredGlobalQuery", "query", true],
      ["optionalGlobalQuery", "query", false],
    ]);

    const enums = build("extensible-enums-swagger.json");
    expect(enums.enums.map((e) => [e.name, e.extensible, e.values.map((v) => v.name)])).toEqual([
      ["DaysOfWeekExtensibleEnum", true, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]],
      ["IntEnum", true, ["Value1", "Value2", "Value3"]],
    ]);

    const validation = build("validation.json");
    const params = op(validation, "", "validationOfMethodParameters").parameters;
    expect(params.map((p) => [p.name, p.constraints])).toEqual([
      ["resourceGroupName", { maxLength: 10, minLength: 3, pattern: "[a-zA-Z0-9']+" }],
      ["id", { maximum: 1000, minimum: 100, multipleOf: 10 }],
    ]);
    // `apiVersion` (not `api-version`) is an ordinary global parameter there: client-level.
    expect(validation.client.parameters.map((p) => [p.name, p.location, p.isApiVersion, p.constraints])).toEqual([
      ["subscriptionId", "path", false, undefined],
      ["apiVersion", "query", false, { pattern: "\\d{2}-\\d{2}-\\d{4}" }],
    ]);

    // formData parameters are form fields (they used to be refused)
    const reserved = build("reserved-words.json");
    const data = op(reserved, "", "operationWithDataParam");
    expect([data.parameters.map((p) => [p.name, p.location, p.required]), data.bodyMediaTypes]).toEqual([
      [
        ["data", "form", true],
        ["world", "form", true],
      ],
      [{ mediaType: "application/x-www-form-urlencoded", kind: "form" }],
    ]);
  });
});
