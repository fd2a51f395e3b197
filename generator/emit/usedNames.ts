/**
 * What a piece of emitted code refers to, recorded by the code that writes it (`uses.call("parseDate")`
 * returns the name and notes it). A file's import declarations are made from the union of its parts'
 * records, never by reading the emitted text back. One collector per file part (an operation, a mappers
 * or validators file), created and read by that part's emitter: no state outlives it.
 */
import { coreLroValueNames, type RuntimeTypeName, type RuntimeValueName, type XmlValueName } from "./runtimeNames.js";

export class UsedNames {
  /** Values of `src/runtime.ts`. */
  readonly runtime = new Set<RuntimeValueName>();
  /** Types of `src/runtime.ts` the code names (beyond those every operations file imports). */
  readonly runtimeTypes = new Set<RuntimeTypeName>();
  /** `serialize*` / `deserialize*` functions of `src/mappers.ts`. */
  readonly mappers = new Set<string>();
  /** `*Wire` types of `src/mappers.ts`. */
  readonly wireTypes = new Set<string>();
  /** `validate*` functions of `src/validators.ts`. */
  readonly validators = new Set<string>();
  /** Values of `src/xml.ts` and `src/xmlModels.ts`. */
  readonly xml = new Set<XmlValueName>();
  /** Types of `src/models.ts` named in code (a cast), beyond those of the signatures. */
  readonly modelTypes = new Set<string>();
  /** Values of `@azure/core-lro`. */
  readonly coreLro = new Set<(typeof coreLroValueNames)[number]>();

  /** Notes a runtime value and returns its name (`${uses.call("parseDate")}(${source})`). */
  call(name: RuntimeValueName): string {
    this.runtime.add(name);
    return name;
  }

  /** Notes a runtime type and returns its name. */
  type(name: RuntimeTypeName): string {
    this.runtimeTypes.add(name);
    return name;
  }

  mapper(name: string): string {
    this.mappers.add(name);
    return name;
  }

  wireType(name: string): string {
    this.wireTypes.add(name);
    return name;
  }

  validator(name: string): string {
    this.validators.add(name);
    return name;
  }

  /** Notes the model types a type expression names and returns the expression. */
  modelType(expression: string, names: readonly string[]): string {
    names.forEach((n) => this.modelTypes.add(n));
    return expression;
  }

  xmlValue(name: XmlValueName): string {
    this.xml.add(name);
    return name;
  }

  lro(name: (typeof coreLroValueNames)[number]): string {
    this.coreLro.add(name);
    return name;
  }

  /** Adds what `other` recorded (a part built apart and kept). */
  add(other: UsedNames): this {
    other.runtime.forEach((n) => this.runtime.add(n));
    other.runtimeTypes.forEach((n) => this.runtimeTypes.add(n));
    other.mappers.forEach((n) => this.mappers.add(n));
    other.wireTypes.forEach((n) => this.wireTypes.add(n));
    other.validators.forEach((n) => this.validators.add(n));
    other.xml.forEach((n) => this.xml.add(n));
    other.modelTypes.forEach((n) => this.modelTypes.add(n));
    other.coreLro.forEach((n) => this.coreLro.add(n));
    return this;
  }
}
