/**
 * Keeps a load without remote `$ref`s from loading Node's fetch implementation.
 *
 * json-schema-ref-parser merges its options with a check that evaluates `typeof Headers` for every
 * options object (options.js `isMergeable`), whatever the options say. On Node, `Headers` is a lazy
 * global: the first read loads undici, the whole fetch stack (20-60 ms of a 0.4 s Identity run), which
 * a load that may not download anything never uses. While such a load resolves, the global is hidden
 * (the check then sees no `Headers`, as in a runtime without fetch) and put back as it was afterwards,
 * still unloaded. A `Headers` that is already a value (fetch loaded, a polyfill) is left alone.
 */
export async function withoutLazyHeaders<T>(run: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, "Headers");
  if (descriptor?.get === undefined || descriptor.configurable !== true) return run();
  delete (globalThis as { Headers?: unknown }).Headers;
  try {
    return await run();
  } finally {
    Object.defineProperty(globalThis, "Headers", descriptor);
  }
}
