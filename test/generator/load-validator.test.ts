import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildValidatorSource, VALIDATOR_FILES } from "../../generator/load/build-validator.js";
import { schemaProblem } from "../../generator/load/validate.js";

describe("precompiled validators", () => {
  it.each(["swagger", "manifest", "openapi30", "openapi31"] as const)(
    "%s-validator.generated.js matches the installed schema (else: npx tsx generator/load/build-validator.ts)",
    (which) => {
      expect(readFileSync(VALIDATOR_FILES[which], "utf8")).toBe(buildValidatorSource(which));
    },
  );

  it("explains an invalid document with the deepest concrete error", () => {
    expect(schemaProblem("swagger", { swagger: "2.0", info: { title: "t", version: "1" }, paths: {} })).toBeUndefined();
    expect(schemaProblem("swagger", { swagger: "3.0", info: { title: "t", version: "1" }, paths: {} })).toEqual({
      pointer: "/swagger",
      message: 'must be one of "2.0"',
    });
    expect(schemaProblem("swagger", { swagger: "2.0", info: { title: "t" }, paths: {} })).toEqual({
      pointer: "/info",
      message: 'missing required property "version"',
    });
    expect(schemaProblem("swagger", { swagger: "2.0", info: { title: "t" }, paths: { "/a": { get: { responses: {} } } } })).toEqual({
      pointer: "/paths/~1a/get/responses",
      message: "must have at least 1 property",
    });
    expect(schemaProblem("swagger", { swagger: "2.0", info: { title: "t", version: "1" }, paths: {}, produces: "json" })).toEqual({
      pointer: "/produces",
      message: "must be of type array",
    });
  });
});
