/** Unit tests of the URL helpers of generator/emit/runtime/runtime.ts (copied into generated/src/runtime.ts). */
import { describe, expect, it } from "vitest";
import { buildRequestUrl, encodePathValue, joinCollection, repeatQueryParameter } from "../../generator/emit/runtime/runtime.js";

describe("buildRequestUrl: scalar query parameters", () => {
  it("encodes names and values with encodeURIComponent, writes Dates as ISO 8601, and skips undefined", () => {
    const url = buildRequestUrl("https://h.example/base/", "/things/{id}", { id: encodePathValue("a/b c") }, [
      { name: "api-version", value: "2024-01-01" },
      { name: "q&x", value: "a b&c=d/é" },
      { name: "n", value: 0 },
      { name: "f", value: false },
      { name: "at", value: new Date("2024-02-29T23:59:58.123Z") },
      { name: "absent", value: undefined },
      { name: "empty", value: "" },
    ]);
    expect(url).toBe(
      "https://h.example/base/things/a%2Fb%20c?api-version=2024-01-01&q%26x=a%20b%26c%3Dd%2F%C3%A9&n=0&f=false&at=2024-02-29T23%3A59%3A58.123Z&empty=",
    );
  });

  it("no query string when nothing is sent; & when the path already has one; unknown placeholders stay", () => {
    expect(buildRequestUrl("https://h.example//", "/x/{missing}", {}, [{ name: "a", value: undefined }])).toBe("https://h.example/x/{missing}");
    expect(buildRequestUrl("https://h.example", "/x?fixed=1", {}, [{ name: "a", value: 1 }])).toBe("https://h.example/x?fixed=1&a=1");
  });
});

describe("array helpers the generated operations call", () => {
  it("joinCollection: csv by default, ssv, tsv, pipes; each item formatted as a scalar", () => {
    const items = ["a,b", 1, true, new Date("2024-01-02T03:04:05Z")];
    expect(joinCollection(items)).toBe("a,b,1,true,2024-01-02T03:04:05.000Z");
    expect(joinCollection(items, "ssv")).toBe("a,b 1 true 2024-01-02T03:04:05.000Z");
    expect(joinCollection(items, "tsv")).toBe("a,b\t1\ttrue\t2024-01-02T03:04:05.000Z");
    expect(joinCollection(items, "pipes")).toBe("a,b|1|true|2024-01-02T03:04:05.000Z");
    expect(joinCollection([])).toBe("");
  });

  it("repeatQueryParameter: one query parameter per item, none for an empty or undefined array", () => {
    expect(repeatQueryParameter("id", ["a", "", 2])).toEqual([
      { name: "id", value: "a" },
      { name: "id", value: "" },
      { name: "id", value: 2 },
    ]);
    expect(repeatQueryParameter("id", [])).toEqual([]);
    expect(repeatQueryParameter("id", undefined)).toEqual([]);
    const url = buildRequestUrl("https://h.example", "/x", {}, [
      ...repeatQueryParameter("id", ["a b", "c&d"]),
      { name: "csv", value: joinCollection(["a b", "c&d"]) },
    ]);
    expect(url).toBe("https://h.example/x?id=a%20b&id=c%26d&csv=a%20b%2Cc%26d");
  });
});
