/**
 * Small text helpers for emitting TypeScript safely: everything that comes from a spec
 * reaches the output through one of these, never spliced raw.
 */

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** True when `name` can be written bare as a property name. */
export function isIdentifierName(name: string): boolean {
  return identifierPattern.test(name);
}

/** A property key for an interface member or object literal: bare when possible, else a JSON string. */
export function propertyKey(name: string): string {
  return isIdentifierName(name) ? name : JSON.stringify(name);
}

/** `target.name`, or `target["name"]` when `name` is not an identifier. */
export function propertyAccess(target: string, name: string): string {
  return isIdentifierName(name) ? `${target}.${name}` : `${target}[${JSON.stringify(name)}]`;
}

/** A TypeScript string literal for any text. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text);
}

/**
 * Makes spec prose safe inside a `/** ... *\/` comment: comment terminators are broken
 * up, line endings normalised, control characters dropped, and a leading `@` cannot
 * start a tag.
 */
export function docText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, "")
      .replace(/\*\//g, "*\\/")
      .replace(/\/\*/g, "/\\*")
      .replace(/@/g, "\\@")
      .split("\n")
      .map((line) => line.trimEnd())
      .join("\n")
      .trim()
  );
}

/** `fooBar` from `FooBar`, `foo-bar` or `foo_bar`. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** `FooBar` from `fooBar`, `foo-bar` or `foo_bar`. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** Names every plain object inherits; reading them off a parsed body must not find Object.prototype's. */
const inheritedNames = new Set(Object.getOwnPropertyNames(Object.prototype));

/** True for names such as `constructor` that every plain object inherits. */
export function isInheritedName(name: string): boolean {
  return inheritedNames.has(name);
}

/**
 * Reads an own property only: `target.name`, or for names such as `constructor` that
 * every object inherits, `(Object.hasOwn(target, "name") ? target.name : undefined)`.
 */
export function ownPropertyValue(target: string, name: string): string {
  const access = propertyAccess(target, name);
  return inheritedNames.has(name) ? `(Object.hasOwn(${target}, ${JSON.stringify(name)}) ? ${access} : undefined)` : access;
}

/** A key in an object literal: like {@link propertyKey}, but `__proto__` is computed so it stays an own property. */
export function objectLiteralKey(name: string): string {
  return name === "__proto__" ? `[${JSON.stringify(name)}]` : propertyKey(name);
}
