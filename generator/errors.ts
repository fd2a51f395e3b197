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
