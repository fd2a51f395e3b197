/**
 * Emit's imports come from what the code that writes a call notes (generator/emit/usedNames.ts), not from
 * scanning the emitted text: the helpers a piece of code records are exactly the ones it writes, and code
 * that is built but not kept (a long-running operation's plain send) adds nothing to its file's imports.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runtimeValueNames } from "../../generator/emit/runtimeNames.js";
import { joinedValue, urlValue } from "../../generator/emit/url.js";
import { UsedNames } from "../../generator/emit/usedNames.js";
import { repoRoot } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";

const swaggerDir = join(repoRoot, "node_modules/@microsoft.azure/autorest.testserver/swagger");

describe("UsedNames", () => {
  it("notes exactly the runtime helpers a URL value writes", () => {
    const uses = new UsedNames();
    expect(urlValue({ kind: "date", format: "date-time" }, "when", uses)).toBe("when");
    expect([...uses.runtime]).toStrictEqual([]);
    const dates = urlValue({ kind: "array", items: { kind: "date", format: "unixtime" } }, "times", uses);
    expect(joinedValue(dates, "pipes", uses)).toBe('joinCollection(times.map((item) => formatUnixTime(item)), "pipes")');
    expect([...uses.runtime].sort()).toStrictEqual(["formatUnixTime", "joinCollection"]);
  });

  it("unions what parts recorded", () => {
    const first = new UsedNames();
    first.call("sendOperation");
    first.mapper("deserializeProduct");
    const second = new UsedNames();
    second.call("buildRequestUrl");
    second.wireType("ProductWire");
    const all = new UsedNames().add(first).add(second);
    expect([...all.runtime].sort()).toStrictEqual(["buildRequestUrl", "sendOperation"]);
    expect([...all.mappers]).toStrictEqual(["deserializeProduct"]);
    expect([...all.wireTypes]).toStrictEqual(["ProductWire"]);
  });

  it("lists every runtime name once", () => {
    expect(new Set(runtimeValueNames).size).toBe(runtimeValueNames.length);
  });
});

describe("operations file imports", () => {
  it("a file of long-running operations imports longRunningOperation and not the sendOperation it does not call", async () => {
    const files = await generateInMemory(join(swaggerDir, "lro.json"), swaggerDir);
    const file = files.find((f) => f.path === "src/operations/lrOsCustomHeader.ts");
    const imports = (file?.content ?? "").split("\n").filter((line) => line.startsWith("import "));
    expect(imports).toStrictEqual([
      'import { createHttpPoller, type OperationState, type SimplePollerLike } from "@azure/core-lro";',
      'import type { AutoRestLongRunningOperationTestService } from "../autoRestLongRunningOperationTestService.js";',
      'import type { LROsCustomHeaderPost202Retry200OptionalParams, LROsCustomHeaderPostAsyncRetrySucceededOptionalParams, LROsCustomHeaderPut201CreatingSucceeded200OptionalParams, LROsCustomHeaderPutAsyncRetrySucceededOptionalParams, Product } from "../models.js";',
      'import { deserializeProduct, type ProductWire, serializeProduct } from "../mappers.js";',
      'import { buildRequestUrl, longRunningOperation, type OperationContext } from "../runtime.js";',
    ]);
  });
});
