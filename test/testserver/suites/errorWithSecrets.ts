/**
 * error-with-secrets.json against the test server's /secrets routes: a request that carries a key
 * (header, query, body), and an error whose body holds the same key in three places. The key reaches
 * the caller where the service put it (the result, `details`) but never the error's message or what
 * logging the error prints.
 */
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { AzureLogger, getLogLevel, setLogLevel } from "@azure/logger";
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { printed, settle } from "./errors.js";

const key = "1c88a67921784300a462b2cb61da2339";

/**
 * A context whose pipeline sends what the /secrets/:create route expects. The spec names a SharedKey apiKey
 * scheme and no parameters; the route also wants the key in the query and the body. A credential policy
 * would add the header; this one adds all three.
 */
function withKeyContext(h: Harness): ReturnType<Harness["context"]> {
  const context = h.context();
  const withKey: PipelinePolicy = {
    name: "testserverSecretKey",
    sendRequest(request, next) {
      request.headers.set("Authorization", `SharedKey ${key}`);
      request.url += `?key=${key}`;
      request.headers.set("Content-Type", "application/json");
      request.body = JSON.stringify({ key });
      return next(request);
    },
  };
  context.pipeline.addPolicy(withKey);
  return context;
}

/** What the pipeline's logging policy writes (info level) while `call` runs. */
async function logsOf(call: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const [level, log] = [getLogLevel(), AzureLogger.log];
  AzureLogger.log = (...args: unknown[]) => lines.push(args.map(String).join(" "));
  setLogLevel("info");
  try {
    await call().catch(() => undefined);
  } finally {
    setLogLevel(level);
    AzureLogger.log = log;
  }
  return lines.join("\n");
}

export function errorWithSecretsSuite(harness: () => Harness): void {
  describe("error-with-secrets", () => {
    it("getErrorWithSecrets: the 403's RestError has the service's code and message; the body is its details, and printing the error shows no key", async () => {
      const h = harness();
      const m = await h.load("error-with-secrets.json");
      let error: unknown;
      const result = await settle(
        m["getErrorWithSecrets"]!(h.context()).catch((e: unknown) => {
          error = e;
          throw e;
        }),
      );
      expect(result).toStrictEqual({
        thrown: {
          name: "RestError",
          statusCode: 403,
          code: "Unauthorized",
          message: "The user 'user@contoso.com' is unauthorized.",
          details: {
            error: {
              code: "Unauthorized",
              message: "The user 'user@contoso.com' is unauthorized.",
              details: [{ code: "UnauthorizedSharedKey", innererror: `Shared key ${key} is not permitted access.` }],
              token: key,
            },
            primaryKey: key,
            connectionString: `Key1=${key}`,
          },
        },
      });
      const text = printed(error);
      expect(text).toContain("The user 'user@contoso.com' is unauthorized.");
      expect(text).not.toContain(key);
      // RestError's own sanitizer: the x-ms-pii response header is not on its allow list.
      expect(text).not.toMatch(/x-ms-pii['"]?:\s*['"]true/);
    });

    it("createSecret: the SharedKey header, `key` query and body the route expects are sent; the secret comes back as the result", async () => {
      const h = harness();
      const m = await h.load("error-with-secrets.json");
      expect(await settle(m["createSecret"]!(withKeyContext(h)))).toStrictEqual({ value: { key, value: "secret" } });
    });

    it("the pipeline's logs of both operations never show the key: the Authorization header and `key` query are redacted, bodies are not logged", async () => {
      const h = harness();
      const m = await h.load("error-with-secrets.json");
      const logs = await logsOf(async () => {
        await m["createSecret"]!(withKeyContext(h));
        await m["getErrorWithSecrets"]!(h.context());
      });
      expect(logs).toContain('"authorization": "REDACTED"');
      expect(logs).toContain("/secrets/:create?key=REDACTED");
      expect(logs).toContain("Response status code: 403");
      expect(logs).not.toContain(key);
    });

    // @typespec/ts-http-runtime 0.3.6 (under core-rest-pipeline 1.24) logged response headers verbatim
    // (Azure/azure-sdk-for-js#39101); 0.3.11, which core-rest-pipeline 1.25.1 brings, redacts them.
    it("the pipeline's log of the 403 redacts its x-ms-pii response header", async () => {
      const h = harness();
      const m = await h.load("error-with-secrets.json");
      const logs = await logsOf(() => m["getErrorWithSecrets"]!(h.context()));
      expect(logs).toContain('"x-ms-request-id": "5e123516-834e-4222-9e80-353108d33357"');
      expect(logs).toContain('"x-ms-pii": "REDACTED"');
    });
  });
}
