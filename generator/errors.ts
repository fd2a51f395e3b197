/**
 * Another place of the input that a problem's text names (a `$ref` target), as the text quotes it, so that
 * a reader that moved pointers (generator/input/openapi3/origins.ts) can restate it at the original one.
 */
export interface Mention {
  /** How `problem` names the place, in double quotes there: a `$ref` as written (`#/definitions/X`, `other.json#/...`). */
  text: string;
  /** Where it resolves. */
  file: string;
  pointer: string;
}

/**
 * The one error type the generator throws for bad input. Its message always names
 * the file and JSON pointer, then what is wrong: `<file>#<pointer>: <what>`.
 */
export class GeneratorError extends Error {
  override readonly name = "GeneratorError";
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly problem: string,
    readonly mentions: readonly Mention[] = [],
  ) {
    super(`${file}#${pointer}: ${problem}`);
  }
}

/** Escape one JSON pointer segment (RFC 6901). */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Join segments into a JSON pointer (`/a/b~1c`). */
export function toPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => "/" + escapePointerSegment(s)).join("");
}
