/**
 * x-ms-long-running-operation: the model's checks (exact errors), the exact emitted function and
 * delegating method, a strict typecheck of the test server's lro.json, and the behaviour of generated
 * code (bundled and run, polling with @azure/core-lro) against a node:http server on 127.0.0.1.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDefaultHttpClient, createEmptyPipeline } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory, withConstraints } from "../fixtures/emit/generate.js";
import { between, importGenerated } from "../fixtures/emit/generatedCode.js";
import { inMemory, testServerVersion } from "../fixtures/model/load.js";
import { errorOf } from "../fixtures/model/errors.js";
import { startLoopbackServer, type LoopbackServer } from "../fixtures/loopbackServer.js";

type GeneratedFiles = Array<{ path: string; content: string }>;

const swaggerDir = join(repoRoot, "node_modules/@microsoft.azure/autorest.testserver/swagger");

let work = "";

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "acs-gen-lro-"));
});

afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

describe("x-ms-long-running-operation in the model: unsupported or invalid shapes fail with file#pointer", () => {
  const specWith = (extensions: JsonObject): JsonObject => ({
    swagger: "2.0",
    info: { title: "t", version: "1.0" },
    paths: {
      "/things": {
        post: {
          operationId: "Things_Start",
          responses: { "200": { description: "done", schema: { $ref: "#/definitions/Thing" } }, "202": { description: "accepted" } },
          ...extensions,
        },
      },
    },
    definitions: {
      Thing: { type: "object", properties: { value: { type: "array", items: { type: "string" } }, next: { type: "string" } } },
    },
  });
  const longRunningOf = (doc: JsonObject): unknown =>
    readCodeModel([inMemory(doc)], { clientName: "C" }).operationGroups[0]?.operations[0]?.longRunning;

  it("final-state-via operation-location (core-lro 2.7 cannot read the result there), or a value that is none of the four", () => {
    expect(
      errorOf(
        specWith({
          "x-ms-long-running-operation": true,
          "x-ms-long-running-operation-options": { "final-state-via": "operation-location" },
        }),
      ),
    ).toBe(
      'spec.json#/paths/~1things/post/x-ms-long-running-operation-options/final-state-via: final-state-via "operation-location" is not supported (supported: azure-async-operation, location, original-uri)',
    );
    expect(
      errorOf(specWith({ "x-ms-long-running-operation": true, "x-ms-long-running-operation-options": { "final-state-via": "header" } })),
    ).toBe(
      'spec.json#/paths/~1things/post/x-ms-long-running-operation-options/final-state-via: final-state-via "header" is not one of (supported: azure-async-operation, location, original-uri)',
    );
  });

  it("options without the extension, a flag that is not a boolean, options that are not an object", () => {
    expect(errorOf(specWith({ "x-ms-long-running-operation-options": { "final-state-via": "location" } }))).toBe(
      "spec.json#/paths/~1things/post/x-ms-long-running-operation-options: x-ms-long-running-operation-options needs x-ms-long-running-operation: true",
    );
    expect(errorOf(specWith({ "x-ms-long-running-operation": "yes" }))).toBe(
      "spec.json#/paths/~1things/post/x-ms-long-running-operation: x-ms-long-running-operation must be true or false",
    );
    expect(errorOf(specWith({ "x-ms-long-running-operation": true, "x-ms-long-running-operation-options": "location" }))).toBe(
      "spec.json#/paths/~1things/post/x-ms-long-running-operation-options: x-ms-long-running-operation-options must be an object",
    );
  });

  it("accepts an operation both long-running and pageable (paging.json's Paging_GetMultiplePagesLRO; emitted: paging.test.ts)", () => {
    const paging = readCodeModel([testServerVersion("paging.json")], { clientName: "" });
    const operation = paging.operationGroups.flatMap((g) => g.operations).find((o) => o.operationId === "Paging_GetMultiplePagesLRO");
    expect(operation?.longRunning).toEqual({});
    expect(operation?.paging).toEqual({ itemName: "values", nextLinkName: "nextLink" });
  });

  it("accepts the flag alone, false, and each supported final-state-via", () => {
    expect(longRunningOf(specWith({ "x-ms-long-running-operation": true }))).toEqual({});
    expect(longRunningOf(specWith({ "x-ms-long-running-operation": false }))).toBeUndefined();
    for (const finalStateVia of ["azure-async-operation", "location", "original-uri"]) {
      const doc = specWith({
        "x-ms-long-running-operation": true,
        "x-ms-long-running-operation-options": { "final-state-via": finalStateVia },
      });
      expect(longRunningOf(doc)).toEqual({ finalStateVia });
    }
    const lro = readCodeModel([testServerVersion("lro.json")], { clientName: "" });
    const operations = lro.operationGroups.flatMap((g) => g.operations);
    expect(operations.filter((o) => o.longRunning !== undefined).length).toBe(operations.length);
    expect(operations.find((o) => o.operationId === "LROs_postDoubleHeadersFinalLocationGet")?.longRunning).toEqual({
      finalStateVia: "location",
    });
  });
});

describe("x-ms-long-running-operation emitted: lro.json", () => {
  let files: GeneratedFiles = [];
  const file = (path: string): string => files.find((f) => f.path === path)?.content ?? "";

  beforeAll(async () => {
    files = await generateInMemory(join(swaggerDir, "lro.json"), swaggerDir);
  });

  it("postDoubleHeadersFinalLocationGet: an async function returning core-lro's poller, final-state-via passed on", () => {
    const start =
      "/**\n * Long running post request, service returns a 202 to the initial request with both Location and Azure-Async header. Poll Azure-Async and it's success. Should poll Location";
    expect(between(file("src/operations/lrOs.ts"), start, "\n}\n")).toBe(
      [
        "/**",
        " * Long running post request, service returns a 202 to the initial request with both Location and Azure-Async header. Poll Azure-Async and it's success. Should poll Location to get the final object",
        " * @param context - The endpoint, pipeline and HTTP client the request uses (instances of `AutoRestLongRunningOperationTestService` and `AutoRestLongRunningOperationTestServiceCore` have them).",
        " * @param options - Optional parameters and per-request options.",
        " * @returns A poller of the operation, started; `pollUntilDone()` resolves with the final result (Response after completion.).",
        " */",
        "export async function lrOsPostDoubleHeadersFinalLocationGet(context: OperationContext, options: LroOperationOptions = {}): Promise<SimplePollerLike<OperationState<Product | undefined>, Product | undefined>> {",
        '  const url = buildRequestUrl(context.endpoint, "/lro/LROPostDoubleHeadersFinalLocationGet", {});',
        "  return createHttpPoller<Product | undefined, OperationState<Product | undefined>>(longRunningOperation(context, {",
        '    method: "POST",',
        "    url,",
        "    headers: {",
        '      Accept: "application/json",',
        "    },",
        "    successStatuses: [202],",
        "  }, options), {",
        '    resourceLocationConfig: "location",',
        "    intervalInMs: options.updateIntervalInMs,",
        "    processResult: (body) => {",
        "      const wire = body as ProductWire | undefined;",
        "      return wire === undefined ? undefined : deserializeProduct(wire);",
        "    },",
        "  });",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("the delegating method returns the function's poller; core-lro and the LRO runtime helper are imported", () => {
    const text = file("src/operations/lrOs.ts");
    expect(between(text, "  async postDoubleHeadersFinalLocationGet(", "\n  }\n")).toBe(
      [
        "  async postDoubleHeadersFinalLocationGet(options: LroOperationOptions = {}): Promise<SimplePollerLike<OperationState<Product | undefined>, Product | undefined>> {",
        "    return lrOsPostDoubleHeadersFinalLocationGet(this.#client, options);",
        "  }",
        "",
      ].join("\n"),
    );
    expect(text).toContain('import { createHttpPoller, type OperationState, type SimplePollerLike } from "@azure/core-lro";\n');
    expect(text).toContain(
      'import { buildRequestUrl, longRunningOperation, type LroOperationOptions, type OperationContext } from "../runtime.js";\n',
    );
    // a 202 without a body is not a final response: Post202Retry200's result is void; any result is
    // optional (the final response may be a poll's 204 or a 200 without a body, whatever the spec declares)
    expect(text).toContain(
      "export async function lrOsPost202Retry200(context: OperationContext, options: LROsPost202Retry200OptionalParams = {}): Promise<SimplePollerLike<OperationState<void>, void>> {\n",
    );
    expect(text).toContain("    processResult: () => undefined,\n");
    expect(text).toContain(
      "export async function lrOsPut200Succeeded(context: OperationContext, options: LROsPut200SucceededOptionalParams = {}): Promise<SimplePollerLike<OperationState<Product | undefined>, Product | undefined>> {\n",
    );
    expect(file("src/models.ts")).toContain("export interface LROsPut200SucceededOptionalParams extends LroOperationOptions {\n");
    expect(file("src/index.ts")).toContain(
      'export { ApiVersionMismatchError, type OperationContext, type OperationOptions, type LroOperationOptions } from "./runtime.js";\n',
    );
  });

  it("typechecks strictly", () => {
    expect(typecheckFiles("testserver-lro", files)).toEqual([]);
  });
});

describe("x-ms-long-running-operation at run time: generated code polling a node:http server", () => {
  const errorResponse = { description: "Error", schema: { $ref: "#/definitions/ErrorResponse" } };
  const widget = { $ref: "#/definitions/Widget" };
  const nameParameter = { name: "name", in: "path", required: true, type: "string", maxLength: 10 };
  const spec = {
    swagger: "2.0",
    info: { title: "Widgets", version: "2024-01-01" },
    host: "example.com",
    schemes: ["https"],
    paths: {
      "/widgets/{name}": {
        put: {
          operationId: "Widgets_Create",
          parameters: [nameParameter, { name: "widget", in: "body", required: true, schema: widget }, { $ref: "#/parameters/ApiVersion" }],
          responses: {
            "200": { description: "The widget", schema: widget },
            "201": { description: "Created", schema: widget },
            default: errorResponse,
          },
          "x-ms-long-running-operation": true,
          "x-ms-long-running-operation-options": { "final-state-via": "azure-async-operation" },
        },
      },
      "/widgets/{name}/refresh": {
        post: {
          operationId: "Widgets_Refresh",
          parameters: [nameParameter, { $ref: "#/parameters/ApiVersion" }],
          responses: {
            "200": { description: "The widget", schema: widget },
            "202": { description: "Accepted" },
            "204": { description: "Nothing to refresh" },
            default: errorResponse,
          },
          "x-ms-long-running-operation": true,
        },
      },
      "/widgets/{name}/export": {
        post: {
          operationId: "Widgets_Export",
          parameters: [nameParameter, { $ref: "#/parameters/ApiVersion" }],
          responses: { "200": { description: "The export", schema: widget }, "202": { description: "Accepted" }, default: errorResponse },
          "x-ms-long-running-operation": true,
          "x-ms-long-running-operation-options": { "final-state-via": "location" },
        },
      },
    },
    parameters: { ApiVersion: { name: "api-version", in: "query", required: true, type: "string" } },
    definitions: {
      Widget: {
        type: "object",
        properties: {
          name: { type: "string" },
          created: { type: "string", format: "date-time" },
          provisioningState: { type: "string", readOnly: true },
        },
      },
      ErrorResponse: {
        type: "object",
        properties: { error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } } },
      },
    },
  };

  interface Poller {
    pollUntilDone: () => Promise<unknown>;
    getOperationState: () => { status: string };
  }
  type LroFunction = (context: unknown, ...rest: unknown[]) => Promise<Poller>;
  let mod: Record<string, unknown> = {};
  let files: GeneratedFiles = [];
  let server: LoopbackServer | undefined;
  let endpoint = "";
  const requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = [];
  /** Answers per "METHOD path": each request takes the next answer, the last one repeats. */
  let script: Record<string, Array<{ status: number; headers?: Record<string, string>; body?: unknown }>> = {};
  const operation = (name: string) => mod[name] as LroFunction;

  /** A bare pipeline for the plain-http test server, with a policy that stamps every request it sends. */
  const pipeline = () => {
    const result = createEmptyPipeline();
    let sent = 0;
    result.addPolicy({
      name: "stampEveryRequest",
      sendRequest: (request, next) => {
        request.allowInsecureConnection = true;
        sent += 1;
        request.headers.set("x-test-stamp", `request-${sent}`);
        return next(request);
      },
    });
    return result;
  };
  const context = () => ({ endpoint, apiVersion: "2024-01-01", pipeline: pipeline(), httpClient: createDefaultHttpClient() });

  beforeAll(async () => {
    const specFile = join(work, "widgets.json");
    writeFileSync(specFile, JSON.stringify(spec, null, 2));
    files = await generateInMemory(specFile, work);
    mod = await importGenerated(join(work, "widgets"), files);
    server = await startLoopbackServer(async (request, response) => {
      let body = "";
      for await (const chunk of request) body += String(chunk);
      requests.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
      const key = `${request.method} ${new URL(request.url ?? "/", "http://127.0.0.1").pathname}`;
      const answers = script[key];
      const answer =
        answers === undefined
          ? { status: 500, body: { error: { code: "Unscripted", message: key } } }
          : answers.length > 1
            ? answers.shift()!
            : answers[0]!;
      response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      response.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    });
    endpoint = server.url;
  });

  afterAll(async () => {
    await server?.close();
  });

  const fresh = (answers: typeof script): void => {
    requests.length = 0;
    script = answers;
  };
  const sent = () => requests.map((r) => `${r.method} ${r.url}`);
  const wireWidget = { name: "w1", created: "2024-05-06T07:08:09.000Z", provisioningState: "Succeeded" };
  const widgetValue = { name: "w1", created: new Date("2024-05-06T07:08:09.000Z"), provisioningState: "Succeeded" };

  it("PUT answered 201 with Azure-AsyncOperation: polled to Succeeded, then the resource is read with GET and deserialized", async () => {
    fresh({
      "PUT /widgets/w1": [
        {
          status: 201,
          headers: { "azure-asyncoperation": "/operations/op1?api-version=2024-01-01" },
          body: { name: "w1", provisioningState: "Creating" },
        },
      ],
      "GET /operations/op1": [
        { status: 200, body: { status: "InProgress" } },
        { status: 200, body: { status: "Succeeded" } },
      ],
      "GET /widgets/w1": [{ status: 200, body: wireWidget }],
    });
    const poller = await operation("widgetsCreate")(
      context(),
      "w1",
      { name: "w1", created: new Date("2024-05-06T07:08:09.000Z") },
      { updateIntervalInMs: 0 },
    );
    expect(sent()).toEqual(["PUT /widgets/w1?api-version=2024-01-01"]);
    expect(poller.getOperationState().status).toBe("running");
    // the initial request's body was serialized (the Date as its wire string)
    expect(requests[0]?.body).toBe('{"name":"w1","created":"2024-05-06T07:08:09.000Z"}');
    await expect(poller.pollUntilDone()).resolves.toEqual(widgetValue);
    expect(poller.getOperationState().status).toBe("succeeded");
    expect(sent()).toEqual([
      "PUT /widgets/w1?api-version=2024-01-01",
      "GET /operations/op1?api-version=2024-01-01",
      "GET /operations/op1?api-version=2024-01-01",
      "GET /widgets/w1?api-version=2024-01-01",
    ]);
  });

  it("PUT answered 200 in a terminal state: done at once, its Azure-AsyncOperation header is not polled; 200 Updating is polled", async () => {
    fresh({
      "PUT /widgets/w1": [{ status: 200, headers: { "azure-asyncoperation": "/operations/never" }, body: wireWidget }],
    });
    const done = await operation("widgetsCreate")(context(), "w1", { name: "w1" }, { updateIntervalInMs: 0 });
    expect(done.getOperationState().status).toBe("succeeded");
    await expect(done.pollUntilDone()).resolves.toEqual(widgetValue);
    expect(sent()).toEqual(["PUT /widgets/w1?api-version=2024-01-01"]);
    fresh({
      "PUT /widgets/w1": [
        { status: 200, headers: { "azure-asyncoperation": "/operations/op3" }, body: { name: "w1", provisioningState: "Updating" } },
      ],
      "GET /operations/op3": [{ status: 200, body: { status: "Succeeded" } }],
      "GET /widgets/w1": [{ status: 200, body: wireWidget }],
    });
    const running = await operation("widgetsCreate")(context(), "w1", { name: "w1" }, { updateIntervalInMs: 0 });
    await expect(running.pollUntilDone()).resolves.toEqual(widgetValue);
    expect(sent()).toEqual(["PUT /widgets/w1?api-version=2024-01-01", "GET /operations/op3", "GET /widgets/w1?api-version=2024-01-01"]);
  });

  it("every request, polls and the final GET included, goes through the context's pipeline", async () => {
    fresh({
      "PUT /widgets/w1": [{ status: 201, headers: { "azure-asyncoperation": `${endpoint}/operations/op2` } }],
      "GET /operations/op2": [
        { status: 200, body: { status: "Running" } },
        { status: 200, body: { status: "Succeeded" } },
      ],
      "GET /widgets/w1": [{ status: 200, body: wireWidget }],
    });
    const poller = await operation("widgetsCreate")(
      context(),
      "w1",
      { name: "w1" },
      { updateIntervalInMs: 0, requestOptions: { customHeaders: { "x-custom": "yes" } } },
    );
    await poller.pollUntilDone();
    expect(requests.map((r) => [r.headers["x-test-stamp"], r.headers["x-custom"]])).toEqual([
      ["request-1", "yes"],
      ["request-2", "yes"],
      ["request-3", "yes"],
      ["request-4", "yes"],
    ]);
  });

  it("POST answered 202 with Location: polled (202, then 200 with the result), final-state-via location", async () => {
    fresh({
      "POST /widgets/w1/export": [{ status: 202, headers: { location: `${endpoint}/exports/e1`, "retry-after": "0" } }],
      "GET /exports/e1": [
        { status: 202, headers: { location: `${endpoint}/exports/e1` } },
        { status: 200, body: wireWidget },
      ],
    });
    const poller = await operation("widgetsExport")(context(), "w1", { updateIntervalInMs: 0 });
    await expect(poller.pollUntilDone()).resolves.toEqual(widgetValue);
    expect(sent()).toEqual(["POST /widgets/w1/export?api-version=2024-01-01", "GET /exports/e1", "GET /exports/e1"]);
  });

  it("a polling status of Failed rejects pollUntilDone with the service's error code and message", async () => {
    fresh({
      "PUT /widgets/w1": [{ status: 201, headers: { "azure-asyncoperation": `${endpoint}/operations/bad` } }],
      "GET /operations/bad": [
        { status: 200, body: { status: "Failed", error: { code: "QuotaExceeded", message: "No room for another widget" } } },
      ],
    });
    const poller = await operation("widgetsCreate")(context(), "w1", { name: "w1" }, { updateIntervalInMs: 0 });
    await expect(poller.pollUntilDone()).rejects.toThrow(
      new Error("The long-running operation has failed. QuotaExceeded. No room for another widget"),
    );
    expect(poller.getOperationState().status).toBe("failed");
    expect(sent()).toEqual(["PUT /widgets/w1?api-version=2024-01-01", "GET /operations/bad"]);
  });

  it("an error status on a poll, or on the initial request, is a RestError with the service's code", async () => {
    fresh({
      "PUT /widgets/w1": [{ status: 201, headers: { "azure-asyncoperation": `${endpoint}/operations/gone` } }],
      "GET /operations/gone": [{ status: 404, body: { error: { code: "OperationNotFound", message: "No such operation" } } }],
      "POST /widgets/w1/export": [{ status: 409, body: { error: { code: "Conflict", message: "Already exporting" } } }],
    });
    const poller = await operation("widgetsCreate")(context(), "w1", { name: "w1" }, { updateIntervalInMs: 0 });
    await expect(poller.pollUntilDone()).rejects.toMatchObject({
      name: "RestError",
      statusCode: 404,
      code: "OperationNotFound",
      message: "No such operation",
    });
    await expect(operation("widgetsExport")(context(), "w1")).rejects.toMatchObject({
      name: "RestError",
      statusCode: 409,
      code: "Conflict",
    });
  });

  it("a result is deserialized when present, undefined when the final response has none; the widgets client typechecks strictly", async () => {
    const text = files.find((f) => f.path === "src/operations/widgets.ts")?.content ?? "";
    expect(between(text, "export async function widgetsRefresh(", "\n}\n")).toContain(
      [
        "    processResult: (body) => {",
        "      const wire = body as WidgetWire | undefined;",
        "      return wire === undefined ? undefined : deserializeWidget(wire);",
        "    },",
      ].join("\n"),
    );
    expect(between(text, "export async function widgetsCreate(", "\n}\n")).toContain(
      "      return wire === undefined ? undefined : deserializeWidget(wire);\n",
    );
    expect(typecheckFiles("lro-widgets", files)).toEqual([]);
    fresh({
      "POST /widgets/w1/refresh": [{ status: 202, headers: { location: `${endpoint}/refreshes/r1` } }],
      "GET /refreshes/r1": [{ status: 204 }],
    });
    const poller = await operation("widgetsRefresh")(context(), "w1", { updateIntervalInMs: 0 });
    await expect(poller.pollUntilDone()).resolves.toBeUndefined();
    expect(sent()).toEqual(["POST /widgets/w1/refresh?api-version=2024-01-01", "GET /refreshes/r1"]);
  });

  it("a value outside the spec's constraints is the service's to refuse: the initial request is sent, its 400 is a RestError", async () => {
    fresh({
      "POST /widgets/a-much-too-long-name/export": [
        { status: 400, body: { error: { code: "InvalidName", message: "The name is too long." } } },
      ],
    });
    await expect(operation("widgetsExport")(context(), "a-much-too-long-name")).rejects.toMatchObject({
      name: "RestError",
      statusCode: 400,
      code: "InvalidName",
      message: "The name is too long.",
    });
    expect(sent()).toEqual(["POST /widgets/a-much-too-long-name/export?api-version=2024-01-01"]);
  });

  it("generated with --validate-constraints, validation throws before the initial request", async () => {
    const checked = await importGenerated(
      join(work, "widgets-checked"),
      await generateInMemory(join(work, "widgets.json"), work, [], withConstraints),
    );
    fresh({});
    await expect((checked["widgetsExport"] as LroFunction)(context(), "a-much-too-long-name")).rejects.toThrow(
      new RangeError("name length must be <= 10, got 20"),
    );
    expect(requests).toEqual([]);
  });

  it("the group's method delegates to the function", async () => {
    fresh({
      "POST /widgets/w1/export": [{ status: 202, headers: { location: `${endpoint}/exports/e2` } }],
      "GET /exports/e2": [{ status: 200, body: wireWidget }],
    });
    const Client = mod["WidgetsCore"] as new (
      endpoint: string,
      options: unknown,
    ) => { widgets: { export: (name: string, options: unknown) => Promise<Poller> } };
    const client = new Client(endpoint, { pipeline: pipeline(), httpClient: createDefaultHttpClient(), apiVersion: "2024-01-01" });
    const poller = await client.widgets.export("w1", { updateIntervalInMs: 0 });
    await expect(poller.pollUntilDone()).resolves.toEqual(widgetValue);
  });
});
