/**
 * What the scenario suites share: the running test server, the folder every spec was generated into,
 * and an operation context whose pipeline may talk plain http to 127.0.0.1.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createDefaultHttpClient, createPipelineFromOptions, type Pipeline, type PipelinePolicy } from "@azure/core-rest-pipeline";
import { outputFolder } from "./generateAll.js";

/** A generated module's exports, as the suites call them (the output is not known at compile time). */
export type GeneratedModule = Record<string, (...args: unknown[]) => Promise<unknown>>;

export interface OperationContextLike {
  readonly endpoint: string;
  readonly pipeline: Pipeline;
  readonly httpClient: ReturnType<typeof createDefaultHttpClient>;
  readonly apiVersion?: string;
}

export interface Harness {
  /** `http://127.0.0.1:<port>` of the running test server. */
  readonly url: string;
  /** Imports `src/index.ts` of a generated spec. */
  load(spec: string): Promise<GeneratedModule>;
  /** A context for the standalone operation functions; `apiVersion` for specs that have one. */
  context(apiVersion?: string): OperationContextLike;
}

/**
 * core-rest-pipeline refuses http by default. A generated client class takes `allowInsecureConnection: true`
 * (see `suites/clientOptions.ts`), but the standalone operation functions the suites call take a context
 * whose pipeline is built here, so the tests allow http for the loopback test server only, per request.
 */
export const allowLoopbackHttp: PipelinePolicy = {
  name: "testserverAllowLoopbackHttp",
  sendRequest(request, next) {
    if (new URL(request.url).hostname === "127.0.0.1") {
      request.allowInsecureConnection = true;
    }
    return next(request);
  },
};

/**
 * The server's retry scenarios (`/http/retry/*`) answer the first request with an error and a
 * `tries` cookie, and succeed when the retry sends the cookie back, as a browser would. Node has no
 * cookie jar, so each test context keeps the name=value pairs the server sets and sends them back.
 */
export function loopbackCookies(): PipelinePolicy {
  const jar = new Map<string, string>();
  return {
    name: "testserverLoopbackCookies",
    async sendRequest(request, next) {
      if (jar.size > 0) request.headers.set("Cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
      const response = await next(request);
      const set = response.headers.get("set-cookie");
      for (const cookie of set === undefined ? [] : set.split(/,(?=\s*\w+=)/)) {
        const [pair = ""] = cookie.split(";");
        const [name = "", value = ""] = pair.trim().split("=");
        if (value === "") jar.delete(name);
        else jar.set(name, value);
      }
      return response;
    },
  };
}

export function createHarness(url: string, generatedDir: string): Harness {
  const httpClient = createDefaultHttpClient();
  return {
    url,
    async load(spec) {
      return (await import(pathToFileURL(join(generatedDir, outputFolder(spec), "src/index.ts")).href)) as GeneratedModule;
    },
    context(apiVersion) {
      // Retries keep their count but not their back-off, so retry scenarios do not wait seconds.
      const pipeline = createPipelineFromOptions({ retryOptions: { retryDelayInMs: 1, maxRetryDelayInMs: 1 } });
      pipeline.addPolicy(allowLoopbackHttp);
      pipeline.addPolicy(loopbackCookies(), { afterPhase: "Retry" });
      return { endpoint: url, pipeline, httpClient, ...(apiVersion !== undefined ? { apiVersion } : {}) };
    },
  };
}
