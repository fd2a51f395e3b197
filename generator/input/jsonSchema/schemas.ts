/**
 * Schema -> TypeRef conversion, registering named object models and enums on the way.
 *
 * Naming rules (deterministic, first claimant wins):
 * - a component schema, `#/definitions/<Key>` (Swagger 2) or `#/components/schemas/<Key>` (OpenAPI 3), becomes
 *   a model/enum named `typeName(<Key>)` (an enum uses its `x-ms-enum.name` when present);
 * - an inline object schema gets a derived name from where it is used: `<Model><Property>` for a
 *   property, `+Item` for array items, `+Value` for dictionary values, `<Group><Operation>Body` /
 *   `Response` / `Error` for operation bodies and responses, `<Group><Operation><Param>` for a
 *   parameter's inline enum;
 * - a name taken by the client or a parameter group (`reservedTypeNames`) gets `Model` appended (names
 *   that collide only in TypeScript, such as `Error` or `<Group>Operations`, are the emitter's to
 *   resolve: generator/emit/names.ts);
 * - a name already taken gets `2`, `3`, ... appended (definitions of the entry file claim names
 *   first, in document order; then everything else in the order operations reach it).
 */
import { GeneratorError } from "../../errors.js";
import { MAX_SCHEMA_NESTING } from "../../load/limits.js";
import { resolveRef } from "../../load/refs.js";
import type { JsonObject } from "../../load/types.js";
import { SHAPE_KEYWORDS } from "./schemaKeywords.js";
import type { BuildContext, Loc } from "./context.js";
import { allOfAlias, annotationsOf } from "./allOf.js";
import { bool, compact, isObject, lastSegment, num, str } from "./json.js";
import { claimUnique, enumMemberName, memberName, pascalCase, typeName } from "../../model/names.js";
import type { Constraints, EnumModel, JsonValue, ObjectModel, Property, TypeRef } from "../../model/types.js";
import { isUnionSchema, unionType } from "./unions.js";
import { hasDecodedFormat } from "./valueFormats.js";
import { withXml, xmlInfoOf } from "./xml.js";
import { boundOf, declaredType, discriminatorOf, enumOf, isNullable, severalTypes } from "./keywords.js";
import { schemaView } from "./view.js";

/** Keys that change what a schema is: next to `$ref` they cannot be honoured. */
const STRUCTURAL_KEYS = [...SHAPE_KEYWORDS, "x-ms-enum"];

/** A component schema: `#/definitions/<Key>` (Swagger 2) or `#/components/schemas/<Key>` (OpenAPI 3), in any file. */
const DEFINITION_POINTER = /^\/(?:definitions|components\/schemas)\/[^/]+$/;

function fail(at: Loc, problem: string): never {
  throw new GeneratorError(at.file, at.pointer, problem);
}

/** A construct the model cannot express: `<what> is not supported`, saying so for OpenAPI 3 input. */
function unsupported(ctx: BuildContext, at: Loc, what: string): never {
  fail(at, `${what} is not supported${ctx.dialect.format === "swagger2" ? "" : " (OpenAPI 3 input)"}`);
}

function child(at: Loc, ...segments: Array<string | number>): Loc {
  const esc = segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
  return { file: at.file, pointer: at.pointer + esc };
}

/** The name spec/ maps a definition (or x-ms-enum) name to, else the name itself. */
function stableName(ctx: BuildContext, name: string): string {
  return Object.prototype.hasOwnProperty.call(ctx.modelNames, name) ? (ctx.modelNames[name] as string) : name;
}

/** Claims a type name for the model/enum with identity `key`. */
export function claimTypeName(ctx: BuildContext, base: string): string {
  let name = typeName(base);
  if (ctx.reservedTypeNames.has(name)) name = `${name}Model`;
  return claimUnique(name, ctx.takenTypeNames);
}

export function constraintsOf(schema: JsonObject): Constraints | undefined {
  const minimum = boundOf(schema, "minimum");
  const maximum = boundOf(schema, "maximum");
  const c: Constraints = compact({
    minimum: minimum.value,
    maximum: maximum.value,
    exclusiveMinimum: minimum.exclusive,
    exclusiveMaximum: maximum.exclusive,
    minLength: num(schema, "minLength"),
    maxLength: num(schema, "maxLength"),
    pattern: str(schema, "pattern"),
    minItems: num(schema, "minItems"),
    maxItems: num(schema, "maxItems"),
    uniqueItems: bool(schema, "uniqueItems"),
    multipleOf: num(schema, "multipleOf"),
  });
  return Object.keys(c).length > 0 ? c : undefined;
}

function restatesType(type: JsonValue | undefined, target: JsonObject): boolean {
  const targetType = declaredType(target);
  return type === targetType || (type === "object" && targetType === undefined && isObjectLikeDefinition(target));
}

function withNullable(type: TypeRef, nullable: boolean): TypeRef {
  return nullable ? { ...type, nullable: true } : type;
}

export function isObjectLikeDefinition(schema: JsonObject): boolean {
  if (enumOf(schema) !== undefined) return false;
  return (
    declaredType(schema) === "object" ||
    schema["properties"] !== undefined ||
    schema["allOf"] !== undefined ||
    schema["discriminator"] !== undefined
  );
}

export function isObjectLikeInline(schema: JsonObject): boolean {
  if (enumOf(schema) !== undefined) return false;
  return schema["properties"] !== undefined || schema["allOf"] !== undefined || schema["discriminator"] !== undefined;
}

/**
 * The TypeRef for `schema` found at `at`. `hint` is the name an inline object/enum gets.
 */
export function typeOf(ctx: BuildContext, at: Loc, schema: JsonValue | undefined, hint: string): TypeRef {
  return viewedTypeOf(ctx, at, isObject(schema) ? schemaView(ctx, at, schema) : schema, hint);
}

/** typeOf for a schema already read through schemaView. */
function viewedTypeOf(ctx: BuildContext, at: Loc, schema: JsonValue | undefined, hint: string): TypeRef {
  const type = nested(ctx, at, () => schemaType(ctx, at, schema, hint));
  return isObject(schema) ? withXml(type, schema) : type;
}

/** Keywords the model cannot express, refused wherever a schema is read. */
function refuseUnsupported(ctx: BuildContext, at: Loc, schema: JsonObject): void {
  if (schema["not"] !== undefined) unsupported(ctx, child(at, "not"), "not");
  const types = severalTypes(schema);
  if (types !== undefined) {
    unsupported(ctx, child(at, "type"), `a type list with several non-null types (${types.map((t) => JSON.stringify(t)).join(", ")})`);
  }
}

/**
 * Run `convert` one schema level deeper. A model is built when first reached, so a long path of
 * models each holding (or extending) the next nests calls as deep as the path: bounded here
 * rather than by the stack.
 */
function nested<T>(ctx: BuildContext, at: Loc, convert: () => T): T {
  if (ctx.schemaDepth >= MAX_SCHEMA_NESTING) {
    fail(
      at,
      `schemas nested deeper than ${MAX_SCHEMA_NESTING} levels (the limit), counting properties, items, additionalProperties, allOf and $ref targets`,
    );
  }
  ctx.schemaDepth++;
  try {
    return convert();
  } finally {
    ctx.schemaDepth--;
  }
}

function schemaType(ctx: BuildContext, at: Loc, schema: JsonValue | undefined, hint: string): TypeRef {
  if (!isObject(schema)) fail(at, "schema must be an object");
  const ref = str(schema, "$ref");
  if (ref !== undefined) {
    const target = resolveRef(ctx.spec, at.file, ref, at.pointer + "/$ref");
    const loc = { file: target.file, pointer: target.pointer };
    for (const key of STRUCTURAL_KEYS) {
      if (schema[key] === undefined) continue;
      // `type` repeating what the target already is (`type: object` next to a model) says nothing new.
      if (key === "type" && isObject(target.value) && restatesType(schema[key], schemaView(ctx, loc, target.value))) continue;
      fail(at, `"${key}" next to "$ref" is not supported (siblings of $ref may only annotate it)`);
    }
    const type = DEFINITION_POINTER.test(target.pointer) ? namedType(ctx, loc, target.value) : typeOf(ctx, loc, target.value, hint);
    return withNullable(type, isNullable(schema));
  }
  refuseUnsupported(ctx, at, schema);
  const alias = schema["allOf"] !== undefined ? allOfAlias(ctx, at, schema, true) : undefined;
  if (alias !== undefined) return withNullable(typeOf(ctx, alias.at, alias.schema, hint), isNullable(schema));
  if (isUnionSchema(schema)) return unionType(ctx, at, schema, hint, typeOf, fail);
  if (enumOf(schema) !== undefined) return enumType(ctx, at, schema, hint);
  if (isObjectLikeInline(schema)) {
    return withNullable({ kind: "model", name: objectModel(ctx, at, schema, hint) }, isNullable(schema));
  }
  return primitive(ctx, at, schema, hint);
}

/** A `$ref` to a component schema (`#/definitions/<Key>`, `#/components/schemas/<Key>`). */
function namedType(ctx: BuildContext, at: Loc, raw: JsonValue): TypeRef {
  if (!isObject(raw)) fail(at, "definition must be an object");
  const schema = schemaView(ctx, at, raw);
  const key = stableName(ctx, lastSegment(at.pointer));
  recordDiscriminatorMapping(ctx, at, schema);
  if (str(schema, "$ref") !== undefined) return viewedTypeOf(ctx, at, schema, key);
  refuseUnsupported(ctx, at, schema);
  const alias = schema["allOf"] !== undefined ? allOfAlias(ctx, at, schema, false) : undefined;
  if (alias !== undefined) return withNullable(typeOf(ctx, alias.at, alias.schema, key), isNullable(schema));
  if (isUnionSchema(schema)) return unionType(ctx, at, schema, key, typeOf, fail);
  if (enumOf(schema) !== undefined) return enumType(ctx, at, schema, key);
  if (isObjectLikeDefinition(schema)) {
    return withNullable({ kind: "model", name: objectModel(ctx, at, schema, key) }, isNullable(schema));
  }
  return withXml(primitive(ctx, at, schema, key), schema);
}

/**
 * An OpenAPI 3 discriminator `mapping` of a component schema (`value → #/components/schemas/Name`, same file): the
 * value is the target's discriminator value (unless the target says `x-ms-discriminator-value`, or the value is the
 * target's name, its value anyway). Read with discriminatorValues once every model is built.
 */
function recordDiscriminatorMapping(ctx: BuildContext, at: Loc, schema: JsonObject): void {
  const discriminator = schema["discriminator"];
  const mapping = isObject(discriminator) ? discriminator["mapping"] : undefined;
  if (!isObject(mapping)) return;
  const components = ctx.spec.documents[at.file]?.["components"];
  const schemas = isObject(components) ? components["schemas"] : undefined;
  for (const [value, ref] of Object.entries(mapping)) {
    if (typeof ref !== "string" || !ref.startsWith(COMPONENT_REF)) continue;
    const name = ref.slice(COMPONENT_REF.length);
    const key = `${at.file}#/components/schemas/${name}`;
    if (value !== name && isObject(schemas) && isObject(schemas[name]) && !ctx.discriminatorMappings.has(key)) {
      ctx.discriminatorMappings.set(key, value);
    }
  }
}

const COMPONENT_REF = "#/components/schemas/";

/**
 * The discriminator value of each object model that has one of its own, by model name: its
 * `x-ms-discriminator-value`, else the value an OpenAPI 3 discriminator `mapping` gives it.
 */
export function discriminatorValues(ctx: BuildContext): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of ctx.discriminatorMappings) {
    const model = ctx.objects.get(key);
    if (model !== undefined) values.set(model.name, value);
  }
  for (const [name, value] of ctx.discriminatorValues) values.set(name, value);
  return values;
}

function primitive(ctx: BuildContext, at: Loc, schema: JsonObject, hint: string): TypeRef {
  const nullable = isNullable(schema);
  const format = str(schema, "format");
  const type = declaredType(schema);
  let result: TypeRef;
  switch (type) {
    case "string":
      if (format === "date-time" || format === "date" || format === "date-time-rfc1123") result = { kind: "date", format };
      else if (format === "byte" || format === "base64url") result = { kind: "bytes", format };
      else if (format === "binary") result = { kind: "binary" };
      else if (format === "duration") result = { kind: "duration" };
      else result = format !== undefined ? { kind: "string", format } : { kind: "string" };
      break;
    case "integer":
      if (format === "unixtime") result = { kind: "date", format: "unixtime" };
      else result = format !== undefined ? { kind: "integer", format } : { kind: "integer" };
      break;
    case "number":
      result = format !== undefined ? { kind: "number", format } : { kind: "number" };
      break;
    case "boolean":
      result = { kind: "boolean" };
      break;
    case "file":
      result = { kind: "binary" };
      break;
    case "array":
      if (schema["items"] === undefined) fail(at, "`type: array` without `items`");
      result = { kind: "array", items: typeOf(ctx, child(at, "items"), schema["items"], `${hint}Item`) };
      break;
    case "object":
    case undefined: {
      if (type === undefined && schema["items"] !== undefined) {
        result = { kind: "array", items: typeOf(ctx, child(at, "items"), schema["items"], `${hint}Item`) };
        break;
      }
      const additional = schema["additionalProperties"];
      if (type === "object" && format === "file") {
        // AutoRest's spelling of a file body (`type: object, format: file`): bytes or a stream, like `type: file`
        result = { kind: "binary" };
      } else if (additional === true || isObject(additional)) {
        result = { kind: "dictionary", values: additionalType(ctx, at, additional, `${hint}Value`) };
      } else {
        result = { kind: "unknown" };
      }
      break;
    }
    default:
      fail(at, `unsupported schema type ${JSON.stringify(type)}`);
  }
  return withNullable(result, nullable);
}

function additionalType(ctx: BuildContext, at: Loc, additional: JsonValue, hint: string): TypeRef {
  return additional === true ? { kind: "unknown" } : typeOf(ctx, child(at, "additionalProperties"), additional, hint);
}

function enumType(ctx: BuildContext, at: Loc, schema: JsonObject, fallbackName: string): TypeRef {
  const nullable = isNullable(schema);
  const raw = enumOf(schema) ?? [];
  const type = declaredType(schema);
  const values = raw.filter((v): v is string | number | boolean => v !== null && typeof v !== "object");
  const xms = isObject(schema["x-ms-enum"]) ? schema["x-ms-enum"] : undefined;
  const extensible = xms !== undefined && xms["modelAsString"] === true;
  const first = values[0];
  if (values.length === 0 || hasDecodedFormat(schema)) return primitive(ctx, at, schema, fallbackName);
  if (type === "boolean" || typeof first === "boolean") {
    return withNullable(values.length === 1 && first !== undefined ? { kind: "constant", value: first } : { kind: "boolean" }, nullable);
  }
  if (values.length === 1 && !extensible && first !== undefined) {
    return withNullable({ kind: "constant", value: first }, nullable);
  }
  const rawXmsName = xms !== undefined ? str(xms, "name") : undefined;
  const xmsName = rawXmsName !== undefined ? stableName(ctx, rawXmsName) : undefined;
  const key = xmsName !== undefined ? `x-ms-enum:${xmsName}` : `${at.file}#${at.pointer}`;
  const described = enumValuesOf(schema, values, xms);
  const existing = ctx.enums.get(key);
  if (existing !== undefined) {
    addEnumValues(existing, described, ctx.apiVersion);
    return withNullable({ kind: "enum", name: existing.name }, nullable);
  }
  const valueType = type === "integer" || type === "number" || typeof first === "number" ? "number" : "string";
  const model: EnumModel = compact({
    name: claimTypeName(ctx, xmsName ?? fallbackName),
    serializedName: xmsName ?? fallbackName,
    description: str(schema, "description"),
    valueType,
    extensible,
    values: [],
    apiVersions: [ctx.apiVersion],
    source: at,
  });
  ctx.enums.set(key, model);
  addEnumValues(model, described, ctx.apiVersion);
  return withNullable({ kind: "enum", name: model.name }, nullable);
}

interface DescribedValue {
  value: string | number;
  name: string;
  description?: string;
}

function enumValuesOf(schema: JsonObject, values: Array<string | number | boolean>, xms: JsonObject | undefined): DescribedValue[] {
  const listed = xms !== undefined && Array.isArray(xms["values"]) ? xms["values"].filter(isObject) : undefined;
  if (listed !== undefined && listed.length > 0) {
    return listed.flatMap((v) => {
      const value = v["value"];
      if (typeof value !== "string" && typeof value !== "number") return [];
      return [compact({ value, name: str(v, "name") ?? String(value), description: str(v, "description") })];
    });
  }
  void schema;
  return values.flatMap((value) => (typeof value === "boolean" ? [] : [{ value, name: String(value) }]));
}

/** Adds values not yet in the enum (by value), naming members uniquely in order of arrival. */
export function addEnumValues(model: EnumModel, values: DescribedValue[], apiVersion: string): void {
  const taken = new Set(model.values.map((v) => v.name));
  for (const v of values) {
    const known = model.values.find((e) => e.value === v.value);
    if (known !== undefined) {
      if (!known.apiVersions.includes(apiVersion)) known.apiVersions.push(apiVersion);
      continue;
    }
    model.values.push(
      compact({
        name: claimUnique(enumMemberName(v.name), taken),
        value: v.value,
        description: v.description,
        apiVersions: [apiVersion],
      }),
    );
  }
}

/**
 * The object model for the schema at `at` (a definition or an inline object), created on first
 * sight. Returns its name; recursion (a model referring to itself) finds the placeholder.
 */
export function objectModel(ctx: BuildContext, at: Loc, raw: JsonObject, baseName: string): string {
  const key = `${at.file}#${at.pointer}`;
  const existing = ctx.objects.get(key);
  if (existing !== undefined) return existing.name;
  const schema = schemaView(ctx, at, raw);
  const name = claimTypeName(ctx, baseName);
  const model: ObjectModel = compact({
    name,
    serializedName: DEFINITION_POINTER.test(at.pointer) ? lastSegment(at.pointer) : name,
    description: str(schema, "description"),
    parents: [],
    properties: [],
    usage: [],
    xml: xmlInfoOf(schema),
    apiVersions: [ctx.apiVersion],
    source: at,
  });
  ctx.objects.set(key, model);

  const required = new Set<string>();
  const propertySources: Array<{ at: Loc; props: JsonObject }> = [];
  const allOf = schema["allOf"];
  if (allOf !== undefined) {
    if (!Array.isArray(allOf)) fail(child(at, "allOf"), "allOf must be an array");
    allOf.forEach((entry, i) => {
      const entryAt = child(at, "allOf", i);
      if (!isObject(entry)) fail(entryAt, "allOf entry must be an object");
      const ref = str(entry, "$ref");
      if (ref !== undefined) {
        const target = resolveRef(ctx.spec, entryAt.file, ref, entryAt.pointer + "/$ref");
        const parentAt = { file: target.file, pointer: target.pointer };
        if (!isObject(target.value) || !isObjectLikeDefinition(target.value) || !DEFINITION_POINTER.test(target.pointer)) {
          fail(entryAt, `allOf entry "${ref}" must reference an object definition`);
        }
        const parent = target.value;
        model.parents.push(nested(ctx, entryAt, () => objectModel(ctx, parentAt, parent, stableName(ctx, lastSegment(target.pointer)))));
        for (const r of requiredThroughAllOf(ctx, parentAt.file, parent)) required.add(r);
        return;
      }
      if (isObject(entry["properties"])) propertySources.push({ at: child(entryAt, "properties"), props: entry["properties"] });
      for (const r of Array.isArray(entry["required"]) ? entry["required"] : []) if (typeof r === "string") required.add(r);
    });
  }
  if (isObject(schema["properties"])) propertySources.push({ at: child(at, "properties"), props: schema["properties"] });
  else if (schema["properties"] !== undefined) fail(child(at, "properties"), "properties must be an object");
  for (const r of Array.isArray(schema["required"]) ? schema["required"] : []) if (typeof r === "string") required.add(r);

  const takenMembers = new Set<string>();
  for (const source of propertySources) {
    for (const [wireName, prop] of Object.entries(source.props)) {
      model.properties.push(buildProperty(ctx, child(source.at, wireName), wireName, prop, name, required.has(wireName), takenMembers));
    }
  }

  const additional = schema["additionalProperties"];
  if (additional === true || isObject(additional)) {
    model.additionalProperties = additionalType(ctx, at, additional, `${name}Value`);
  }
  const discriminator = discriminatorOf(schema);
  if (discriminator !== undefined) {
    const prop = model.properties.find((p) => p.serializedName === discriminator);
    model.discriminator = { propertyName: prop?.name ?? memberName(discriminator), serializedName: discriminator };
  }
  const discriminatorValue = str(schema, "x-ms-discriminator-value");
  if (discriminatorValue !== undefined) ctx.discriminatorValues.set(name, discriminatorValue);
  return name;
}

/**
 * The wire names a schema requires, with those of its allOf entries and their parents: allOf
 * requirements add up, so a property a child redeclares stays required when an ancestor requires it.
 */
function requiredThroughAllOf(ctx: BuildContext, file: string, schema: JsonObject, seen = new Set<JsonObject>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const own = (Array.isArray(schema["required"]) ? schema["required"] : []).filter((r): r is string => typeof r === "string");
  const entries = Array.isArray(schema["allOf"]) ? schema["allOf"].filter(isObject) : [];
  return entries.reduce((names, entry) => {
    const ref = str(entry, "$ref");
    const target = ref === undefined ? { file, value: entry } : resolveRef(ctx.spec, file, ref);
    return isObject(target.value) ? [...names, ...requiredThroughAllOf(ctx, target.file, target.value, seen)] : names;
  }, own);
}

function buildProperty(
  ctx: BuildContext,
  at: Loc,
  wireName: string,
  raw: JsonValue,
  modelName: string,
  required: boolean,
  taken: Set<string>,
): Property {
  if (!isObject(raw)) fail(at, "property schema must be an object");
  const prop = schemaView(ctx, at, raw);
  const type = viewedTypeOf(ctx, at, prop, `${modelName}${pascalCase(wireName)}`);
  const notes = annotationsOf(prop); // with those of annotation-only allOf entries (allOf.ts)
  return compact({
    name: claimUnique(memberName(str(prop, "x-ms-client-name") ?? wireName), taken),
    serializedName: wireName,
    type,
    required,
    readOnly: prop["readOnly"] === true,
    nullable: isNullable(prop) || type.nullable === true,
    description: str(notes, "description"),
    constraints: constraintsOf(notes),
    defaultValue: prop["default"],
    apiVersions: [ctx.apiVersion],
    source: at,
    clientFlatten: prop["x-ms-client-flatten"] === true ? true : undefined,
  });
}

/**
 * Registers every component schema of the entry document (`definitions` in Swagger 2, `components/schemas` in
 * OpenAPI 3, as the context's dialect says), in document order: they claim their names first.
 */
export function registerComponentSchemas(ctx: BuildContext): void {
  const file = ctx.spec.entryFile;
  const doc = ctx.spec.documents[file];
  const path = ctx.dialect.componentSchemas === "definitions" ? ["definitions"] : ["components", "schemas"];
  const components = path.reduce<JsonValue | undefined>((value, key) => (isObject(value) ? value[key] : undefined), doc);
  if (!isObject(components)) return;
  for (const [key, schema] of Object.entries(components)) {
    const at = child({ file, pointer: "" }, ...path, key);
    namedType(ctx, at, schema);
  }
}

export { child, fail };
