/**
 * An OpenAPI 3 `requestBody` as the shared operation code reads it: the body (named by
 * `x-ms-requestBody-name` or `x-codegen-request-body-name`, else `body`; placed among the operation's
 * parameters at `x-ms-requestBody-index`, else last), or, when every media type is a form, one form
 * parameter per property of the schema. Its media types are what the operation sends.
 */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { child, isObject, type BuildContext, type Loc } from "../jsonSchema/index.js";
import type { PlannedOperation } from "../plan.js";
import type { OperationInput } from "../reader.js";
import { extensionsOf, follow, refuse } from "./refuse.js";

const FORMS = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
const NAME_KEYS = ["x-ms-requestBody-name", "x-codegen-request-body-name"];

export interface RequestBody {
  inputs: OperationInput[];
  consumes: string[];
  /** Where the body goes among the operation's parameters (undefined: last). */
  index?: number;
}

export function requestBodyOf(ctx: BuildContext, planned: PlannedOperation): RequestBody | undefined {
  const operation = planned.op;
  if (operation["requestBody"] === undefined) return undefined;
  const at = child(planned.at, "requestBody");
  const target = follow(ctx, operation["requestBody"], at);
  if (target.at.file !== at.file) refuse(at, "a requestBody $ref to another file");
  const body = target.value;
  const content = isObject(body["content"]) ? body["content"] : {};
  const consumes = Object.keys(content);
  const first = consumes[0];
  if (first === undefined) refuse(child(target.at, "content"), "a requestBody without media types");
  const media = content[first] as JsonObject;
  // read at the operation's requestBody, so a body shared through a `$ref` is read per operation, as Swagger 2 reads it
  const schemaAt = child(at, "content", first, "schema");
  if (consumes.every((type) => FORMS.has(type))) return { inputs: formInputs(ctx, media["schema"], schemaAt), consumes };
  const nameKey = NAME_KEYS.find((key) => typeof operation[key] === "string" || typeof body[key] === "string");
  const name = nameKey === undefined ? "body" : ((operation[nameKey] ?? body[nameKey]) as string);
  const param: JsonObject = { name, in: "body" };
  if (body["required"] === true) param["required"] = true;
  if (typeof body["description"] === "string") param["description"] = body["description"];
  for (const [key, value] of Object.entries(extensionsOf(body)))
    if (!NAME_KEYS.includes(key) && key !== "x-ms-requestBody-index") param[key] = value;
  const index = operation["x-ms-requestBody-index"] ?? body["x-ms-requestBody-index"];
  return {
    inputs: [{ kind: "body", usedAt: at, definedAt: at, param, schema: media["schema"] ?? {}, schemaAt }],
    consumes,
    ...(typeof index === "number" ? { index } : {}),
  };
}

/** One form parameter per property of the form's (object) schema, in property order. */
function formInputs(ctx: BuildContext, schema: JsonValue | undefined, at: Loc): OperationInput[] {
  const target = follow(ctx, schema ?? {}, at);
  if (target.at.file !== at.file) refuse(at, "a form schema $ref to another file");
  const properties = isObject(target.value["properties"]) ? target.value["properties"] : {};
  const required = Array.isArray(target.value["required"]) ? target.value["required"] : [];
  return Object.entries(properties).map(([name, property]) => {
    const fieldAt = child(at, "properties", name);
    const param: JsonObject = { name, in: "formData", ...(required.includes(name) ? { required: true } : {}), ...formField(property) };
    return {
      kind: "parameter",
      usedAt: fieldAt,
      definedAt: fieldAt,
      param,
      global: false,
      schema: param,
      schemaAt: fieldAt,
      skipUrlEncoding: false,
    };
  });
}

/**
 * A form field whose schema is a `$ref` (a model sent as one field) is read as a one-member `oneOf` of it
 * (the type itself, generator/input/jsonSchema/unions.ts): the field's own keys (`required`, its name) are
 * not siblings of the `$ref`.
 */
function formField(property: JsonValue | undefined): JsonObject {
  if (!isObject(property)) return {};
  const { $ref: ref, ...annotations } = property;
  return typeof ref === "string" ? { ...annotations, oneOf: [{ $ref: ref }] } : property;
}
