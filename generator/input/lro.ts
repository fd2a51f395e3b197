/**
 * `x-ms-long-running-operation`: the operation's first response only starts the work; the client
 * polls until it ends, then reads the final result. `x-ms-long-running-operation-options`
 * `final-state-via` says where that result is.
 *
 * Supported: `final-state-via` azure-async-operation, location and original-uri (the resource
 * locations @azure/core-lro 2.7 knows). Refused: operation-location (core-lro 2.7 cannot read the
 * result from there) and options without the extension. An operation that is also x-ms-pageable
 * pages its final result (see generator/emit/paging.ts).
 */
import type { JsonObject } from "../load/types.js";
import { type Loc, isObject, child, fail } from "./jsonSchema/index.js";
import type { LongRunning } from "../model/types.js";

const finalStates = ["azure-async-operation", "location", "original-uri"] as const;

/** The operation's long-running description, validated; undefined when it is an ordinary operation. */
export function buildLongRunning(op: JsonObject, at: Loc): LongRunning | undefined {
  const flag = op["x-ms-long-running-operation"];
  const options = op["x-ms-long-running-operation-options"];
  const optionsAt = child(at, "x-ms-long-running-operation-options");
  if (flag !== undefined && typeof flag !== "boolean") {
    fail(child(at, "x-ms-long-running-operation"), "x-ms-long-running-operation must be true or false");
  }
  if (flag !== true) {
    if (options !== undefined) fail(optionsAt, "x-ms-long-running-operation-options needs x-ms-long-running-operation: true");
    return undefined;
  }
  if (options === undefined) return {};
  if (!isObject(options)) fail(optionsAt, "x-ms-long-running-operation-options must be an object");
  const finalStateVia = options["final-state-via"];
  if (finalStateVia === undefined) return {};
  const known = finalStates.find((s) => s === finalStateVia);
  if (known === undefined) {
    const what =
      finalStateVia === "operation-location" ? `"operation-location" is not supported` : `${JSON.stringify(finalStateVia)} is not one of`;
    fail(child(optionsAt, "final-state-via"), `final-state-via ${what} (supported: ${finalStates.join(", ")})`);
  }
  return { finalStateVia: known };
}
