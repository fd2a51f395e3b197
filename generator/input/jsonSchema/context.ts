/**
 * State of one single-version build: the loaded spec and the models found so far. Created per
 * call of buildVersionModel and never shared, so the builder stays a pure function overall.
 */
import type { LoadedSpec } from "../../load/types.js";
import type { EnumModel, ObjectModel, Parameter, SourceLocation } from "../../model/types.js";

/**
 * How the documents being read write JSON Schema: a setting of the reader context, never of the code model.
 * The core reads every dialect's keywords (`x-nullable`, `nullable`, type lists with "null", `const`, numeric
 * and boolean exclusive bounds, both forms of `discriminator`, ...); what the dialects disagree on is here.
 */
export interface SchemaDialect {
  /** The format, for the words of a refusal: OpenAPI 3 input says so (`... is not supported (OpenAPI 3 input)`). */
  format: "swagger2" | "openapi3.0" | "openapi3.1";
  /** Where the entry file's component schemas are: Swagger 2 `definitions`, OpenAPI 3 `components/schemas`. */
  componentSchemas: "definitions" | "components/schemas";
  /**
   * Keywords next to a `$ref` that change the schema (`type`, `properties`, `required`, ...): OpenAPI 3.0 says they
   * "SHALL be ignored"; Swagger 2 (as AutoRest reads it) and 3.1 keep them, refused where the model cannot honour them.
   */
  refSiblings: "ignored" | "kept";
}

export const SWAGGER2_DIALECT: SchemaDialect = { format: "swagger2", componentSchemas: "definitions", refSiblings: "kept" };
export const OPENAPI30_DIALECT: SchemaDialect = { format: "openapi3.0", componentSchemas: "components/schemas", refSiblings: "ignored" };
export const OPENAPI31_DIALECT: SchemaDialect = { format: "openapi3.1", componentSchemas: "components/schemas", refSiblings: "kept" };

export interface BuildContext {
  spec: LoadedSpec;
  /** How the documents write JSON Schema (see SchemaDialect). */
  dialect: SchemaDialect;
  apiVersion: string;
  /** Type names already given to models, enums, or reserved for generated client types. */
  takenTypeNames: Set<string>;
  /** Names of the client and the parameter groups: a model named so gets `Model` appended. */
  reservedTypeNames: Set<string>;
  /** Object models by identity key (`file#pointer`), in discovery order. */
  objects: Map<string, ObjectModel>;
  /** Enums by identity key (`x-ms-enum:<name>` or `file#pointer`), in discovery order. */
  enums: Map<string, EnumModel>;
  /** `x-ms-discriminator-value` of object models, by model name. */
  discriminatorValues: Map<string, string>;
  /** Discriminator values an OpenAPI 3 `mapping` gives component schemas, by the target's identity key (`file#pointer`). */
  discriminatorMappings: Map<string, string>;
  /** Client-level parameters (other than api-version and endpoint), by `<in>:<wire name>`. */
  clientParameters: Map<string, Parameter>;
  /** spec/ model-name map: definition (or x-ms-enum) name -> stable model name. */
  modelNames: Readonly<Record<string, string>>;
  /** Schemas being converted, outermost first (`typeOf` calls in progress), bounded by MAX_SCHEMA_NESTING. */
  schemaDepth: number;
  /**
   * `file#pointer` of each `oneOf`/`anyOf` being expanded (input/jsonSchema/unions.ts) → the number of object models when it was
   * last entered: entered again with no new model in between, the union holds itself without a model to stop at.
   */
  unionsInProgress: Map<string, number>;
}

export function createContext(
  spec: LoadedSpec,
  apiVersion: string,
  reservedTypeNames: Set<string>,
  modelNames: Readonly<Record<string, string>> = {},
  dialect: SchemaDialect = SWAGGER2_DIALECT,
): BuildContext {
  return {
    spec,
    dialect,
    apiVersion,
    takenTypeNames: new Set(reservedTypeNames),
    reservedTypeNames,
    objects: new Map(),
    enums: new Map(),
    discriminatorValues: new Map(),
    discriminatorMappings: new Map(),
    clientParameters: new Map(),
    modelNames,
    schemaDepth: 0,
    unionsInProgress: new Map(),
  };
}

export type Loc = SourceLocation;
