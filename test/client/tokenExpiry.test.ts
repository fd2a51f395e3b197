import { describe, expect, it } from "vitest";
import { checkTokenExpiresInMinutes } from "../../src/tokenExpiry.js";

describe("checkTokenExpiresInMinutes", () => {
  it("passes undefined through (the field is then not sent) and accepts the bounds", () => {
    expect(checkTokenExpiresInMinutes(undefined)).toBe(undefined);
    expect(checkTokenExpiresInMinutes(60)).toBe(60);
    expect(checkTokenExpiresInMinutes(1440)).toBe(1440);
  });

  it.each([
    [59, "59"],
    [1441, "1441"],
    [60.5, "60.5"],
    [Number.NaN, "NaN"],
    [null, "null"],
    ["120", '"120"'],
  ])("rejects %s", (value, shown) => {
    expect(() => checkTokenExpiresInMinutes(value)).toThrow(
      new RangeError(`tokenExpiresInMinutes must be an integer within [60, 1440], got ${shown}.`),
    );
  });
});
