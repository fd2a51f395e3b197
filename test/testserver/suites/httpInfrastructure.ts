/** httpInfrastructure.json against the test server's /http routes: every operation, one exact outcome each. */
import { RestError } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

type Outcome = { value: unknown } | { status: number; code?: string };

/**
 * What each generated operation returns (`value`) or the RestError it throws (`status`, `code`).
 * Notes on entries that are not what the spec intends:
 * - httpSuccessOptions200: the server has no OPTIONS mock there; express answers 200 with its Allow list
 *   as text/html, which the generated code parses as JSON.
 * - httpSuccessHead404 declares a 404 (Azure's head-as-boolean): its 404 is false; httpSuccessHead200/204
 *   declare none, so they return nothing.
 * - httpRedirectsGet300: the pipeline follows the 300, so the spec's string[] body of the 300 is never seen.
 * - httpRedirects*: the spec declares a Location header on the redirect, returned when the redirect is not
 *   followed (the pipeline does not follow a 302 to a PATCH or a 301 to a PUT); the final 200 has none: `{}`.
 */
const expected: Record<string, Outcome> = {
  httpClientFailureDelete400: { status: 400 },
  httpClientFailureDelete407: { status: 407 },
  httpClientFailureDelete417: { status: 417 },
  httpClientFailureGet400: { status: 400 },
  httpClientFailureGet402: { status: 402 },
  httpClientFailureGet403: { status: 403 },
  httpClientFailureGet411: { status: 411 },
  httpClientFailureGet412: { status: 412 },
  httpClientFailureGet416: { status: 416 },
  httpClientFailureHead400: { status: 400 },
  httpClientFailureHead401: { status: 401 },
  httpClientFailureHead410: { status: 410 },
  httpClientFailureHead429: { status: 429 },
  httpClientFailureOptions400: { status: 400 },
  httpClientFailureOptions403: { status: 403 },
  httpClientFailureOptions412: { status: 412 },
  httpClientFailurePatch400: { status: 400 },
  httpClientFailurePatch405: { status: 405 },
  httpClientFailurePatch414: { status: 414 },
  httpClientFailurePost400: { status: 400 },
  httpClientFailurePost406: { status: 406 },
  httpClientFailurePost415: { status: 415 },
  httpClientFailurePut400: { status: 400 },
  httpClientFailurePut404: { status: 404 },
  httpClientFailurePut409: { status: 409 },
  httpClientFailurePut413: { status: 413 },
  httpFailureGetEmptyError: { status: 400 },
  httpFailureGetNoModelEmpty: { status: 400 },
  httpFailureGetNoModelError: { status: 400 },
  httpRedirectsDelete307: { value: {} },
  httpRedirectsGet300: { value: undefined },
  httpRedirectsGet301: { value: {} },
  httpRedirectsGet302: { value: {} },
  httpRedirectsGet307: { value: {} },
  httpRedirectsHead300: { value: {} },
  httpRedirectsHead301: { value: {} },
  httpRedirectsHead302: { value: {} },
  httpRedirectsHead307: { value: {} },
  httpRedirectsOptions307: { value: {} },
  httpRedirectsPatch302: { value: { location: "/http/failure/500" } },
  httpRedirectsPatch307: { value: {} },
  httpRedirectsPost303: { value: {} },
  httpRedirectsPost307: { value: {} },
  httpRedirectsPut301: { value: { location: "/http/failure/500" } },
  httpRedirectsPut307: { value: {} },
  httpRetryDelete503: { value: undefined },
  httpRetryGet502: { value: undefined },
  httpRetryHead408: { value: undefined },
  httpRetryOptions502: { value: undefined },
  httpRetryPatch500: { value: undefined },
  httpRetryPatch504: { value: undefined },
  httpRetryPost503: { value: undefined },
  httpRetryPut500: { value: undefined },
  httpRetryPut504: { value: undefined },
  httpServerFailureDelete505: { status: 505 },
  httpServerFailureGet501: { status: 501 },
  httpServerFailureHead501: { status: 501 },
  httpServerFailurePost505: { status: 505 },
  httpSuccessDelete200: { value: undefined },
  httpSuccessDelete202: { value: undefined },
  httpSuccessDelete204: { value: undefined },
  httpSuccessGet200: { value: true },
  httpSuccessHead200: { value: undefined },
  httpSuccessHead204: { value: undefined },
  httpSuccessHead404: { value: false },
  httpSuccessOptions200: { status: 200, code: "PARSE_ERROR" },
  httpSuccessPatch200: { value: undefined },
  httpSuccessPatch202: { value: undefined },
  httpSuccessPatch204: { value: undefined },
  httpSuccessPost200: { value: undefined },
  httpSuccessPost201: { value: undefined },
  httpSuccessPost202: { value: undefined },
  httpSuccessPost204: { value: undefined },
  httpSuccessPut200: { value: undefined },
  httpSuccessPut201: { value: undefined },
  httpSuccessPut202: { value: undefined },
  httpSuccessPut204: { value: undefined },
  multipleResponsesGet200Model201ModelDefaultError200Valid: { value: { statusCode: "200" } },
  multipleResponsesGet200Model201ModelDefaultError201Valid: { value: { statusCode: "201", textStatusCode: "Created" } },
  multipleResponsesGet200Model201ModelDefaultError400Valid: { status: 400 },
  multipleResponsesGet200Model204NoModelDefaultError200Valid: { value: { statusCode: "200" } },
  multipleResponsesGet200Model204NoModelDefaultError201Invalid: { status: 201 },
  multipleResponsesGet200Model204NoModelDefaultError202None: { status: 202 },
  multipleResponsesGet200Model204NoModelDefaultError204Valid: { value: undefined },
  multipleResponsesGet200Model204NoModelDefaultError400Valid: { status: 400 },
  multipleResponsesGet200ModelA200Invalid: { value: { statusCodeInvalid: "200" } },
  multipleResponsesGet200ModelA200None: { value: undefined },
  multipleResponsesGet200ModelA200Valid: { value: { statusCode: "200" } },
  multipleResponsesGet200ModelA201ModelC404ModelDDefaultError200Valid: { value: { statusCode: "200" } },
  multipleResponsesGet200ModelA201ModelC404ModelDDefaultError201Valid: { value: { httpCode: "201" } },
  multipleResponsesGet200ModelA201ModelC404ModelDDefaultError400Valid: { status: 400 },
  multipleResponsesGet200ModelA201ModelC404ModelDDefaultError404Valid: { value: { httpStatusCode: "404" } },
  multipleResponsesGet200ModelA202Valid: { status: 202 },
  multipleResponsesGet200ModelA400Invalid: { status: 400 },
  multipleResponsesGet200ModelA400None: { status: 400 },
  multipleResponsesGet200ModelA400Valid: { status: 400 },
  multipleResponsesGet202None204NoneDefaultError202None: { value: undefined },
  multipleResponsesGet202None204NoneDefaultError204None: { value: undefined },
  multipleResponsesGet202None204NoneDefaultError400Valid: { status: 400 },
  multipleResponsesGet202None204NoneDefaultNone202Invalid: { value: undefined },
  multipleResponsesGet202None204NoneDefaultNone204None: { value: undefined },
  multipleResponsesGet202None204NoneDefaultNone400Invalid: { status: 400 },
  multipleResponsesGet202None204NoneDefaultNone400None: { status: 400 },
  multipleResponsesGetDefaultModelA200None: { value: undefined },
  multipleResponsesGetDefaultModelA200Valid: { value: { statusCode: "200" } },
  multipleResponsesGetDefaultModelA400None: { status: 400 },
  multipleResponsesGetDefaultModelA400Valid: { status: 400 },
  multipleResponsesGetDefaultNone200Invalid: { value: undefined },
  multipleResponsesGetDefaultNone200None: { value: undefined },
  multipleResponsesGetDefaultNone400Invalid: { status: 400 },
  multipleResponsesGetDefaultNone400None: { status: 400 },
};

async function outcome(call: Promise<unknown>): Promise<Outcome> {
  try {
    return { value: await call };
  } catch (error) {
    if (!(error instanceof RestError)) throw error;
    return { status: error.statusCode ?? -1, ...(error.code !== undefined ? { code: error.code } : {}) };
  }
}

export function httpInfrastructureSuite(harness: () => Harness): void {
  describe("httpInfrastructure", () => {
    it("every operation: success, redirects followed, retries retried, failures as RestError with the status", async () => {
      const h = harness();
      const m = await h.load("httpInfrastructure.json");
      const operations = Object.keys(m)
        .filter((name) => /^(http|multipleResponses)[A-Z]/.test(name))
        .sort();
      expect(operations).toEqual(Object.keys(expected).sort());
      const got: Record<string, Outcome> = {};
      for (const name of operations) {
        got[name] = await outcome(m[name]!(h.context()));
      }
      expect(got).toStrictEqual(expected);
    });

    it("a failure keeps the error body in details, and its top-level message (not the Azure error shape) is the message", async () => {
      const h = harness();
      const m = await h.load("httpInfrastructure.json");
      await expect(m["multipleResponsesGet200Model201ModelDefaultError400Valid"]!(h.context())).rejects.toMatchObject({
        name: "RestError",
        statusCode: 400,
        message: "client error",
        details: { message: "client error" },
      });
    });
  });
}
