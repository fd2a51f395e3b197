/** Unit tests of the helpers of generator/emit/runtime/runtime.ts (copied into generated/src/runtime.ts). */
import { createEmptyPipeline, createHttpHeaders, type HttpClient, type PipelineRequest, type RestError } from "@azure/core-rest-pipeline";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  buildRequestUrl,
  decodeBytes,
  encodePathValue,
  joinCollection,
  parseRfc1123Date,
  repeatQueryParameter,
  sendOperation,
  type OperationRequest,
} from "../../generator/emit/runtime/runtime.js";

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
    expect(buildRequestUrl("https://h.example//", "/x/{missing}", {}, [{ name: "a", value: undefined }])).toBe(
      "https://h.example/x/{missing}",
    );
    expect(buildRequestUrl("https://h.example", "/x?fixed=1", {}, [{ name: "a", value: 1 }])).toBe("https://h.example/x?fixed=1&a=1");
  });
});

describe("parseRfc1123Date", () => {
  it("reads the fields as written, years below 100 and above 9999 included", () => {
    expect(parseRfc1123Date("Mon, 01 Jan 0001 00:00:00 GMT").toISOString()).toBe("0001-01-01T00:00:00.000Z");
    expect(parseRfc1123Date("Mon, 01 Jan    1 00:00:00 GMT").toISOString()).toBe("0001-01-01T00:00:00.000Z");
    expect(parseRfc1123Date("Sat, 29 Feb 0004 23:59:58 gmt").toISOString()).toBe("0004-02-29T23:59:58.000Z");
    expect(parseRfc1123Date("fri, 31 dec 9999 23:59:59 gmt").toISOString()).toBe("9999-12-31T23:59:59.000Z");
    expect(parseRfc1123Date("Sat, 1 Jan 10000 00:00:00 GMT").toISOString()).toBe("+010000-01-01T00:00:00.000Z");
  });

  it("gives new Date's reading to other text: an Invalid Date for out-of-range fields", () => {
    expect(Number.isNaN(parseRfc1123Date("Tue, 00 Jan 0000 00:00:00 GMT").getTime())).toBe(true);
    expect(Number.isNaN(parseRfc1123Date("Mon, 01 Foo 2020 00:00:00 GMT").getTime())).toBe(true);
    expect(parseRfc1123Date("2020-01-02T03:04:05Z").toISOString()).toBe("2020-01-02T03:04:05.000Z");
  });
});

describe("decodeBytes", () => {
  it("reads base64 with or without padding, base64url, and line breaks", () => {
    expect(decodeBytes("//79")).toEqual(new Uint8Array([255, 254, 253]));
    expect(decodeBytes("q6w=")).toEqual(new Uint8Array([171, 172]));
    expect(decodeBytes("q6w")).toEqual(new Uint8Array([171, 172]));
    expect(decodeBytes("__79\r\nq6w")).toEqual(new Uint8Array([255, 254, 253, 171, 172]));
    expect(decodeBytes("")).toEqual(new Uint8Array());
  });

  it("text that is not base64 is a RestError PARSE_ERROR without the value", () => {
    for (const text of ["::::SWAGGER::::", "abcde", "a=bc", "q6w==="]) {
      let error: unknown;
      try {
        decodeBytes(text);
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({
        name: "RestError",
        code: "PARSE_ERROR",
        message: "The service sent bytes that are not base64 or base64url",
      });
    }
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

  it("joinCollection: a null item is an empty value, not the text null", () => {
    expect(joinCollection(["a", null, "", "b"])).toBe("a,,,b");
    expect(joinCollection([null], "pipes")).toBe("");
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

describe("sendOperation: the request it builds and the errors it maps", () => {
  const canned = (status: number, bodyAsText?: string) => {
    const sent: PipelineRequest[] = [];
    const httpClient: HttpClient = {
      sendRequest: async (request) => {
        sent.push(request);
        return { request, status, headers: createHttpHeaders(), bodyAsText };
      },
    };
    return { sent, context: { endpoint: "https://h.example", pipeline: createEmptyPipeline(), httpClient } };
  };
  const unexpected = (): never => {
    throw new Error("resolved");
  };
  const operation = (body?: string): OperationRequest => ({
    method: "POST",
    url: "https://h.example/x",
    headers: { Accept: "application/json", "Content-Type": body === undefined ? undefined : "application/json" },
    body,
    successStatuses: [200],
  });

  it("carries tracingOptions (createPipelineRequest would drop them), progress callbacks, allowInsecureConnection, timeout and custom headers", async () => {
    const { sent, context } = canned(200, '{"a":1}');
    const tracingOptions = {
      tracingContext: {
        getValue: () => "v",
        setValue: () => tracingOptions.tracingContext,
        deleteValue: () => tracingOptions.tracingContext,
      },
    };
    const onUploadProgress = () => {};
    const onDownloadProgress = () => {};
    const result = await sendOperation(context, operation('{"b":2}'), {
      tracingOptions,
      requestOptions: {
        timeout: 1234,
        customHeaders: { accept: "text/plain", "x-extra": "1" },
        onUploadProgress,
        onDownloadProgress,
        allowInsecureConnection: true,
      },
    });
    expect(result.body).toEqual({ a: 1 });
    const [request] = sent;
    expect(request!.tracingOptions).toBe(tracingOptions);
    expect(request!.onUploadProgress).toBe(onUploadProgress);
    expect(request!.onDownloadProgress).toBe(onDownloadProgress);
    expect(request!.allowInsecureConnection).toBe(true);
    expect(request!.timeout).toBe(1234);
    expect(request!.withCredentials).toBe(false);
    expect(request!.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(request!.headers.toJSON()).toEqual({ accept: "text/plain", "content-type": "application/json", "x-extra": "1" });
    expect(request!.body).toBe('{"b":2}');
  });

  it("defaults: no timeout, plain http not allowed, no tracing context, a new request id per request, no Content-Type without a body", async () => {
    const { sent, context } = canned(200);
    expect((await sendOperation(context, operation(), {})).body).toBeUndefined();
    await sendOperation(context, operation(), {});
    expect(sent.map((r) => [r.timeout, r.allowInsecureConnection, r.tracingOptions, r.headers.toJSON()])).toEqual([
      [0, undefined, undefined, { accept: "application/json" }],
      [0, undefined, undefined, { accept: "application/json" }],
    ]);
    expect(sent[0]!.requestId).not.toBe(sent[1]!.requestId);
  });

  it("a success status with a body that is not JSON is a PARSE_ERROR; an error status gives the service's code and message, or names the status", async () => {
    const parse = await sendOperation(canned(200, "<html>").context, operation(), {}).then(unexpected, (e: RestError) => e);
    expect([parse.message, parse.code, parse.statusCode]).toEqual([
      "The response body of status 200 is not valid JSON",
      "PARSE_ERROR",
      200,
    ]);
    const service = await sendOperation(canned(400, '{"error":{"code":"Bad","message":"No."}}').context, operation(), {}).then(
      unexpected,
      (e: RestError) => e,
    );
    expect([service.message, service.code, service.statusCode, service.details]).toEqual([
      "No.",
      "Bad",
      400,
      { error: { code: "Bad", message: "No." } },
    ]);
    for (const body of ["<html>", "", '"text"', "[1]", '{"error":"x"}', '{"error":{"code":1,"message":null}}']) {
      const error = await sendOperation(canned(503, body).context, operation(), {}).then(unexpected, (e: RestError) => e);
      expect([error.message, error.code, error.statusCode], body).toEqual(["The service responded with status 503", undefined, 503]);
    }
  });

  it("a body that is not Azure-shaped gives its top-level code and message; `error` wins when both are there; nothing else reaches the message", async () => {
    const cases: Array<[string, [string, string | undefined]]> = [
      ['{"message":"Quota exceeded."}', ["Quota exceeded.", undefined]],
      ['{"code":"Throttled","message":"Slow down.","key":"k3y"}', ["Slow down.", "Throttled"]],
      ['{"error":{"code":"Inner","message":"From error."},"code":"Outer","message":"Top level."}', ["From error.", "Inner"]],
      ['{"message":42,"code":false}', ["The service responded with status 429", undefined]],
      ['{"errorMessage":"casper aint happy","key":"k3y"}', ["The service responded with status 429", undefined]],
      ["null", ["The service responded with status 429", undefined]],
    ];
    for (const [body, expected] of cases) {
      const error = await sendOperation(canned(429, body).context, operation(), {}).then(unexpected, (e: RestError) => e);
      expect([error.message, error.code], body).toEqual(expected);
      expect(error.details, body).toEqual(JSON.parse(body));
    }
  });

  it("details hold the whole body but are not enumerable: logging the error prints neither it nor the request's key", async () => {
    const body = '{"error":{"code":"Unauthorized","message":"Denied.","token":"k3y-in-error"},"primaryKey":"k3y-top"}';
    const { context } = canned(403, body);
    const error = await sendOperation(context, { ...operation(), url: "https://h.example/x?key=k3y-query" }, {}).then(
      unexpected,
      (e: RestError) => e,
    );
    expect([error.message, error.code, error.details]).toEqual(["Denied.", "Unauthorized", JSON.parse(body)]);
    expect(Object.keys(error)).not.toContain("details");
    const printed = `${inspect(error)}\n${JSON.stringify(error)}\n${String(error)}`;
    expect(printed.match(/k3y[\w-]*/g)).toBeNull();
    error.details = "replaced";
    expect(error.details).toBe("replaced");
  });
});
