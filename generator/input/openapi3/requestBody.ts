/**
 * OpenAPI 3 `requestBody` → a Swagger 2 body parameter (named by `x-ms-requestBody-name` or
 * `x-codegen-request-body-name`, else `body`; placed at `x-ms-requestBody-index`, else last), or,
 * when every media type is a form, one formData parameter per schema property. Its media types
 * become the operation's `consumes`.
 */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { extensionsOf, isObject, refuse, type ReadContext } from "./context.js";
import { follow } from "./refs.js";
import { convertSchema, escape, fileForBinary } from "./schemas.js";

const FORMS = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
const NAME_KEYS = ["x-ms-requestBody-name", "x-codegen-request-body-name"];

export interface ConvertedBody {
  parameters: JsonObject[];
  consumes: string[];
  /** Where the body parameter goes among the operation's parameters (undefined: last). */
  index?: number;
}

export function convertRequestBody(ctx: ReadContext, operation: JsonObject, pointer: string): ConvertedBody {
  const target = follow(ctx, operation["requestBody"] ?? {}, pointer);
  if (target.file !== ctx.file) refuse(ctx, pointer, "a requestBody $ref to another file");
  const body = target.value;
  const content = isObject(body["content"]) ? body["content"] : {};
  const consumes = Object.keys(content);
  const first = consumes[0];
  if (first === undefined) refuse(ctx, `${target.pointer}/content`, "a requestBody without media types");
  const media = content[first] as JsonObject;
  const schemaAt = `${target.pointer}/content/${escape(first)}/schema`;
  if (consumes.every((type) => FORMS.has(type))) return { parameters: formParameters(ctx, media["schema"], schemaAt), consumes };
  const nameKey = NAME_KEYS.find((key) => typeof operation[key] === "string" || typeof body[key] === "string");
  const name = nameKey === undefined ? "body" : ((operation[nameKey] ?? body[nameKey]) as string);
  const parameter: JsonObject = { name, in: "body" };
  if (body["required"] === true) parameter["required"] = true;
  if (typeof body["description"] === "string") parameter["description"] = body["description"];
  parameter["schema"] = fileForBinary(convertSchema(ctx, media["schema"] ?? {}, schemaAt));
  for (const [key, value] of Object.entries(extensionsOf(body)))
    if (!NAME_KEYS.includes(key) && key !== "x-ms-requestBody-index") parameter[key] = value;
  const index = operation["x-ms-requestBody-index"] ?? body["x-ms-requestBody-index"];
  return { parameters: [parameter], consumes, ...(typeof index === "number" ? { index } : {}) };
}

/** One formData parameter per property of the form's (object) schema, in property order. */
function formParameters(ctx: ReadContext, schema: JsonValue | undefined, pointer: string): JsonObject[] {
  const target = follow(ctx, schema ?? {}, pointer);
  if (target.file !== ctx.file) refuse(ctx, pointer, "a form schema $ref to another file");
  const properties = isObject(target.value["properties"]) ? target.value["properties"] : {};
  const required = Array.isArray(target.value["required"]) ? target.value["required"] : [];
  return Object.entries(properties).map(([name, property]) => {
    const at = `${target.pointer}/properties/${escape(name)}`;
    const converted = formField(fileForBinary(convertSchema(ctx, property, at)) as JsonObject);
    const parameter: JsonObject = { name, in: "formData", ...(required.includes(name) ? { required: true } : {}), ...converted };
    if (isObject(converted["items"])) parameter["items"] = fileForBinary(converted["items"]);
    return parameter;
  });
}

/**
 * A form field whose schema is a `$ref` (a model sent as one field): a Swagger 2 parameter cannot refer to a
 * definition, and a `$ref` on a parameter would name a parameter, so the reference becomes a one-member `oneOf`,
 * which the model builder reads as the referenced type itself (generator/input/jsonSchema/unions.ts).
 */
function formField(converted: JsonObject): JsonObject {
  const { $ref: ref, ...annotations } = converted;
  return typeof ref === "string" ? { ...annotations, oneOf: [{ $ref: ref }] } : converted;
}
