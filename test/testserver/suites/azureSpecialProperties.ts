/** azure-special-properties.json against the test server's /azurespecials routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

const subscriptionId = "1234-5678-9012-3456";
const requestId = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0";

export function azureSpecialPropertiesSuite(harness: () => Harness): void {
  describe("azure-special-properties", () => {
    it("subscription id, api-version, skip-url-encoding, OData and request ids reach the server as it expects", async () => {
      const h = harness();
      const m = await h.load("azure-special-properties.json");
      const ctx = { ...h.context("2015-07-01-preview"), subscriptionId };
      const calls: Array<[operation: string, ...args: unknown[]]> = [
        ["subscriptionInCredentialsPostMethodGlobalValid"],
        ["subscriptionInCredentialsPostMethodGlobalNotProvidedValid"],
        ["subscriptionInCredentialsPostPathGlobalValid"],
        ["subscriptionInCredentialsPostSwaggerGlobalValid"],
        ["subscriptionInMethodPostMethodLocalValid", subscriptionId],
        ["subscriptionInMethodPostPathLocalValid", subscriptionId],
        ["subscriptionInMethodPostSwaggerLocalValid", subscriptionId],
        ["apiVersionDefaultGetMethodGlobalValid"],
        ["apiVersionDefaultGetMethodGlobalNotProvidedValid"],
        ["apiVersionDefaultGetPathGlobalValid"],
        ["apiVersionDefaultGetSwaggerGlobalValid"],
        ["apiVersionLocalGetMethodLocalValid"],
        ["apiVersionLocalGetPathLocalValid"],
        ["apiVersionLocalGetSwaggerLocalValid"],
        ["skipUrlEncodingGetMethodPathValid", "path1/path2/path3"],
        ["skipUrlEncodingGetPathPathValid", "path1/path2/path3"],
        ["skipUrlEncodingGetSwaggerPathValid"],
        ["skipUrlEncodingGetMethodQueryNull", {}],
        ["odataGetWithFilter", { filter: "id gt 5 and name eq 'foo'", top: 10, orderby: "id" }],
        ["headerCustomNamedRequestId", requestId],
        ["headerCustomNamedRequestIdParamGrouping", requestId],
        ["headerCustomNamedRequestIdHead", requestId],
        ["xMsClientRequestIdGet", { requestOptions: { customHeaders: { "x-ms-client-request-id": requestId } } }],
        ["xMsClientRequestIdParamGet", requestId],
      ];
      const failed: string[] = [];
      for (const [operation, ...args] of calls) {
        await m[operation]!(ctx, ...args).catch((e: unknown) => failed.push(`${operation}: ${(e as Error).message}`));
      }
      expect(failed).toEqual([]);
    });

    // Known defects: an operation's own optional api-version parameter, not given, still sends the
    // client's api-version; x-ms-skip-url-encoding on a query parameter is not honoured (its value is
    // encoded, so "value1&q2=value2&q3=value3" arrives as one q1).
    it.fails("local null api-version and unencoded query values (known defects)", async () => {
      const h = harness();
      const m = await h.load("azure-special-properties.json");
      const ctx = { ...h.context("2015-07-01-preview"), subscriptionId };
      const failed: string[] = [];
      for (const [operation, ...args] of [
        ["apiVersionLocalGetMethodLocalNull"],
        ["skipUrlEncodingGetMethodQueryValid", "value1&q2=value2&q3=value3"],
        ["skipUrlEncodingGetPathQueryValid", "value1&q2=value2&q3=value3"],
        ["skipUrlEncodingGetSwaggerQueryValid"],
      ] as Array<[string, ...unknown[]]>) {
        await m[operation]!(ctx, ...args).catch((e: unknown) => failed.push(`${operation}: ${(e as Error).message}`));
      }
      expect(failed).toEqual([]);
    });
  });
}
