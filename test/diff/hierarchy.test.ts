/**
 * `diff spec` walks discriminated hierarchies: a reference to a discriminator root reaches every
 * subtype (at `<path><value>`), compared in the same direction with the usual rules.
 */
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { API_VERSION, brief, diffDocs, swagger } from "./helpers.js";

const str = { type: "string" };
const ref = (name: string): JsonObject => ({ $ref: `#/definitions/${name}` });

interface FishOptions {
  fish?: JsonObject;
  salmon?: JsonObject;
  smartSalmon?: JsonObject;
  shark?: JsonObject;
  sharkRequired?: string[];
  sharkValue?: string;
  sharkName?: string;
  more?: JsonObject;
}

/**
 * The AutoRest test server's fish, trimmed: Fish (discriminator fishtype, siblings: Fish[]) <- Salmon
 * <- SmartSalmon, Fish <- Shark. Subtypes are referenced by nothing but their allOf.
 */
function fishes(o: FishOptions = {}): JsonObject {
  return {
    Fish: {
      type: "object",
      discriminator: "fishtype",
      required: ["fishtype", "length"],
      properties: { fishtype: str, length: { type: "number" }, siblings: { type: "array", items: ref("Fish") }, ...o.fish },
    },
    Salmon: {
      "x-ms-discriminator-value": "salmon",
      allOf: [ref("Fish")],
      properties: { iswild: { type: "boolean" }, location: str, ...o.salmon },
    },
    SmartSalmon: { "x-ms-discriminator-value": "smart_salmon", allOf: [ref("Salmon")], properties: { college: str, ...o.smartSalmon } },
    [o.sharkName ?? "Shark"]: {
      "x-ms-discriminator-value": o.sharkValue ?? "shark",
      allOf: [ref("Fish")],
      required: ["birthday", ...(o.sharkRequired ?? [])],
      properties: { birthday: { type: "string", format: "date-time" }, ...o.shark },
    },
    ...o.more,
  };
}

/** GET /fish answers a Fish, PUT /fish takes one: the root is reached in both directions, subtypes never by name. */
function doc(definitions: JsonObject, paths: JsonObject = {}): JsonObject {
  return swagger(
    {
      "/fish": {
        get: { operationId: "Fish_Get", parameters: [API_VERSION], responses: { "200": { description: "", schema: ref("Fish") } } },
        put: {
          operationId: "Fish_Put",
          parameters: [API_VERSION, { name: "fish", in: "body", required: true, schema: ref("Fish") }],
          responses: { "204": { description: "" } },
        },
      },
      ...paths,
    },
    definitions,
  );
}

const OUT = "GET /fish response 200 body";
const IN = "PUT /fish body";

describe("subtypes reached only through the discriminator", () => {
  it("a new required property on Shark is found in both directions, with the rules of any model property", () => {
    expect(diffDocs(doc(fishes()), doc(fishes({ shark: { age: { type: "integer", format: "int32" } }, sharkRequired: ["age"] })))).toEqual([
      {
        breaking: false,
        rule: "response-property-added",
        message: "property age (integer (int32)) added to response model Shark",
        concerns: { kind: "property", path: `${OUT}<shark>.age`, operation: "GET /fish", direction: "output", model: "Shark" },
      },
      {
        breaking: true,
        rule: "request-property-added-required",
        message: "required property age (integer (int32)) added to request model Shark",
        concerns: { kind: "property", path: `${IN}<shark>.age`, operation: "PUT /fish", direction: "input", model: "Shark" },
      },
    ]);
  });

  it("changes inside a subtype (format, removal) and at depth two (SmartSalmon via Salmon)", () => {
    const after = fishes({ shark: { birthday: str }, smartSalmon: { college: { type: "integer" } } });
    (after["Salmon"] as { properties: JsonObject }).properties = { iswild: { type: "boolean" } };
    const changes = diffDocs(doc(fishes()), doc(after));
    expect(changes.map(brief)).toEqual([
      ["response-property-removed", true, `${OUT}<salmon>.location`],
      ["format-changed", true, `${OUT}<shark>.birthday`],
      ["type-changed", true, `${OUT}<smart_salmon>.college`],
      ["request-property-removed", true, `${IN}<salmon>.location`],
      ["format-changed", true, `${IN}<shark>.birthday`],
      ["type-changed", true, `${IN}<smart_salmon>.college`],
    ]);
    expect(changes.slice(0, 3).map((c) => [c.message, c.concerns.model])).toEqual([
      ["property location removed from response model Salmon", "Salmon"],
      ["format changed from date-time to none (string)", undefined],
      ["type changed from string to integer", undefined],
    ]);
  });

  it("a property inherited from the hierarchy is reported where it is declared, once, not in every subtype", () => {
    const rootChanged = diffDocs(doc(fishes()), doc(fishes({ fish: { weight: str } })));
    expect(rootChanged.map(brief)).toEqual([
      ["response-property-added", false, `${OUT}.weight`],
      ["request-property-added-optional", false, `${IN}.weight`],
    ]);
    const salmonChanged = diffDocs(doc(fishes()), doc(fishes({ salmon: { iswild: str } })));
    expect(salmonChanged.map(brief)).toEqual([
      ["type-changed", true, `${OUT}<salmon>.iswild`],
      ["type-changed", true, `${IN}<salmon>.iswild`],
    ]);
    expect(salmonChanged[0]?.message).toBe("type changed from boolean to string");
  });

  it("a property moved from Salmon down to SmartSalmon is a removal from Salmon only (SmartSalmon's wire shape is the same)", () => {
    const moved = fishes({ smartSalmon: { iswild: { type: "boolean" } } });
    (moved["Salmon"] as { properties: JsonObject }).properties = { location: str };
    expect(diffDocs(doc(fishes()), doc(moved)).map(brief)).toEqual([
      ["response-property-removed", true, `${OUT}<salmon>.iswild`],
      ["request-property-removed", true, `${IN}<salmon>.iswild`],
    ]);
  });

  it("cycles end: Fish.siblings and a Shark property back to Fish reach the hierarchy again, the change is reported once per direction", () => {
    const before = doc(fishes({ shark: { prey: ref("Fish") } }));
    const after = doc(fishes({ shark: { prey: ref("Fish"), teeth: { type: "integer" } } }));
    expect(diffDocs(before, after).map(brief)).toEqual([
      ["response-property-added", false, `${OUT}<shark>.teeth`],
      ["request-property-added-optional", false, `${IN}<shark>.teeth`],
    ]);
  });

  it("subtypes match by discriminator value: a renamed definition is no change, a new value on the same definition is discriminator-changed", () => {
    expect(diffDocs(doc(fishes()), doc(fishes({ sharkName: "Requin" })))).toEqual([]);
    const revalued = diffDocs(doc(fishes()), doc(fishes({ sharkValue: "great_white" })));
    expect(revalued.map(brief)).toEqual([
      ["discriminator-changed", true, `${OUT}<great_white>`],
      ["discriminator-changed", true, `${IN}<great_white>`],
    ]);
    expect(revalued[0]?.message).toBe("discriminator value of Shark changed from shark to great_white");
  });

  it("a subtype added below an intermediate (Goblin extends Shark) belongs to Fish's hierarchy", () => {
    const goblin = { Goblin: { "x-ms-discriminator-value": "goblin", allOf: [ref("Shark")], properties: { jaw: str } } };
    expect(diffDocs(doc(fishes()), doc(fishes({ more: goblin }))).map(brief)).toEqual([
      ["subtype-added", false, `${OUT}<goblin>`],
      ["subtype-added", false, `${IN}<goblin>`],
    ]);
  });

  it("a reference to an intermediate model (Salmon) reaches its own subtypes, as the emitter's SalmonUnion does", () => {
    const salmonOnly = (college: JsonObject): JsonObject =>
      swagger(
        {
          "/salmon": {
            get: { operationId: "Salmon_Get", parameters: [API_VERSION], responses: { "200": { description: "", schema: ref("Salmon") } } },
          },
        },
        fishes({ smartSalmon: { college } }),
      );
    // At `body<smart_salmon>`, not through Salmon's inherited siblings (Fish[]), which reach it too.
    expect(diffDocs(salmonOnly(str), salmonOnly({ type: "integer" }))).toEqual([
      {
        breaking: true,
        rule: "type-changed",
        message: "type changed from string to integer",
        concerns: {
          kind: "property",
          path: "GET /salmon response 200 body<smart_salmon>.college",
          operation: "GET /salmon",
          direction: "output",
          old: "string",
          new: "integer",
        },
      },
    ]);
  });

  it("a subtype added below an intermediate reached from the intermediate (first) and from the root is one finding per direction", () => {
    // Operations are walked in the old code model's order (groups by name): Cage_GetShark reaches Shark before Fish_Get reaches Fish.
    const withShark = (more: JsonObject): JsonObject =>
      doc(fishes({ more }), {
        "/cage/shark": {
          get: { operationId: "Cage_GetShark", parameters: [API_VERSION], responses: { "200": { description: "", schema: ref("Shark") } } },
        },
      });
    const goblin = { Goblin: { "x-ms-discriminator-value": "goblin", allOf: [ref("Shark")], properties: { jaw: str } } };
    const changes = diffDocs(withShark({}), withShark(goblin));
    expect(changes.map(brief)).toEqual([
      ["subtype-added", false, "GET /cage/shark response 200 body<goblin>"],
      ["subtype-added", false, `${IN}<goblin>`],
    ]);
    expect(changes[0]?.message).toBe(
      'subtype Goblin (fishtype "goblin") added to response model Shark (a client that does not know it reads it as a plain Shark)',
    );
    expect(diffDocs(withShark(goblin), withShark({})).map((c) => [c.rule, c.breaking, c.concerns.path, c.message])).toEqual([
      [
        "subtype-removed-output",
        false,
        "GET /cage/shark response 200 body<goblin>",
        'subtype Goblin (fishtype "goblin") removed from response model Shark: responses no longer carry it',
      ],
      [
        "subtype-removed-input",
        true,
        `${IN}<goblin>`,
        'subtype Goblin (fishtype "goblin") removed from request model Fish: requests may no longer send it',
      ],
    ]);
  });
});
