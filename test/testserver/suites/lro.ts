/** lro.json against the test server's /lro routes: every long-running operation polled to its end. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { outcome, type Outcome } from "./normalize.js";

/**
 * The final result (or error) of each operation, polled every 1 ms. Not listed: the custom-header group
 * (below) and the operations whose final response has no body or whose first response is final
 * (below). Errors are core-lro's for failed and canceled
 * operations, and the RestError of the failing request otherwise (with the server's top-level `message`
 * when its body has one).
 */
const expected: Record<string, Outcome> = {
  lrOsDelete204Succeeded: { value: undefined },
  lrOsDeleteAsyncNoHeaderInRetry: { value: undefined },
  lrOsDeleteAsyncNoRetrySucceeded: { value: undefined },
  lrOsDeleteAsyncRetryFailed: { error: "Error: The long-running operation has failed" },
  lrOsDeleteAsyncRetrySucceeded: { value: undefined },
  lrOsDeleteAsyncRetrycanceled: { error: "Error: Operation was canceled" },
  lrOsDeleteNoHeaderInRetry: { value: undefined },
  lrOsDeleteProvisioning202Accepted200Succeeded: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lrOsDeleteProvisioning202DeletingFailed200: { value: { id: "100", name: "foo", provisioningState: "Failed" } },
  lrOsDeleteProvisioning202Deletingcanceled200: { value: { id: "100", name: "foo", provisioningState: "Canceled" } },
  lrOsPatch201RetryWithAsyncHeader: { value: { id: "/lro/patch/201/retry/onlyAsyncHeader", name: "foo", provisioningState: "Succeeded" } },
  lrOsPatch202RetryWithAsyncAndLocationHeader: {
    value: {
      id: "/lro/patch/202/retry/asyncAndLocationHeader/operationResults/202/finalResults/202",
      type: "AsyncAndLocationHeader/Operationresults/finalResults",
      name: "202",
    },
  },
  lrOsPost200WithPayload: { value: { id: "1", name: "product" } },
  lrOsPost202List: { value: [{ id: "100", name: "foo" }] },
  lrOsPost202Retry200: { value: undefined },
  lrOsPostAsyncNoRetrySucceeded: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lrOsPostAsyncRetryFailed: { error: "Error: The long-running operation has failed. 500. Internal Server Error" },
  lrOsPostAsyncRetrySucceeded: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lrOsPostAsyncRetrycanceled: { error: "Error: Operation was canceled" },
  lrOsPostDoubleHeadersFinalAzureHeaderGet: { value: { id: "100" } },
  lrOsPostDoubleHeadersFinalAzureHeaderGetDefault: { value: { id: "100", name: "foo" } },
  lrOsPostDoubleHeadersFinalLocationGet: { value: { id: "100", name: "foo" } },
  lrOsPut200Acceptedcanceled200: { error: "Error: Operation was canceled" },
  lrOsPut200Succeeded: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lrOsPut200SucceededNoState: { value: { id: "100", name: "foo" } },
  lrOsPut200UpdatingSucceeded204: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lrOsPut201CreatingFailed200: { error: "Error: The long-running operation has failed" },
  lrOsPut201CreatingSucceeded200: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lrOsPut201Succeeded: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lrOsPut202Retry200: { value: { id: "100", name: "foo" } },
  lrOsPutAsyncNoHeaderInRetry: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lrOsPutAsyncNoRetrySucceeded: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lrOsPutAsyncNoRetrycanceled: { error: "Error: Operation was canceled" },
  lrOsPutAsyncNonResource: { value: { name: "sku", id: "100" } },
  lrOsPutAsyncRetryFailed: { error: "Error: The long-running operation has failed" },
  lrOsPutAsyncRetrySucceeded: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lrOsPutAsyncSubResource: { value: { id: "100", provisioningState: "Succeeded" } },
  lrOsPutNoHeaderInRetry: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lrOsPutNonResource: { value: { name: "sku", id: "100" } },
  lrOsPutSubResource: { value: { id: "100", provisioningState: "Succeeded" } },
  lroRetrysDelete202Retry200: { value: undefined },
  lroRetrysDeleteAsyncRelativeRetrySucceeded: { value: undefined },
  lroRetrysDeleteProvisioning202Accepted200Succeeded: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lroRetrysPost202Retry200: { value: undefined },
  lroRetrysPostAsyncRelativeRetrySucceeded: { value: undefined },
  lroRetrysPut201CreatingSucceeded200: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lroRetrysPutAsyncRelativeRetrySucceeded: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
  lrosaDsDelete202NonRetry400: { error: "RestError 400: Expected bad request message" },
  lrosaDsDelete202RetryInvalidHeader: { error: "RestError 404: The service responded with status 404" },
  lrosaDsDelete204Succeeded: { value: undefined },
  lrosaDsDeleteAsyncRelativeRetry400: { error: "RestError 400: Expected bad request message" },
  lrosaDsDeleteAsyncRelativeRetryInvalidHeader: { error: "RestError 404: The service responded with status 404" },
  lrosaDsDeleteAsyncRelativeRetryInvalidJsonPolling: { error: "RestError 200: The response body of status 200 is not valid JSON" },
  lrosaDsDeleteAsyncRelativeRetryNoStatus: { value: undefined },
  lrosaDsDeleteNonRetry400: { error: "RestError 400: Expected bad request message" },
  lrosaDsPost202NoLocation: { value: undefined },
  lrosaDsPost202NonRetry400: { error: "RestError 400: Expected bad request message" },
  lrosaDsPost202RetryInvalidHeader: { error: "RestError 404: The service responded with status 404" },
  lrosaDsPostAsyncRelativeRetry400: { error: "RestError 400: Expected bad request message" },
  lrosaDsPostAsyncRelativeRetryInvalidHeader: { error: "RestError 404: The service responded with status 404" },
  lrosaDsPostAsyncRelativeRetryInvalidJsonPolling: { error: "RestError 200: The response body of status 200 is not valid JSON" },
  lrosaDsPostAsyncRelativeRetryNoPayload: { value: undefined },
  lrosaDsPostNonRetry400: { error: "RestError 400: Expected bad request message" },
  lrosaDsPut200InvalidJson: { error: "RestError 200: The response body of status 200 is not valid JSON" },
  lrosaDsPutAsyncRelativeRetry400: { error: "RestError 400: The service responded with status 400" },
  lrosaDsPutAsyncRelativeRetryInvalidHeader: { error: "RestError 404: The service responded with status 404" },
  lrosaDsPutAsyncRelativeRetryInvalidJsonPolling: { error: "RestError 200: The response body of status 200 is not valid JSON" },
  lrosaDsPutAsyncRelativeRetryNoStatus: { value: {} },
  lrosaDsPutNonRetry201Creating400: { error: "RestError 400: Error from the server" },
  lrosaDsPutNonRetry201Creating400InvalidJson: { error: "RestError 400: The service responded with status 400" },
  lrosaDsPutNonRetry400: { error: "RestError 400: Expected bad request message" },
};

/** Start the operation, then poll until done (1 ms between polls; the server sends no Retry-After). */
async function run(start: (...args: unknown[]) => Promise<unknown>, ...args: unknown[]): Promise<unknown> {
  const poller = (await start(...args)) as { pollUntilDone(): Promise<unknown> };
  return poller.pollUntilDone();
}

export function lroSuite(harness: () => Harness): void {
  describe("lro", () => {
    it("every operation ends with the exact result or error", async () => {
      const h = harness();
      const m = await h.load("lro.json");
      const got: Record<string, Outcome> = {};
      for (const name of Object.keys(expected)) {
        got[name] = await outcome(run(m[name]!, h.context(), { updateIntervalInMs: 1 }));
      }
      expect(got).toStrictEqual(expected);
    });

    it("custom header group: x-ms-client-request-id given as a custom header reaches every request", async () => {
      const h = harness();
      const m = await h.load("lro.json");
      const options = {
        updateIntervalInMs: 1,
        requestOptions: { customHeaders: { "x-ms-client-request-id": "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0" } },
      };
      const got: Record<string, Outcome> = {};
      for (const name of [
        "lrOsCustomHeaderPutAsyncRetrySucceeded",
        "lrOsCustomHeaderPut201CreatingSucceeded200",
        "lrOsCustomHeaderPost202Retry200",
        "lrOsCustomHeaderPostAsyncRetrySucceeded",
      ]) {
        got[name] = await outcome(run(m[name]!, h.context(), options));
      }
      expect(got).toStrictEqual({
        lrOsCustomHeaderPutAsyncRetrySucceeded: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
        lrOsCustomHeaderPut201CreatingSucceeded200: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
        lrOsCustomHeaderPost202Retry200: { value: undefined },
        lrOsCustomHeaderPostAsyncRetrySucceeded: { value: undefined },
      });
    });

    // An operation whose final response has no body (204, or a 200 without one) resolves with
    // undefined even though it declares a model; a 200 to a PATCH in a terminal state ends the
    // operation, its Azure-AsyncOperation header (a URL the server says never to call) is not polled.
    it("no TypeError and no poll after a final 200", async () => {
      const h = harness();
      const m = await h.load("lro.json");
      const got: Record<string, Outcome> = {};
      for (const name of [
        "lrOsDelete202NoRetry204",
        "lrOsDelete202Retry200",
        "lrOsPost202NoRetry204",
        "lrosaDsPutAsyncRelativeRetryNoStatusPayload",
        "lrosaDsPutError201NoProvisioningStatePayload",
        "lrOsPatch200SucceededIgnoreHeaders",
      ]) {
        got[name] = await outcome(run(m[name]!, h.context(), { updateIntervalInMs: 1 }));
      }
      expect(got).toStrictEqual({
        lrOsDelete202NoRetry204: { value: undefined },
        lrOsDelete202Retry200: { value: undefined },
        lrOsPost202NoRetry204: { value: undefined },
        lrosaDsPutAsyncRelativeRetryNoStatusPayload: { value: undefined },
        lrosaDsPutError201NoProvisioningStatePayload: { value: undefined },
        lrOsPatch200SucceededIgnoreHeaders: { value: { id: "100", name: "foo", provisioningState: "Succeeded" } },
      });
    });
  });
}
