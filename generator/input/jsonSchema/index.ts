/**
 * The shared JSON Schema core (README.md): what the format readers (input/swagger2, input/openapi3) call to turn
 * schemas into TypeRefs, registering object models and enums in the BuildContext on the way.
 */
export {
  createContext,
  OPENAPI30_DIALECT,
  OPENAPI31_DIALECT,
  SWAGGER2_DIALECT,
  type BuildContext,
  type Loc,
  type SchemaDialect,
} from "./context.js";
export { bool, compact, isObject, lastSegment, num, str } from "./json.js";
export {
  child,
  claimTypeName,
  constraintsOf,
  discriminatorValues,
  fail,
  objectModel,
  registerComponentSchemas,
  typeOf,
} from "./schemas.js";
export { declaredType, discriminatorOf, enumOf, isNullable } from "./keywords.js";
export { schemaView, type ViewContext } from "./view.js";
export { hasDecodedFormat, sentConstant } from "./valueFormats.js";
export { withXml, xmlInfoOf } from "./xml.js";
