/**
 * Checks on chains of `$ref`s (a `$ref` whose target is itself a `{ $ref }`): every chain must end
 * at a value that is not a reference within {@link MAX_REF_CHAIN} links. A loop of pure
 * references (`A → A`, `A → B → A`) has no schema to generate and is an error; recursion through
 * a schema (a `Node` whose `children` items are `Node`s) is not a chain and stays allowed.
 * Iterative, and each location is followed once, so long chains cost no stack and no quadratic time.
 */
import { GeneratorError } from "../errors.js";
import { MAX_REF_CHAIN } from "./limits.js";
import { isRefObject, redactUrl, tryResolveRef, type RefDocuments } from "./refs.js";

/** A `{ $ref }` object: the document it is in and its pointer there. */
export interface RefLocation {
  file: string;
  pointer: string;
  ref: string;
}

/**
 * Follow every chain starting at `refs` (in order); each `$ref` must already be known to resolve.
 * @throws GeneratorError at the first location of a loop: `$ref loop with no schema in between: a → b → a`
 * @throws GeneratorError at the `$ref` whose chain is too long: `$ref chain longer than 100 links ...`
 */
export function checkRefChains(spec: RefDocuments, refs: readonly RefLocation[], limit: number = MAX_REF_CHAIN): void {
  // number of $refs from a location to the first value that is not one, for locations already followed
  const linksToSchema = new Map<string, number>();
  for (const start of refs) {
    const path: RefLocation[] = [];
    const onPath = new Map<string, number>();
    let current: RefLocation = start;
    let rest = 0;
    let tooLong = false;
    for (;;) {
      const key = locationKey(current);
      const known = linksToSchema.get(key);
      if (known !== undefined) {
        rest = known;
        break;
      }
      const seenAt = onPath.get(key);
      if (seenAt !== undefined) {
        const loop = [...path.slice(seenAt), current].map(locationKey);
        const first = path[seenAt] as RefLocation;
        throw new GeneratorError(first.file, first.pointer, `$ref loop with no schema in between: ${loop.join(" → ")}`);
      }
      if (path.length === limit) {
        tooLong = true; // `current` is link limit + 1
        break;
      }
      onPath.set(key, path.length);
      path.push(current);
      const next = follow(spec, current);
      if (next === undefined) break;
      current = next;
    }
    if (tooLong || path.length + rest > limit) {
      throw new GeneratorError(
        start.file,
        start.pointer,
        `$ref chain is longer than ${limit} links (a $ref to a $ref to a $ref ...); link ${limit + 1} is at ${locationKey(nthLink(spec, start, limit + 1))}`,
      );
    }
    path.forEach((location, i) => linksToSchema.set(locationKey(location), rest + (path.length - i)));
  }
}

function locationKey(location: { file: string; pointer: string }): string {
  return `${redactUrl(location.file)}#${location.pointer}`;
}

/** The `{ $ref }` that `location`'s `$ref` designates, or `undefined` when its target is not a reference. */
function follow(spec: RefDocuments, location: RefLocation): RefLocation | undefined {
  const target = tryResolveRef(spec, location.file, location.ref);
  if (!target.ok)
    throw new GeneratorError(location.file, location.pointer, `$ref "${redactUrl(location.ref)}" does not resolve: ${target.problem}`);
  return isRefObject(target.value) ? { file: target.file, pointer: target.pointer, ref: target.value.$ref } : undefined;
}

/** The `n`th `$ref` of the chain starting at `start` (the caller knows the chain is that long). */
function nthLink(spec: RefDocuments, start: RefLocation, n: number): RefLocation {
  let current = start;
  for (let i = 1; i < n; i++) current = follow(spec, current) as RefLocation;
  return current;
}
