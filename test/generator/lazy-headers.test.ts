import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withoutLazyHeaders } from "../../generator/load/lazyHeaders.js";

const original = Object.getOwnPropertyDescriptor(globalThis, "Headers");
const global = globalThis as { Headers?: unknown };

/** A stand-in for Node's lazy `Headers` global that counts how often it is read. */
function lazyHeaders(): { reads: () => number; descriptor: PropertyDescriptor } {
  let reads = 0;
  const descriptor: PropertyDescriptor = {
    get: () => {
      reads += 1;
      return class {};
    },
    set: () => undefined,
    enumerable: false,
    configurable: true,
  };
  Object.defineProperty(globalThis, "Headers", descriptor);
  return { reads: () => reads, descriptor };
}

describe("withoutLazyHeaders (a load without remote refs does not load fetch)", () => {
  beforeEach(() => {
    delete global.Headers;
  });
  afterEach(() => {
    delete global.Headers;
    if (original !== undefined) Object.defineProperty(globalThis, "Headers", original);
  });

  it("hides a lazy Headers while the function runs and puts the same accessor back unread", async () => {
    const lazy = lazyHeaders();
    const seen = await withoutLazyHeaders(async () => {
      await Promise.resolve();
      return typeof global.Headers;
    });
    expect(seen).toBe("undefined");
    expect(lazy.reads()).toBe(0);
    expect(Object.getOwnPropertyDescriptor(globalThis, "Headers")).toEqual(lazy.descriptor);
  });

  it("puts it back when the function fails", async () => {
    const lazy = lazyHeaders();
    await expect(withoutLazyHeaders(() => Promise.reject(new Error("cannot resolve")))).rejects.toThrow("cannot resolve");
    expect(Object.getOwnPropertyDescriptor(globalThis, "Headers")).toEqual(lazy.descriptor);
    expect(lazy.reads()).toBe(0);
  });

  it("leaves a Headers that is already a value alone", async () => {
    class Loaded {}
    Object.defineProperty(globalThis, "Headers", { value: Loaded, writable: true, configurable: true, enumerable: false });
    expect(await withoutLazyHeaders(async () => global.Headers)).toBe(Loaded);
    expect(global.Headers).toBe(Loaded);
  });
});
