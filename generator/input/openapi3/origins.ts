/**
 * The pointer map of the OpenAPI 3 reader: errors raised on the Swagger-2-shaped documents are
 * reported at the original OpenAPI 3 `file#pointer` (the longest mapped prefix wins; pointers the
 * reader did not move are the same in both forms).
 */
import { GeneratorError } from "../../errors.js";

/** Swagger-2-shaped `file#pointer` → original `file#pointer`. */
export type PointerOrigins = Readonly<Record<string, string>>;

export function originOf(origins: PointerOrigins, file: string, pointer: string): { file: string; pointer: string } {
  let prefix = pointer;
  for (;;) {
    const origin = origins[`${file}#${prefix}`];
    if (origin !== undefined) {
      const hash = origin.indexOf("#");
      return { file: origin.slice(0, hash), pointer: origin.slice(hash + 1) + pointer.slice(prefix.length) };
    }
    if (prefix === "") return { file, pointer };
    prefix = prefix.slice(0, prefix.lastIndexOf("/"));
  }
}

/**
 * `error` restated at its OpenAPI 3 origin, and so are the places its text names (`mentions`: a `$ref`
 * quoted as `#/definitions/X` reads `#/components/schemas/X`). Other errors are returned as they are.
 */
export function atOrigin(origins: PointerOrigins, error: unknown): unknown {
  if (!(error instanceof GeneratorError)) return error;
  const origin = originOf(origins, error.file, error.pointer);
  let problem = error.problem;
  const mentions = error.mentions.map((mention) => {
    const moved = originOf(origins, mention.file, mention.pointer);
    const hash = mention.text.indexOf("#");
    if (moved.pointer === mention.pointer || hash < 0) return mention;
    const text = mention.text.slice(0, hash + 1) + moved.pointer;
    problem = problem.split(`"${mention.text}"`).join(`"${text}"`);
    return { text, ...moved };
  });
  if (origin.file === error.file && origin.pointer === error.pointer && problem === error.problem) return error;
  return new GeneratorError(origin.file, origin.pointer, problem, mentions);
}
