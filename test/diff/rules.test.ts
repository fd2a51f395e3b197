/**
 * One synthetic fixture (or more) per rule: a small spec, a changed copy, the exact findings.
 * The last test checks every rule of SPEC_RULES is exercised here.
 */
import { describe, expect, it } from "vitest";
import type { Change } from "../../generator/diff/change.js";
import { SPEC_RULES } from "../../generator/diff/spec/rules.js";
import type { JsonObject } from "../../generator/load/types.js";
import { API_VERSION, brief, diffDocs, diffSpecs, memorySpec, postOp, swagger } from "./helpers.js";

type Brief = [string, boolean, string];

const obj = (properties: JsonObject, required: string[] = [], extra: JsonObject = {}): JsonObject => ({
  type: "object",
  properties,
  ...(required.length > 0 ? { required } : {}),
  ...extra,
});
const REQ = { $ref: "#/definitions/Req" };
const RES = { $ref: "#/definitions/Res" };
/** POST /things taking Req, answering Res, plus more definitions. */
const io = (req: JsonObject, res: JsonObject, more: JsonObject = {}, extra: JsonObject = {}): JsonObject =>
  swagger({ "/things": postOp(REQ, RES) }, { Req: req, Res: res, ...more }, extra);
const str = { type: "string" };
const int = { type: "integer", format: "int32" };
const color = (values: string[], extensible: boolean | undefined): JsonObject => ({
  type: "string",
  enum: values,
  ...(extensible !== undefined ? { "x-ms-enum": { name: "Color", modelAsString: extensible } } : {}),
});

const B = "POST /things body";
const R = "POST /things response 200 body";
const seen = new Set<string>();

function check(before: JsonObject, after: JsonObject, expected: Brief[]): Change[] {
  const changes = diffDocs(before, after);
  expect(changes.map(brief)).toEqual(expected);
  for (const [rule] of expected) seen.add(rule);
  return changes;
}

describe("no change on the wire", () => {
  const req = obj({ a: str, b: { type: "array", items: { $ref: "#/definitions/Item" } } }, ["a"]);
  const item = obj({ n: int });
  const base = io(req, obj({ id: str }), { Item: item });

  it("a definition moved to another file is no change", () => {
    const moved = swagger({ "/things": postOp({ $ref: "common.json#/definitions/Req" }, RES) }, { Res: obj({ id: str }) });
    const common = { swagger: "2.0", info: { title: "C", version: "1" }, paths: {}, definitions: { Req: req, Item: item } };
    expect(diffSpecs(memorySpec(base), memorySpec(moved, { "common.json": common }))).toEqual([]);
  });

  it("a renamed definition, an inlined body and a renamed path parameter are no change", () => {
    const inlined = swagger(
      {
        "/things": postOp(obj({ a: str, b: { type: "array", items: { $ref: "#/definitions/Entry" } } }, ["a"]), {
          $ref: "#/definitions/Out",
        }),
      },
      { Entry: item, Out: obj({ id: str }) },
    );
    expect(diffDocs(base, inlined)).toEqual([]);
    const withId = (name: string): JsonObject =>
      swagger({
        [`/things/{${name}}`]: {
          get: {
            operationId: "Get",
            parameters: [API_VERSION, { name, in: "path", required: true, type: "string" }],
            responses: { "204": { description: "" } },
          },
        },
      });
    expect(diffDocs(withId("id"), withId("thingId"))).toEqual([]);
  });

  it("descriptions and the api-version's value and constraints are no change", () => {
    const described = io({ ...req, description: "now described" }, obj({ id: { type: "string", description: "x" } }), { Item: item });
    expect(diffDocs(base, described)).toEqual([]);
    const constrained = JSON.parse(JSON.stringify(base)) as { parameters: { ApiVersion: Record<string, unknown> } };
    constrained.parameters.ApiVersion = { ...constrained.parameters.ApiVersion, minLength: 1, default: "2025-06-30" };
    expect(diffDocs(base, constrained as unknown as JsonObject)).toEqual([]);
  });

  it("an api-version parameter added where there was none is a required parameter added (as 2025-06-30 does to the Teams extension operations); gone, a parameter removed", () => {
    const noVersion = JSON.parse(JSON.stringify(base)) as { paths: { "/things": { post: { parameters: unknown[] } } } };
    noVersion.paths["/things"].post.parameters.shift();
    const [added] = check(noVersion as unknown as JsonObject, base, [["parameter-added-required", true, "POST /things query.api-version"]]);
    expect(added?.message).toBe("required query parameter api-version (string) added");
    const [removed] = check(base, noVersion as unknown as JsonObject, [["parameter-removed", true, "POST /things query.api-version"]]);
    expect(removed?.message).toBe("query parameter api-version removed");
  });
});

describe("operations", () => {
  const one = swagger({ "/things": postOp(undefined, undefined) });
  const two = swagger({
    "/things": postOp(undefined, undefined),
    "/others": { get: { operationId: "Others_Get", parameters: [API_VERSION], responses: { "204": { description: "" } } } },
  });
  it("added, removed", () => {
    check(one, two, [["operation-added", false, "GET /others"]]);
    check(two, one, [["operation-removed", true, "GET /others"]]);
  });
  it("renamed at the same method and path, with both ids", () => {
    const renamed = swagger({ "/things": postOp(undefined, undefined, { operationId: "Things_Create" }) });
    const [change] = check(one, renamed, [["operation-renamed", false, "POST /things"]]);
    expect(change?.message).toBe("operationId Things_Post renamed to Things_Create (same method and path, same wire)");
    expect([change?.concerns.old, change?.concerns.new]).toEqual(["Things_Post", "Things_Create"]);
  });
  it("deprecated", () => {
    check(one, swagger({ "/things": postOp(undefined, undefined, { deprecated: true }) }), [
      ["operation-deprecated", false, "POST /things"],
    ]);
  });
  it("host template, base path", () => {
    check(one, { ...one, basePath: "/v2" }, [["host-changed", true, "(client)"]]);
  });
});

describe("paging (x-ms-pageable)", () => {
  const list = (pageable?: JsonObject): JsonObject =>
    swagger(
      {
        "/things": {
          get: {
            operationId: "Things_List",
            parameters: [API_VERSION],
            responses: { "200": { description: "", schema: { $ref: "#/definitions/Page" } } },
            ...(pageable !== undefined ? { "x-ms-pageable": pageable } : {}),
          },
        },
      },
      { Page: obj({ value: { type: "array", items: str }, items: { type: "array", items: str }, nextLink: str, "@odata.nextLink": str }) },
    );
  const P = "GET /things";
  const paged = list({ nextLinkName: "nextLink" });
  it("added, removed: the generated return type changes between the page and an iterator", () => {
    const [added] = check(list(), paged, [["pageable-added", true, P]]);
    expect(added).toEqual({
      breaking: true,
      rule: "pageable-added",
      message:
        'operation Things_List is now pageable (items "value", next link "nextLink"): it returns an iterator over the items instead of the first page',
      concerns: { kind: "operation", path: P, operation: P },
    });
    const [removed] = check(list({ nextLinkName: null, itemName: "items" }), list(), [["pageable-removed", true, P]]);
    expect(removed?.message).toBe(
      'operation Things_List is no longer pageable (was items "items", next link null): it returns the response as is instead of an iterator over the items',
    );
  });
  it("itemName changed; the default made explicit is no change", () => {
    const [c] = check(paged, list({ nextLinkName: "nextLink", itemName: "items" }), [["pageable-item-name-changed", true, P]]);
    expect(c?.message).toBe('x-ms-pageable itemName changed from "value" to "items": the iterator yields another array');
    expect([c?.concerns.old, c?.concerns.new]).toEqual(["value", "items"]);
    expect(diffDocs(paged, list({ nextLinkName: "nextLink", itemName: "value" }))).toEqual([]);
  });
  it("nextLinkName changed, to null, from null", () => {
    const [renamed] = check(paged, list({ nextLinkName: "@odata.nextLink" }), [["pageable-next-link-changed", true, P]]);
    expect(renamed?.message).toBe(
      'x-ms-pageable nextLinkName changed from "nextLink" to "@odata.nextLink": the iterator follows another link',
    );
    expect([renamed?.concerns.old, renamed?.concerns.new]).toEqual(["nextLink", "@odata.nextLink"]);
    const [single] = check(paged, list({ nextLinkName: null }), [["pageable-next-link-changed", true, P]]);
    expect(single?.message).toBe(
      'x-ms-pageable nextLinkName changed from "nextLink" to null: the iterator no longer follows a next link (a single page)',
    );
    expect(single?.concerns).toEqual({ kind: "operation", path: P, operation: P, old: "nextLink" });
    const [multi] = check(list({ nextLinkName: null }), paged, [["pageable-next-link-changed", true, P]]);
    expect(multi?.message).toBe(
      'x-ms-pageable nextLinkName changed from null to "nextLink": the iterator now follows a next link (more than one page)',
    );
    expect(multi?.concerns).toEqual({ kind: "operation", path: P, operation: P, new: "nextLink" });
  });
  it("both at once are two findings", () => {
    check(paged, list({ nextLinkName: "@odata.nextLink", itemName: "items" }), [
      ["pageable-item-name-changed", true, P],
      ["pageable-next-link-changed", true, P],
    ]);
  });
});

describe("parameters", () => {
  const q = (params: JsonObject[]): JsonObject =>
    swagger({
      "/things": { get: { operationId: "Get", parameters: [API_VERSION, ...params], responses: { "204": { description: "" } } } },
    });
  const P = "GET /things";
  it("added required / optional, removed", () => {
    check(q([]), q([{ name: "top", in: "query", type: "integer", required: true }]), [
      ["parameter-added-required", true, `${P} query.top`],
    ]);
    check(q([]), q([{ name: "x-tag", in: "header", type: "string" }]), [["parameter-added-optional", false, `${P} header.x-tag`]]);
    check(q([{ name: "top", in: "query", type: "integer" }]), q([]), [["parameter-removed", true, `${P} query.top`]]);
  });
  it("required flag, collection format, type, constraints, default; header names match case-insensitively", () => {
    check(q([{ name: "top", in: "query", type: "integer" }]), q([{ name: "top", in: "query", type: "integer", required: true }]), [
      ["parameter-became-required", true, `${P} query.top`],
    ]);
    check(q([{ name: "top", in: "query", type: "integer", required: true }]), q([{ name: "top", in: "query", type: "integer" }]), [
      ["parameter-became-optional", false, `${P} query.top`],
    ]);
    const arr = (format: string): JsonObject => ({ name: "ids", in: "query", type: "array", items: str, collectionFormat: format });
    check(q([arr("csv")]), q([arr("multi")]), [["collection-format-changed", true, `${P} query.ids`]]);
    check(q([{ name: "top", in: "query", type: "integer" }]), q([{ name: "top", in: "query", type: "string" }]), [
      ["type-changed", true, `${P} query.top`],
    ]);
    check(q([{ name: "top", in: "query", type: "integer" }]), q([{ name: "top", in: "query", type: "integer", maximum: 10, default: 5 }]), [
      ["constraint-added", true, `${P} query.top`],
      ["default-added", false, `${P} query.top`],
    ]);
    expect(diffDocs(q([{ name: "X-Tag", in: "header", type: "string" }]), q([{ name: "x-tag", in: "header", type: "string" }]))).toEqual(
      [],
    );
  });
});

describe("request body", () => {
  const body = (schema: JsonObject | undefined, required = true, consumes?: string[]): JsonObject =>
    swagger({
      "/things": {
        post: {
          operationId: "Post",
          ...(consumes !== undefined ? { consumes } : {}),
          parameters: [API_VERSION, ...(schema !== undefined ? [{ name: "body", in: "body", required, schema }] : [])],
          responses: { "204": { description: "" } },
        },
      },
    });
  const s = obj({ a: str });
  it("added (required / optional), removed, required flag", () => {
    check(body(undefined), body(s, true), [["request-body-added-required", true, B]]);
    check(body(undefined), body(s, false), [["request-body-added-optional", false, B]]);
    check(body(s), body(undefined), [["request-body-removed", true, B]]);
    check(body(s, false), body(s, true), [["request-body-became-required", true, B]]);
    check(body(s, true), body(s, false), [["request-body-became-optional", false, B]]);
  });
  it("media types", () => {
    check(body(s, true, ["application/json"]), body(s, true, ["application/json", "text/json"]), [["request-media-type-added", false, B]]);
    check(body(s, true, ["application/json", "text/json"]), body(s, true, ["application/json"]), [["request-media-type-removed", true, B]]);
  });
});

describe("request and response properties", () => {
  const res = obj({ id: str }, ["id"]);
  it("request property added required / optional, removed, required flag", () => {
    const base = io(obj({ a: str }), res);
    check(base, io(obj({ a: str, b: int }, ["b"]), res), [["request-property-added-required", true, `${B}.b`]]);
    const [c] = check(base, io(obj({ a: str, b: int }), res), [["request-property-added-optional", false, `${B}.b`]]);
    expect(c?.message).toBe("optional property b (integer (int32)) added to request model Req");
    check(io(obj({ a: str, b: int }), res), base, [["request-property-removed", true, `${B}.b`]]);
    check(base, io(obj({ a: str }, ["a"]), res), [["request-property-became-required", true, `${B}.a`]]);
    check(io(obj({ a: str }, ["a"]), res), base, [["request-property-became-optional", false, `${B}.a`]]);
  });
  it("a property that becomes read-only leaves the request side; read-only additions to a request model are not request properties", () => {
    check(io(obj({ a: str, b: str }), res), io(obj({ a: str, b: { type: "string", readOnly: true } }), res), [
      ["request-property-removed", true, `${B}.b`],
    ]);
    check(io(obj({ a: str }), res), io(obj({ a: str, etag: { type: "string", readOnly: true } }), res), []);
  });
  it("response property added, removed, required flag", () => {
    const req = obj({ a: str });
    check(io(req, res), io(req, obj({ id: str, name: str }, ["id"])), [["response-property-added", false, `${R}.name`]]);
    check(io(req, obj({ id: str, name: str }, ["id"])), io(req, res), [["response-property-removed", true, `${R}.name`]]);
    check(io(req, res), io(req, obj({ id: str })), [["response-property-became-optional", true, `${R}.id`]]);
    check(io(req, obj({ id: str })), io(req, res), [["response-property-became-required", false, `${R}.id`]]);
  });
  it("inherited (allOf) properties count by wire name", () => {
    const flat = io(obj({ a: str, b: str }), res);
    const inherited = io({ allOf: [{ $ref: "#/definitions/Base" }], type: "object", properties: { b: str } }, res, {
      Base: obj({ a: str }),
    });
    expect(diffDocs(flat, inherited)).toEqual([]);
  });
});

describe("types, formats, nullability", () => {
  const res = obj({ id: str });
  const req = (a: JsonObject): JsonObject => io(obj({ a }), res);
  const out = (a: JsonObject): JsonObject => io(obj({}), obj({ a }));
  it("type, format, array items, dictionary values", () => {
    check(req(str), req(int), [["type-changed", true, `${B}.a`]]);
    check(req(int), req({ type: "integer", format: "int64" }), [["format-changed", true, `${B}.a`]]);
    check(req(str), req({ type: "string", format: "date-time" }), [["format-changed", true, `${B}.a`]]);
    check(req({ type: "array", items: str }), req({ type: "array", items: int }), [["type-changed", true, `${B}.a[]`]]);
    check(req({ type: "object", additionalProperties: str }), req({ type: "object", additionalProperties: int }), [
      ["type-changed", true, `${B}.a{*}`],
    ]);
  });
  it("plain string <-> extensible enum is compatible; constants compared by value", () => {
    check(req(str), req(color(["red", "blue"], true)), [["string-enum-changed", false, `${B}.a`]]);
    check(req({ type: "string", enum: ["v1"] }), req({ type: "string", enum: ["v2"] }), [["constant-changed", true, `${B}.a`]]);
  });
  it("nullable by direction", () => {
    const n = { type: "string", "x-nullable": true };
    check(out(str), out(n), [["became-nullable-output", true, `${R}.a`]]);
    check(req(str), req(n), [["became-nullable-input", false, `${B}.a`]]);
    check(req(n), req(str), [["became-non-nullable-input", true, `${B}.a`]]);
    check(out(n), out(str), [["became-non-nullable-output", false, `${R}.a`]]);
  });
});

describe("enums", () => {
  const inOnly = (c: JsonObject): JsonObject => io(obj({ c: { $ref: "#/definitions/Color" } }), obj({ id: str }), { Color: c });
  const outOnly = (c: JsonObject): JsonObject => io(obj({ id: str }), obj({ c: { $ref: "#/definitions/Color" } }), { Color: c });
  const both = (c: JsonObject): JsonObject =>
    io(obj({ c: { $ref: "#/definitions/Color" } }), obj({ c: { $ref: "#/definitions/Color" } }), { Color: c });
  it("value added: extensible, sealed in output, sealed input-only; a sealed enum used both ways is reported per direction", () => {
    check(outOnly(color(["red", "blue"], true)), outOnly(color(["red", "blue", "green"], true)), [
      ["enum-value-added-extensible", false, `${R}.c`],
    ]);
    check(outOnly(color(["red", "blue"], false)), outOnly(color(["red", "blue", "green"], false)), [
      ["enum-value-added-sealed-output", true, `${R}.c`],
    ]);
    check(inOnly(color(["red", "blue"], undefined)), inOnly(color(["red", "blue", "green"], undefined)), [
      ["enum-value-added-sealed-input", false, `${B}.c`],
    ]);
    check(both(color(["red", "blue"], false)), both(color(["red", "blue", "green"], false)), [
      ["enum-value-added-sealed-input", false, `${B}.c`],
      ["enum-value-added-sealed-output", true, `${R}.c`],
    ]);
  });
  it("value removed, by direction", () => {
    const [c] = check(inOnly(color(["red", "blue", "green"], true)), inOnly(color(["red", "blue"], true)), [
      ["enum-value-removed-input", true, `${B}.c`],
    ]);
    expect(c?.message).toBe('value "green" removed from extensible enum Color');
    check(outOnly(color(["red", "blue", "green"], false)), outOnly(color(["red", "blue"], false)), [
      ["enum-value-removed-output", false, `${R}.c`],
    ]);
  });
  it("sealed <-> extensible, by direction", () => {
    check(inOnly(color(["red", "blue"], true)), inOnly(color(["red", "blue"], false)), [["enum-became-sealed-input", true, `${B}.c`]]);
    check(outOnly(color(["red", "blue"], true)), outOnly(color(["red", "blue"], false)), [["enum-became-sealed-output", false, `${R}.c`]]);
    check(outOnly(color(["red", "blue"], false)), outOnly(color(["red", "blue"], true)), [
      ["enum-became-extensible-output", true, `${R}.c`],
    ]);
    check(inOnly(color(["red", "blue"], false)), inOnly(color(["red", "blue"], true)), [["enum-became-extensible-input", false, `${B}.c`]]);
  });
});

describe("constraints and defaults", () => {
  const req = (a: JsonObject): JsonObject => io(obj({ a }), obj({ id: str }));
  it("on input: added, narrowed, widened, removed, changed (one finding per verdict)", () => {
    const [added] = check(req(int), req({ ...int, minimum: 1, maximum: 10 }), [["constraint-added", true, `${B}.a`]]);
    expect(added?.message).toBe("constraints added: minimum 1, maximum 10");
    const [narrowed, widened] = check(req({ ...int, minimum: 1, maximum: 10 }), req({ ...int, minimum: 2, maximum: 20 }), [
      ["constraint-narrowed", true, `${B}.a`],
      ["constraint-widened", false, `${B}.a`],
    ]);
    expect([narrowed?.message, widened?.message]).toEqual([
      "constraint narrowed: minimum from 1 to 2",
      "constraint widened: maximum from 10 to 20",
    ]);
    check(req({ ...str, maxLength: 5 }), req(str), [["constraint-removed", false, `${B}.a`]]);
    check(req({ ...str, pattern: "^a" }), req({ ...str, pattern: "^b" }), [["constraint-changed", true, `${B}.a`]]);
  });
  it("on output any constraint change is one non-breaking finding", () => {
    const out = (a: JsonObject): JsonObject => io(obj({}), obj({ a }));
    const [c] = check(out(int), out({ ...int, maximum: 10 }), [["output-constraint-changed", false, `${R}.a`]]);
    expect(c?.message).toBe("response constraints changed: maximum 10 added");
  });
  it("defaults (input only)", () => {
    check(req(int), req({ ...int, default: 5 }), [["default-added", false, `${B}.a`]]);
    check(req({ ...int, default: 5 }), req({ ...int, default: 6 }), [["default-changed", true, `${B}.a`]]);
    check(req({ ...int, default: 5 }), req(int), [["default-removed", true, `${B}.a`]]);
    expect(diffDocs(io(obj({}), obj({ a: int })), io(obj({}), obj({ a: { ...int, default: 5 } })))).toEqual([]);
  });
});

describe("model-level", () => {
  it("additional properties by direction", () => {
    const res = obj({ id: str });
    check(io(obj({ a: str }), res), io(obj({ a: str }, [], { additionalProperties: {} }), res), [
      ["additional-properties-added", false, B],
    ]);
    check(io(obj({ a: str }, [], { additionalProperties: {} }), res), io(obj({ a: str }), res), [
      ["additional-properties-removed-input", true, B],
    ]);
    const req = obj({ a: str });
    check(io(req, obj({ id: str }, [], { additionalProperties: str })), io(req, res), [["additional-properties-removed-output", false, R]]);
  });
  it("discriminator", () => {
    const pet = (d: string): JsonObject => io(obj({ kind: str, kind2: str }, ["kind", "kind2"], { discriminator: d }), obj({ id: str }));
    check(pet("kind"), pet("kind2"), [["discriminator-changed", true, B]]);
  });
  it("subtype added (non-breaking both ways: a client reads an unknown value as the root), removed (breaking on input only)", () => {
    const pets = (subtypes: JsonObject): JsonObject =>
      io(
        { $ref: "#/definitions/Pet" },
        { $ref: "#/definitions/Pet" },
        {
          Pet: obj({ kind: str, name: str }, ["kind"], { discriminator: "kind" }),
          Cat: { allOf: [{ $ref: "#/definitions/Pet" }], "x-ms-discriminator-value": "cat", properties: { meows: { type: "boolean" } } },
          ...subtypes,
        },
      );
    const dog = {
      Dog: { allOf: [{ $ref: "#/definitions/Pet" }], "x-ms-discriminator-value": "dog", properties: { barks: { type: "boolean" } } },
    };
    const added = check(pets({}), pets(dog), [
      ["subtype-added", false, "POST /things body<dog>"],
      ["subtype-added", false, "POST /things response 200 body<dog>"],
    ]);
    expect(added.map((c) => c.message)).toEqual([
      'subtype Dog (kind "dog") added to request model Pet',
      'subtype Dog (kind "dog") added to response model Pet (a client that does not know it reads it as a plain Pet)',
    ]);
    expect(added[1]?.concerns).toEqual({
      kind: "model",
      path: "POST /things response 200 body<dog>",
      operation: "POST /things",
      direction: "output",
      model: "Dog",
      new: "dog",
    });
    const removed = check(pets(dog), pets({}), [
      ["subtype-removed-input", true, "POST /things body<dog>"],
      ["subtype-removed-output", false, "POST /things response 200 body<dog>"],
    ]);
    expect(removed.map((c) => c.message)).toEqual([
      'subtype Dog (kind "dog") removed from request model Pet: requests may no longer send it',
      'subtype Dog (kind "dog") removed from response model Pet: responses no longer carry it',
    ]);
    expect(removed[0]?.concerns).toEqual({
      kind: "model",
      path: "POST /things body<dog>",
      operation: "POST /things",
      direction: "input",
      model: "Dog",
      old: "dog",
    });
  });
  it("a recursive model terminates and a change deep inside is reported once, at the first path reaching it", () => {
    const err = (extra: JsonObject): JsonObject =>
      obj({ code: str, inner: { $ref: "#/definitions/Err" }, details: { type: "array", items: { $ref: "#/definitions/Err" } }, ...extra });
    const doc = (extra: JsonObject): JsonObject =>
      swagger(
        {
          "/a": {
            get: {
              operationId: "A",
              parameters: [API_VERSION],
              responses: { "200": { description: "", schema: { $ref: "#/definitions/Err" } } },
            },
          },
          "/b": {
            get: {
              operationId: "B",
              parameters: [API_VERSION],
              responses: { "200": { description: "", schema: { $ref: "#/definitions/Err" } } },
            },
          },
        },
        { Err: err(extra) },
      );
    const [c] = check(doc({}), doc({ target: str }), [["response-property-added", false, "GET /a response 200 body.target"]]);
    expect(c?.concerns).toEqual({
      kind: "property",
      path: "GET /a response 200 body.target",
      operation: "GET /a",
      direction: "output",
      model: "Err",
    });
  });
});

describe("responses", () => {
  const op = (responses: JsonObject): JsonObject =>
    swagger({ "/things": { get: { operationId: "Get", parameters: [API_VERSION], responses } } });
  const P = "GET /things response";
  const withBody = { description: "", schema: obj({ id: str }) };
  it("success status codes, bodies, error responses", () => {
    check(op({ "200": withBody }), op({ "200": withBody, "201": withBody }), [["response-status-added", true, `${P} 201`]]);
    check(op({ "200": withBody, "201": withBody }), op({ "201": withBody }), [["response-status-removed", true, `${P} 200`]]);
    check(op({ "200": { description: "" } }), op({ "200": withBody }), [["response-body-added", false, `${P} 200 body`]]);
    check(op({ "200": withBody }), op({ "200": { description: "" } }), [["response-body-removed", true, `${P} 200 body`]]);
    check(op({ "200": withBody }), op({ "200": withBody, default: withBody }), [["error-response-added", false, `${P} default`]]);
    check(op({ "200": withBody, default: withBody }), op({ "200": withBody }), [["error-response-removed", false, `${P} default`]]);
  });
  it("headers", () => {
    const h = { description: "", headers: { "x-ms-request-id": { type: "string" } } };
    check(op({ "200": { description: "" } }), op({ "200": h }), [["response-header-added", false, `${P} 200 header.x-ms-request-id`]]);
    check(op({ "200": h }), op({ "200": { description: "" } }), [["response-header-removed", true, `${P} 200 header.x-ms-request-id`]]);
  });
});

describe("the rule table", () => {
  it("every rule of SPEC_RULES has a fixture above", () => {
    expect(Object.keys(SPEC_RULES).filter((r) => !seen.has(r))).toEqual([]);
  });
});
