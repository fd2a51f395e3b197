/**
 * Array parameters are formatted where the operation builds its request: `joinCollection` for
 * csv/ssv/tsv/pipes, one query entry per item (`...repeatQueryParameter`) for multi. The exact
 * emitted text, and the bytes the generated code sends (run, not just typechecked).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { between, importGenerated } from "../fixtures/emit/generatedCode.js";

type GeneratedFiles = Array<{ path: string; content: string }>;
type Operation = (...args: unknown[]) => Promise<unknown>;

const swaggerDir = join(repoRoot, "node_modules/@microsoft.azure/autorest.testserver/swagger");
const ok = { "200": { description: "OK" } };

const spec = {
  swagger: "2.0",
  info: { title: "Arrays", version: "2024-01-01" },
  host: "example.com",
  schemes: ["https"],
  paths: {
    "/things/{segments}": {
      get: {
        operationId: "Things_List",
        parameters: [
          { name: "segments", in: "path", required: true, type: "array", items: { type: "string" }, collectionFormat: "pipes" },
          { name: "ids", in: "query", required: true, type: "array", items: { type: "string" }, collectionFormat: "multi" },
          { name: "tags", in: "query", type: "array", items: { type: "string" }, collectionFormat: "csv" },
          { name: "days", in: "query", type: "array", items: { type: "string", format: "date" }, collectionFormat: "ssv" },
          { name: "stamps", in: "query", type: "array", items: { type: "string", format: "date-time" }, collectionFormat: "multi" },
          { name: "x-ids", in: "header", type: "array", items: { type: "integer" }, collectionFormat: "tsv" },
          { $ref: "#/parameters/ApiVersion" },
        ],
        responses: ok,
      },
    },
    "/scalars": {
      get: {
        operationId: "Things_Scalars",
        parameters: [{ name: "name", in: "query", type: "string" }, { $ref: "#/parameters/ApiVersion" }],
        responses: ok,
      },
    },
  },
  parameters: { ApiVersion: { name: "api-version", in: "query", required: true, type: "string" } },
};

let work = "";
let files: GeneratedFiles = [];
const file = (path: string): string => files.find((f) => f.path === path)?.content ?? "";

/** Writes generated files under `work/name`, bundles their index with esbuild and imports it. */
function load(name: string, generated: GeneratedFiles): Promise<Record<string, Operation>> {
  return importGenerated(join(work, name), generated);
}

/** A context whose transport records each request and answers 200. */
function recordingContext(extra: Record<string, unknown> = {}) {
  const sent: Array<{ url: string; headers: Record<string, string> }> = [];
  const context = {
    endpoint: "https://h.example/base/",
    apiVersion: "2024-01-01",
    pipeline: { sendRequest: (client: { sendRequest: (r: unknown) => unknown }, request: unknown) => client.sendRequest(request) },
    httpClient: {
      sendRequest: async (request: { url: string; headers: { toJSON: () => Record<string, string> } }) => {
        sent.push({ url: request.url, headers: request.headers.toJSON() });
        return { request, status: 200, headers: { get: () => undefined }, bodyAsText: "" };
      },
    },
    ...extra,
  };
  return { context, sent };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "acs-gen-arrays-"));
  writeFileSync(join(work, "arrays.json"), JSON.stringify(spec, null, 2));
  files = await generateInMemory(join(work, "arrays.json"), work);
});

afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

describe("array parameters: formatted by the operation, with helpers imported only when used", () => {
  it("multi: one entry per item spread into the query list; csv (the default, not spelled out) and ssv: joinCollection", () => {
    expect(between(file("src/operations/things.ts"), "export async function thingsList(", "\n}\n")).toBe(
      [
        "export async function thingsList(context: OperationContext, segments: string[], ids: string[], options: ThingsListOptionalParams = {}): Promise<void> {",
        '  assertPresent(segments, "segments");',
        '  assertPresent(ids, "ids");',
        '  const url = buildRequestUrl(context.endpoint, "/things/{segments}", {',
        '    segments: encodePathValue(joinCollection(segments, "pipes")),',
        "  }, [",
        '    ...repeatQueryParameter("ids", ids),',
        '    { name: "tags", value: options.tags === undefined ? undefined : joinCollection(options.tags) },',
        '    { name: "days", value: options.days === undefined ? undefined : joinCollection(options.days.map((item) => formatDate(item, "date")), "ssv") },',
        '    ...repeatQueryParameter("stamps", options.stamps),',
        '    { name: "api-version", value: context.apiVersion },',
        "  ]);",
        "  await sendOperation(context, {",
        '    method: "GET",',
        "    url,",
        "    headers: {",
        '      Accept: "application/json",',
        '      "x-ids": options.xIds === undefined ? undefined : joinCollection(options.xIds, "tsv"),',
        "    },",
        "    successStatuses: [200],",
        "  }, options);",
        "}",
        "",
      ].join("\n"),
    );
    expect(file("src/operations/things.ts")).toContain(
      'import { assertPresent, buildRequestUrl, encodePathValue, formatDate, joinCollection, repeatQueryParameter, sendOperation, type OperationContext } from "../runtime.js";\n',
    );
  });

  it("the output compiles (strict, noUnused*)", () => {
    expect(typecheckFiles("array-parameters", files)).toEqual([]);
  });

  it("a spec without array parameters imports neither helper", async () => {
    const scalarsOnly = { ...spec, paths: { "/scalars": spec.paths["/scalars"] } };
    writeFileSync(join(work, "scalars.json"), JSON.stringify(scalarsOnly, null, 2));
    const generated = await generateInMemory(join(work, "scalars.json"), work);
    const operations = generated.find((f) => f.path === "src/operations/things.ts")?.content ?? "";
    expect(operations).toContain('import { buildRequestUrl, sendOperation, type OperationContext } from "../runtime.js";\n');
    expect(operations).not.toMatch(/joinCollection|repeatQueryParameter/);
    expect(operations).toContain('    { name: "name", value: options.name },\n');
  });

  it("sends each format as specified: empty, absent, Dates, reserved characters", async () => {
    const api = await load("arrays", files);
    const { context, sent } = recordingContext();
    const first = new Date("2024-02-29T23:59:58.123Z");
    const second = new Date("1999-01-01T00:00:00Z");
    await api["thingsList"]!(context, ["a b", "c|d"], ["x", "y&z", ""], {
      tags: ["t1", "t,2"],
      days: [first, second],
      stamps: [first, second],
      xIds: [1, 2],
    });
    await api["thingsList"]!(context, ["s"], [], { tags: [], days: [], stamps: [] });
    await api["thingsList"]!(context, ["s"], ["i"]);
    expect(sent).toEqual([
      {
        url:
          "https://h.example/base/things/a%20b%7Cc%7Cd?ids=x&ids=y%26z&ids=&tags=t1%2Ct%2C2&days=2024-02-29%201999-01-01" +
          "&stamps=2024-02-29T23%3A59%3A58.123Z&stamps=1999-01-01T00%3A00%3A00.000Z&api-version=2024-01-01",
        headers: { accept: "application/json", "x-ids": "1\t2" },
      },
      // an empty multi array sends nothing; an empty joined array sends the parameter with an empty value
      { url: "https://h.example/base/things/s?tags=&days=&api-version=2024-01-01", headers: { accept: "application/json" } },
      { url: "https://h.example/base/things/s?ids=i&api-version=2024-01-01", headers: { accept: "application/json" } },
    ]);
  });
});

describe("array query parameters of the AutoRest test-server specs (url.json, url-multi-collectionFormat.json)", () => {
  const valid = ["ArrayQuery1", "begin!*'();:@ &=+$,/?#[]end", null, ""];
  // The null item is an empty value, as the test server's own tests expect (`...end,,`).
  const escaped = ["ArrayQuery1", "begin!*'()%3B%3A%40%20%26%3D%2B%24%2C%2F%3F%23%5B%5Dend", "", ""];

  it("csv, ssv, tsv, pipes and no format (csv): the emitted entry, and the bytes sent for valid, empty and absent arrays", async () => {
    const generated = await generateInMemory(join(swaggerDir, "url.json"), swaggerDir);
    const queries = generated.find((f) => f.path === "src/operations/queries.ts")?.content ?? "";
    expect(between(queries, "export async function queriesArrayStringCsvValid(", "  ]);\n")).toBe(
      [
        "export async function queriesArrayStringCsvValid(context: OperationContext, options: QueriesArrayStringCsvValidOptionalParams = {}): Promise<void> {",
        '  const url = buildRequestUrl(context.endpoint, "/queries/array/csv/string/valid", {}, [',
        '    { name: "arrayQuery", value: options.arrayQuery === undefined ? undefined : joinCollection(options.arrayQuery) },',
        "  ]);",
        "",
      ].join("\n"),
    );
    expect(queries).toContain(
      '    { name: "arrayQuery", value: options.arrayQuery === undefined ? undefined : joinCollection(options.arrayQuery, "pipes") },\n',
    );

    const api = await load("url", generated);
    const { context, sent } = recordingContext();
    const cases: Array<[string, string, string]> = [
      ["queriesArrayStringCsvValid", "csv/string/valid", "%2C"],
      ["queriesArrayStringNoCollectionFormatEmpty", "none/string/empty", "%2C"],
      ["queriesArrayStringSsvValid", "ssv/string/valid", "%20"],
      ["queriesArrayStringTsvValid", "tsv/string/valid", "%09"],
      ["queriesArrayStringPipesValid", "pipes/string/valid", "%7C"],
    ];
    const expected: string[] = [];
    for (const [name, path, separator] of cases) {
      await api[name]!(context, { arrayQuery: valid });
      await api[name]!(context, { arrayQuery: [] });
      await api[name]!(context, {});
      const base = `https://h.example/base/queries/array/${path}`;
      expected.push(`${base}?arrayQuery=${escaped.join(separator)}`, `${base}?arrayQuery=`, base);
    }
    expect(sent.map((r) => r.url)).toEqual(expected);
  });

  it("multi: the emitted entry, and one parameter per item (null and empty items included), none for an empty, null or absent array", async () => {
    const generated = await generateInMemory(join(swaggerDir, "url-multi-collectionFormat.json"), swaggerDir);
    const queries = generated.find((f) => f.path === "src/operations/queries.ts")?.content ?? "";
    expect(between(queries, "export async function queriesArrayStringMultiValid(", "  ]);\n")).toBe(
      [
        "export async function queriesArrayStringMultiValid(context: OperationContext, options: QueriesArrayStringMultiValidOptionalParams = {}): Promise<void> {",
        '  const url = buildRequestUrl(context.endpoint, "/queries/array/multi/string/valid", {}, [',
        '    ...repeatQueryParameter("arrayQuery", options.arrayQuery?.map((item) => item ?? "")),',
        "  ]);",
        "",
      ].join("\n"),
    );

    const api = await load("url-multi", generated);
    const { context, sent } = recordingContext();
    await api["queriesArrayStringMultiValid"]!(context, { arrayQuery: valid });
    await api["queriesArrayStringMultiEmpty"]!(context, { arrayQuery: [] });
    await api["queriesArrayStringMultiNull"]!(context, {});
    await api["queriesArrayStringMultiNull"]!(context, { arrayQuery: null });
    expect(sent.map((r) => r.url)).toEqual([
      // a null item is an empty value (as the server expects), not the text "null"
      `https://h.example/base/queries/array/multi/string/valid?${escaped.map((v) => `arrayQuery=${v === "null" ? "" : v}`).join("&")}`,
      "https://h.example/base/queries/array/multi/string/empty",
      "https://h.example/base/queries/array/multi/string/null",
      "https://h.example/base/queries/array/multi/string/null",
    ]);
  });
});
