/**
 * JSON Schema keywords that change what a schema is (its type, shape or values), as opposed to annotations
 * (descriptions, examples, `readOnly`) and extensions. Both readers need the list: next to a `$ref`, OpenAPI
 * 3.0 ignores them (the core's dialect, input/jsonSchema) and the model builder cannot honour them (input/jsonSchema/schemas.ts).
 */
export const SHAPE_KEYWORDS: readonly string[] = [
  "type",
  "format",
  "items",
  "properties",
  "allOf",
  "anyOf",
  "oneOf",
  "enum",
  "additionalProperties",
  "discriminator",
  "required",
];
