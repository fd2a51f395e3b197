/**
 * Re-expresses azure-sdk-for-js sdk/communication/communication-common/test/public/
 * connectionString.spec.ts, clientArguments.spec.ts and communicationKeyCredentialPolicy.spec.ts
 * (same test names). 1.3.1 runs on @azure/communication-common for these (its parser, its argument
 * checks, its signing policy), so that package is the control; ours are `parseConnectionString`,
 * the client constructor and `hmacAuthenticationPolicy` from src/.
 *
 * Each case also goes to the emulator: a parsed connection string must reach it, and a signature
 * must be one the emulator verifies. The signing cases keep the official known-answer vectors
 * (host example.com, key "pw==", a frozen clock): those requests are captured by a transport that
 * never sends them, since example.com is not ours to call; the same policy's request to the
 * emulator (access key "pw==", same frozen clock) must then pass the emulator's HMAC check.
 */
import { AzureKeyCredential, type KeyCredential } from "@azure/core-auth";
import {
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
  type PipelineRequest,
} from "@azure/core-rest-pipeline";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { CLIENTS, Transport, useCompatEnvironment, type ClientUnderTest } from "./harness.js";

const env = useCompatEnvironment();

const CONNECTION_STRING = "endpoint=https://contoso.communicationservices.azure.com:443/;accesskey=secret";
const HOST = "https://contoso.communicationservices.azure.com";

/** Same own property names (fields and methods) on the prototype as AzureKeyCredential's. */
function expectKeyCredentialShape(credential: KeyCredential): void {
  const names = (o: object) => Object.getOwnPropertyNames(o).sort();
  expect(names(Object.getPrototypeOf(credential) as object)).toEqual(names(AzureKeyCredential.prototype));
}

describe.each(CLIENTS)("%s", (_name, clientUnderTest) => {
  describe("ConnectionString", () => {
    it("handles valid connection string", () => {
      const { endpoint, credential } = clientUnderTest.parseConnectionString(CONNECTION_STRING);
      expect(endpoint).toBe("https://contoso.communicationservices.azure.com:443/");
      expectKeyCredentialShape(credential);
      expect(credential.key).toBe("secret");
      // The emulator's connection string parses to its endpoint and key.
      const emulator = env.emulator();
      const parsed = clientUnderTest.parseConnectionString(emulator.connectionString);
      expect(parsed.endpoint).toBe(emulator.endpoint);
      expect(parsed.credential.key).toBe(emulator.accessKey);
    });

    it("throws if invalid connection string", () => {
      expect(() => clientUnderTest.parseConnectionString("Lorem ipsum dolor connection string")).toThrowError("Invalid connection string");
    });
  });

  describe("ClientArguments", () => {
    it("accepts valid host URL", async () => {
      expect(() => clientUnderTest.fromEndpoint(HOST, new AzureKeyCredential("secret"))).not.toThrow();
      // An endpoint and a key credential reach the emulator, and it accepts the signature.
      const emulator = env.emulator();
      const transport = new Transport();
      const client = clientUnderTest.fromEndpoint(emulator.endpoint, new AzureKeyCredential(emulator.accessKey), {
        allowInsecureConnection: true,
        httpClient: transport,
      });
      const user = await client.createUser();
      expect(user.communicationUserId).toMatch(new RegExp(`^8:acs:${emulator.resourceId}_`));
      expect(transport.only().url).toBe(`${emulator.endpoint}identities?api-version=${clientUnderTest.defaultApiVersion}`);
    });

    it("throws if invalid host URL", () => {
      expect(() => clientUnderTest.fromEndpoint("file://banana/fofana.txt", new AzureKeyCredential("secret"))).toThrowError(
        "Invalid endpoint",
      );
    });

    it("handles valid connection string", async () => {
      expect(() => clientUnderTest.fromConnectionString(CONNECTION_STRING)).not.toThrow();
      const emulator = env.emulator();
      const transport = new Transport();
      const client = clientUnderTest.fromConnectionString(emulator.connectionString, {
        allowInsecureConnection: true,
        httpClient: transport,
      });
      await client.createUser();
      expect(transport.only().url).toBe(`${emulator.endpoint}identities?api-version=${clientUnderTest.defaultApiVersion}`);
    });

    it("throws if invalid connection string", () => {
      expect(() => clientUnderTest.fromConnectionString("Lorem ipsum dolor connection string")).toThrowError("Invalid connection string");
    });
  });

  describe("CommunicationKeyCredentialPolicy", () => {
    const date = "2022-04-13T18:09:12.451Z";
    let frozen: RunningEmulator;
    beforeAll(async () => {
      // An emulator whose key is the official test key and whose clock is the official frozen date.
      frozen = await startEmulator({ accessKey: "pw==", now: () => Date.parse(date) });
    });
    afterAll(async () => {
      await frozen.close();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    /** The official test's credential: a plain object with a key. */
    const credential: KeyCredential = { key: "pw==" };

    /** Signs a GET of `url` with the client's policy and returns the request as signed (not sent). */
    async function signed(c: ClientUnderTest, url: string): Promise<PipelineRequest> {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(date));
      let captured: PipelineRequest | undefined;
      const captureOnly: HttpClient = {
        sendRequest: async (request) => {
          captured = request;
          return { status: 200, headers: createHttpHeaders(), request };
        },
      };
      const pipeline = createEmptyPipeline();
      pipeline.addPolicy(c.keyCredentialPolicy(credential));
      await pipeline.sendRequest(captureOnly, createPipelineRequest({ url }));
      const request = captured!;
      expect(request.headers.get("x-ms-date")).toBe("Wed, 13 Apr 2022 18:09:12 GMT");
      // SHA-256 of the empty body.
      expect(request.headers.get("x-ms-content-sha256")).toBe("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
      expect(request.headers.get("host")).toBe(new URL(url).host);
      return request;
    }

    /** Sends a GET of `pathAndQuery` to the frozen emulator, signed by the client's policy. */
    async function emulatorVerdict(c: ClientUnderTest, pathAndQuery: string): Promise<{ status: number; body: string }> {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(date));
      const pipeline = createEmptyPipeline();
      pipeline.addPolicy(c.keyCredentialPolicy(credential));
      const transport = new Transport();
      const response = await pipeline.sendRequest(
        transport,
        createPipelineRequest({ url: `${frozen.endpoint}${pathAndQuery.replace(/^\//, "")}`, allowInsecureConnection: true }),
      );
      return { status: response.status, body: response.bodyAsText ?? "" };
    }

    /** Authenticated, then refused for the missing api-version: the signature was accepted. */
    const ACCEPTED = {
      status: 400,
      body: JSON.stringify({
        error: {
          code: "MissingApiVersionParameter",
          message: "The api-version query parameter (?api-version=) is required for all requests.",
        },
      }),
    };

    it("signs the request", async () => {
      const request = await signed(clientUnderTest, "https://example.com");
      expect(request.headers.get("authorization")).toMatch(
        /^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=[A-Za-z0-9+/]{43}=$/,
      );
      expect(await emulatorVerdict(clientUnderTest, "/")).toEqual(ACCEPTED);
    });

    it("signs the request correctly with path and query params", async () => {
      const request = await signed(clientUnderTest, "https://example.com/testPath?testQuery=test");
      expect(request.headers.get("authorization")).toBe(
        "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=",
      );
      expect(await emulatorVerdict(clientUnderTest, "/testPath?testQuery=test")).toEqual(ACCEPTED);
    });

    it("signs the request correctly with path and no query param", async () => {
      const request = await signed(clientUnderTest, "https://example.com/testPath");
      expect(request.headers.get("authorization")).toBe(
        "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=+6tWkg3lNKVjQHHmxkdGQcJjUgzclsWTMebnuCz1ngU=",
      );
      expect(await emulatorVerdict(clientUnderTest, "/testPath")).toEqual(ACCEPTED);
    });
  });
});
