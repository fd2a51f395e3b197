/**
 * Names on the client class (emit/names.ts `typeScriptNames`, signature.ts `operationsPropertyName`): a client
 * parameter or an operation group named like a member the client has anyway (`pipeline`, `endpoint`, ...) or an
 * option it takes is renamed; the model keeps its names.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/index.js";
import { typeScriptNames } from "../../generator/emit/names.js";
import { operationsPropertyName } from "../../generator/emit/signature.js";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { inMemory } from "../fixtures/model/load.js";

const ok = { "200": { description: "ok" } };
const templatesDir = join(repoRoot, "templates");
const modelOf = (doc: JsonObject) => readCodeModel([inMemory(doc)], { clientName: "C" });

// Data Lake Analytics' job API: a `Pipeline` operation group; and client parameters named like client options
const doc: JsonObject = {
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  host: "localhost",
  parameters: {
    Endpoint: { name: "endpoint", in: "query", required: true, type: "string" },
    Retry: { name: "retryOptions", in: "header", type: "string" },
    HttpClient: { name: "httpClient", in: "query", type: "string" },
    EndpointParam: { name: "endpointParam", in: "query", type: "string" },
    ApiVersion: { name: "api-version", in: "query", required: true, type: "string" },
  },
  paths: {
    "/pipelines": {
      get: {
        operationId: "Pipeline_List",
        parameters: [
          { $ref: "#/parameters/Endpoint" },
          { $ref: "#/parameters/Retry" },
          { $ref: "#/parameters/HttpClient" },
          { $ref: "#/parameters/EndpointParam" },
          { $ref: "#/parameters/ApiVersion" },
        ],
        responses: ok,
      },
    },
    "/jobs": { get: { operationId: "Job_List", parameters: [{ $ref: "#/parameters/ApiVersion" }], responses: ok } },
  },
};

describe("client members named like the client's own", () => {
  const model = modelOf(doc);
  const named = typeScriptNames(model);

  it("client parameters get Param, numbered when taken, and the operations read them by the new name", () => {
    expect(model.client.parameters.map((p) => p.name)).toEqual(["endpoint", "retryOptions", "httpClient", "endpointParam"]);
    expect(named.client.parameters.map((p) => p.name)).toEqual(["endpointParam2", "retryOptionsParam", "httpClientParam", "endpointParam"]);
    const list = named.operationGroups.find((g) => g.name === "pipeline")!.operations[0]!;
    expect(list.clientParameters).toEqual(["endpointParam2", "retryOptionsParam", "httpClientParam", "endpointParam"]);
  });

  it("an operation group named like a client member gets Operations; its file follows, its functions keep their names", () => {
    expect(named.operationGroups.map((g) => operationsPropertyName(g, named))).toEqual(["job", "pipelineOperations"]);
    const out = emitClient(model, { templatesDir });
    expect(out.map((f) => f.path).filter((p) => p.startsWith("src/operations/"))).toEqual([
      "src/operations/job.ts",
      "src/operations/pipelineOperations.ts",
    ]);
    const client = out.find((f) => f.path === "src/c.ts")?.content ?? "";
    expect(client).toContain("  readonly pipeline: Pipeline;\n");
    expect(client).toContain("  readonly pipelineOperations: PipelineOperations;\n");
    expect(client).toContain("    this.pipelineOperations = new PipelineOperations(this);\n");
    expect(client).toContain("  constructor(endpoint: string, endpointParam2: string, options: CCoreOptions) {\n");
    expect(client).toContain("  retryOptionsParam?: string;\n");
    const pipeline = out.find((f) => f.path === "src/operations/pipelineOperations.ts")?.content ?? "";
    expect(pipeline).toContain("export async function pipelineList(");
    expect(pipeline).toContain('    { name: "endpoint", value: context.endpointParam2 },\n');
    expect(pipeline).toContain('      "retryOptions": context.retryOptionsParam,\n');
    expect(typecheckFiles("client-member-names", out)).toEqual([]);
  });

  it("a string parameter named apiVersion in a client without an api-version keeps its name (it is the client's apiVersion)", () => {
    const own: JsonObject = {
      ...doc,
      parameters: { V: { name: "apiVersion", in: "query", required: true, type: "string" } },
      paths: { "/jobs": { get: { operationId: "Job_List", parameters: [{ $ref: "#/parameters/V" }], responses: ok } } },
    };
    const plain = modelOf(own);
    expect(typeScriptNames(plain)).toBe(plain);
  });
});
