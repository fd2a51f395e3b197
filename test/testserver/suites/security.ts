/**
 * security-key.json (apiKey in the `security-key` header) and security-aad.json (oauth2, scope
 * `https://security.microsoft.com/.default`) against /securitykey and /securityaad.
 */
import { AzureKeyCredential, type TokenCredential } from "@azure/core-auth";
import { createHttpHeaders, type HttpClient, type PipelineRequest } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { clientClass, insecure } from "./clientClass.js";
import { outcome } from "./normalize.js";

/** A credential whose token is the scope it was asked for, as the server expects (`Bearer <scope>`). */
const scopeAsToken: TokenCredential = {
  getToken: async (scopes) => ({ token: [scopes].flat().join(" "), expiresOnTimestamp: Date.now() + 3_600_000 }),
};

export function securitySuite(harness: () => Harness): void {
  describe("security", () => {
    it("SecurityKey: the KeyCredential's key goes in the security-key header", async () => {
      const h = harness();
      const Client = clientClass(await h.load("security-key.json"), "AutorestSecurityKey");
      const client = new Client(h.url, new AzureKeyCredential("123456789"), insecure);
      expect(await outcome(client["operations"]!["head"]!())).toStrictEqual({ value: undefined });
    });

    it("with a given pipeline the key's policy goes on a clone: the caller's pipeline is unchanged", async () => {
      const h = harness();
      const Client = clientClass(await h.load("security-key.json"), "AutorestSecurityKey");
      const pipeline = h.context().pipeline;
      const before = pipeline.getOrderedPolicies().map((p) => p.name);
      const client = new Client(h.url, new AzureKeyCredential("123456789"), { pipeline });
      expect(await outcome(client["operations"]!["head"]!())).toStrictEqual({ value: undefined });
      expect(pipeline.getOrderedPolicies().map((p) => p.name)).toStrictEqual(before);
      expect(before.includes("keyCredentialHeaderPolicy")).toBe(false);
    });

    it("a missing credential is refused by the constructor", async () => {
      const h = harness();
      const Client = clientClass(await h.load("security-key.json"), "AutorestSecurityKey");
      expect(() => new Client(h.url, undefined, insecure)).toThrow(new TypeError("credential is required"));
    });

    it("the AAD client sends Authorization: Bearer <token for the spec's scope> (https only: checked on the transport)", async () => {
      const h = harness();
      const Client = clientClass(await h.load("security-aad.json"), "AutorestSecurityAad");
      const sent: PipelineRequest[] = [];
      // core's bearer token policy refuses http, and the test server is http: this transport records the
      // request instead of sending it (nothing leaves the process)
      const recorder: HttpClient = {
        sendRequest: async (request) => {
          sent.push(request);
          return { request, status: 200, headers: createHttpHeaders() };
        },
      };
      const client = new Client("https://127.0.0.1:1", scopeAsToken, { httpClient: recorder });
      expect(await outcome(client["operations"]!["head"]!())).toStrictEqual({ value: undefined });
      expect(sent.map((r) => [r.method, r.url, r.headers.get("authorization")])).toStrictEqual([
        ["HEAD", "https://127.0.0.1:1/securityaad", "Bearer https://security.microsoft.com/.default"],
      ]);
    });

    it("over http the AAD client refuses to send the token, as core's bearer token policy does", async () => {
      const h = harness();
      const Client = clientClass(await h.load("security-aad.json"), "AutorestSecurityAad");
      const client = new Client(h.url, scopeAsToken, insecure);
      expect(await outcome(client["operations"]!["head"]!())).toStrictEqual({
        error: "Error: Bearer token authentication is not permitted for non-TLS protected (non-https) URLs.",
      });
    });

    it("SecurityAad: the operation with a test pipeline that authorizes http with the same credential", async () => {
      const h = harness();
      const m = await h.load("security-aad.json");
      const context = h.context();
      context.pipeline.addPolicy(
        {
          name: "testserverBearerOverHttp",
          async sendRequest(request, next) {
            const token = await scopeAsToken.getToken("https://security.microsoft.com/.default");
            request.headers.set("authorization", `Bearer ${token?.token ?? ""}`);
            return next(request);
          },
        },
        { phase: "Sign" },
      );
      expect(await outcome(m["head"]!(context))).toStrictEqual({ value: undefined });
    });
  });
}
