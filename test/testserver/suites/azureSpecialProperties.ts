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
        ["headerCustomNamedRequestIdParamGrouping", { fooClientRequestId: requestId }],
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

    it("an operation's own api-version parameter (x-ms-api-version: false), not given, is not sent", async () => {
      const h = harness();
      const m = await h.load("azure-special-properties.json");
      const urls: string[] = [];
      await m["apiVersionLocalGetMethodLocalNull"]!(
        { ...h.context("2015-07-01-preview"), subscriptionId },
        {
          onResponse: (response: { request: { url: string } }) => urls.push(response.request.url.slice(h.url.length)),
        },
      );
      expect(urls).toEqual(["/azurespecials/apiVersion/method/string/none/query/local/null"]);
    });

    it("x-ms-skip-url-encoding query values are sent as written, before the encoded ones", async () => {
      const h = harness();
      const m = await h.load("azure-special-properties.json");
      const ctx = { ...h.context("2015-07-01-preview"), subscriptionId };
      const urls: string[] = [];
      const onResponse = (response: { request: { url: string } }): void => {
        urls.push(response.request.url.slice(h.url.length));
      };
      await m["skipUrlEncodingGetMethodQueryValid"]!(ctx, "value1&q2=value2&q3=value3", { onResponse });
      await m["skipUrlEncodingGetPathQueryValid"]!(ctx, "value1&q2=value2&q3=value3", { onResponse });
      await m["skipUrlEncodingGetSwaggerQueryValid"]!(ctx, { onResponse });
      await m["skipUrlEncodingGetMethodQueryNull"]!(ctx, { onResponse });
      expect(urls).toEqual([
        "/azurespecials/skipUrlEncoding/method/query/valid?q1=value1&q2=value2&q3=value3&api-version=2015-07-01-preview",
        "/azurespecials/skipUrlEncoding/path/query/valid?q1=value1&q2=value2&q3=value3&api-version=2015-07-01-preview",
        "/azurespecials/skipUrlEncoding/swagger/query/valid?q1=value1&q2=value2&q3=value3&api-version=2015-07-01-preview",
        "/azurespecials/skipUrlEncoding/method/query/null?api-version=2015-07-01-preview",
      ]);
    });

    it("x-ms-client-request-id: none when the pipeline sets none; a value the server rejects is a RestError", async () => {
      const h = harness();
      const m = await h.load("azure-special-properties.json");
      const ctx = { ...h.context("2015-07-01-preview"), subscriptionId };
      // the default pipeline always sets one (setClientRequestIdPolicy); without it the operation sends none
      ctx.pipeline.removePolicy({ name: "setClientRequestIdPolicy" });
      const sent: Array<string | undefined> = [];
      await m["xMsClientRequestIdGet"]!(ctx, {
        onResponse: (response: { request: { headers: { get(name: string): string | undefined } } }) =>
          sent.push(response.request.headers.get("x-ms-client-request-id")),
      });
      expect(sent).toEqual([undefined]);
      const error = await m["xMsClientRequestIdGet"]!(ctx, {
        requestOptions: { customHeaders: { "x-ms-client-request-id": "not-the-expected-id" } },
      }).then(
        () => undefined,
        (e: unknown) => e as { name: string; statusCode: number; response: { headers: { get(name: string): string | undefined } } },
      );
      expect([error?.name, error?.statusCode, error?.response.headers.get("x-ms-request-id")]).toEqual(["RestError", 400, "123"]);
    });
  });
}
