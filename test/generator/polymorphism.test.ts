/**
 * Discriminated (polymorphic) models: a reference to a discriminator root is typed `<Root>Union`
 * and mapped by a switch on the discriminator. The exact emitted text for body-complex.json's
 * `Fish` hierarchy, and the generated client run against a node:http server on 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmptyPipeline } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory, withConstraints } from "../fixtures/emit/generate.js";
import { between, importGenerated } from "../fixtures/emit/generatedCode.js";
import { plainHttpClient, startLoopbackServer, withBody, type LoopbackServer } from "../fixtures/loopbackServer.js";

type GeneratedFiles = Array<{ path: string; content: string }>;
type Operation = (...args: unknown[]) => Promise<unknown>;

const swaggerDir = join(repoRoot, "node_modules/@microsoft.azure/autorest.testserver/swagger");

/** GET /complex/polymorphism/valid as the AutoRest test server answers it (legacy/routes/complex.js). */
const validFish = {
  fishtype: "salmon",
  location: "alaska",
  iswild: true,
  species: "king",
  length: 1.0,
  siblings: [
    { fishtype: "shark", age: 6, birthday: "2012-01-05T01:00:00Z", length: 20.0, species: "predator" },
    {
      fishtype: "sawshark",
      age: 105,
      birthday: "1900-01-05T01:00:00Z",
      length: 10.0,
      picture: Buffer.from([255, 255, 255, 255, 254]).toString("base64"),
      species: "dangerous",
    },
    { fishtype: "goblin", age: 1, birthday: "2015-08-08T00:00:00Z", length: 30.0, species: "scary", jawsize: 5 },
  ],
};

/** A subtype a newer service might send: this client must read it as a plain Fish. */
const unknownFish = {
  fishtype: "whale",
  length: 30,
  species: "blue",
  weight: 190000,
  siblings: [{ fishtype: "shark", birthday: "2012-01-05T01:00:00Z", length: 20 }],
};

let work = "";
let files: GeneratedFiles = [];
let server: LoopbackServer | undefined;
let endpoint = "";
let answer: unknown = validFish;
const received: Array<{ method: string; url: string; body: string }> = [];
const file = (path: string): string => files.find((f) => f.path === path)?.content ?? "";

let loaded: Promise<Record<string, Operation>> | undefined;

/** Writes the generated files under `work`, bundles their index with esbuild and imports it (once). */
function load(): Promise<Record<string, Operation>> {
  loaded ??= bundleAndImport();
  return loaded;
}

function bundleAndImport(): Promise<Record<string, Operation>> {
  return importGenerated(join(work, "body-complex"), files);
}

/** A context whose real HTTP client may use plain http (the test server has no TLS). */
function context() {
  return { endpoint, apiVersion: "2016-02-29", pipeline: createEmptyPipeline(), httpClient: plainHttpClient() };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "acs-gen-polymorphism-"));
  files = await generateInMemory(join(swaggerDir, "body-complex.json"), swaggerDir, [], withConstraints);
  server = await startLoopbackServer(
    withBody((request, response, body) => {
      received.push({ method: request.method ?? "", url: request.url ?? "", body });
      if (request.method === "GET") {
        response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(answer));
      } else {
        response.writeHead(200).end();
      }
    }),
  );
  endpoint = server.url;
});

afterAll(async () => {
  await server?.close();
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

describe("polymorphism: the emitted union, its dispatching mappers and a property that uses them", () => {
  it("FishUnion: the root and every descendant, nested levels included", () => {
    expect(file("src/models.ts")).toContain(
      [
        "/** {@link Fish} or any model that extends it, told apart by `fishtype`; a value the client does not know is read as a plain {@link Fish}. */",
        "export type FishUnion = Fish | Cookiecuttershark | Goblinshark | Salmon | Sawshark | Shark | SmartSalmon;",
        "",
      ].join("\n"),
    );
  });

  it("a property referencing the root is typed as the union, and read and written through the union mappers", () => {
    expect(between(file("src/models.ts"), "export interface Fish {", "\n}\n")).toContain("  siblings?: FishUnion[];\n");
    expect(between(file("src/mappers.ts"), "export interface FishWire {", "\n}\n")).toContain("  siblings?: FishUnionWire[];\n");
    expect(between(file("src/mappers.ts"), "export function deserializeShark(", "\n}\n")).toContain(
      "    ...(wire.siblings === undefined ? {} : { siblings: wire.siblings.map((item) => item === null ? item : deserializeFishUnion(item)) }),\n",
    );
    expect(between(file("src/mappers.ts"), "export function serializeShark(", "\n}\n")).toContain(
      "    siblings: value.siblings === undefined ? undefined : value.siblings.map((item) => serializeFishUnion(item)),\n",
    );
  });

  it("deserializeFishUnion switches on the wire value; anything else is read as a Fish", () => {
    expect(between(file("src/mappers.ts"), "/** {@link FishUnion} as it appears", "\n}\n")).toBe(
      [
        "/** {@link FishUnion} as it appears in a response body. */",
        "export type FishUnionWire = FishWire | CookiecuttersharkWire | GoblinsharkWire | SalmonWire | SawsharkWire | SharkWire | SmartSalmonWire;",
        "",
        "/** Reads a {@link FishUnion} from its wire form: the model its `fishtype` names, or a plain {@link Fish} for a value this client does not know. */",
        "export function deserializeFishUnion(wire: FishUnionWire): FishUnion {",
        "  switch (wire.fishtype) {",
        '    case "cookiecuttershark":',
        "      return deserializeCookiecuttershark(wire as CookiecuttersharkWire);",
        '    case "goblin":',
        "      return deserializeGoblinshark(wire as GoblinsharkWire);",
        '    case "salmon":',
        "      return deserializeSalmon(wire as SalmonWire);",
        '    case "sawshark":',
        "      return deserializeSawshark(wire as SawsharkWire);",
        '    case "shark":',
        "      return deserializeShark(wire as SharkWire);",
        '    case "smart_salmon":',
        "      return deserializeSmartSalmon(wire as SmartSalmonWire);",
        "    default:",
        "      return deserializeFish(wire);",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("serializeFishUnion: the same dispatch on the TypeScript property", () => {
    expect(between(file("src/mappers.ts"), "export function serializeFishUnion(", "\n}\n")).toBe(
      [
        "export function serializeFishUnion(value: FishUnion): Record<string, unknown> {",
        "  switch (value.fishtype) {",
        '    case "cookiecuttershark":',
        "      return serializeCookiecuttershark(value as Cookiecuttershark);",
        '    case "goblin":',
        "      return serializeGoblinshark(value as Goblinshark);",
        '    case "salmon":',
        "      return serializeSalmon(value as Salmon);",
        '    case "sawshark":',
        "      return serializeSawshark(value as Sawshark);",
        '    case "shark":',
        "      return serializeShark(value as Shark);",
        '    case "smart_salmon":',
        "      return serializeSmartSalmon(value as SmartSalmon);",
        "    default:",
        "      return serializeFish(value);",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("operation bodies and results use the union; MyBaseType's flattened `helper` makes its hierarchy mapped", () => {
    const operations = file("src/operations/polymorphism.ts");
    expect(operations).toContain(
      "export async function polymorphismGetValid(context: OperationContext, options: OperationOptions = {}): Promise<FishUnion> {\n",
    );
    expect(operations).toContain("  const wire = response.body as FishUnionWire;\n  return deserializeFishUnion(wire);\n");
    expect(operations).toContain("    body: JSON.stringify(serializeFishUnion(complexBody)),\n");
    expect(file("src/models.ts")).toContain("export type MyBaseTypeUnion = MyBaseType | MyDerivedType;\n");
    expect(file("src/operations/flattencomplex.ts")).toContain(
      "  const wire = response.body as MyBaseTypeUnionWire;\n  return deserializeMyBaseTypeUnion(wire);\n",
    );
    expect(file("src/mappers.ts")).toContain("    ...(wire.helper?.propBH1 === undefined ? {} : { propBH1: wire.helper?.propBH1 }),\n");
  });

  it("a hierarchy nothing of which needs mapping gets no mapper (body-complex.json without MyBaseType's x-ms-client-flatten)", async () => {
    const spec = JSON.parse(readFileSync(join(swaggerDir, "body-complex.json"), "utf8").replace(/^\uFEFF/, "")) as {
      definitions: Record<string, { properties: Record<string, Record<string, unknown>> }>;
    };
    delete spec.definitions["MyBaseType"]!.properties["helper"]!["x-ms-client-flatten"];
    writeFileSync(join(work, "body-complex-unflattened.json"), JSON.stringify(spec, null, 2));
    const unflattened = await generateInMemory(join(work, "body-complex-unflattened.json"), work);
    const text = (path: string): string => unflattened.find((f) => f.path === path)?.content ?? "";
    // MyBaseType/MyDerivedType: same names on the wire, no dates or bytes
    expect(text("src/models.ts")).toContain("export type MyBaseTypeUnion = MyBaseType | MyDerivedType;\n");
    expect(text("src/operations/flattencomplex.ts")).toContain("  return response.body as MyBaseTypeUnion;\n");
    expect(text("src/mappers.ts")).not.toMatch(/MyBaseType|MyDerivedType/);
  });
});

describe("polymorphism: the generated client against a node:http server on 127.0.0.1", () => {
  it("GET reads each sibling with its own model's mapper: Dates and bytes", async () => {
    const api = await load();
    answer = validFish;
    const fish = (await api["polymorphismGetValid"]!(context())) as Record<string, unknown> & { siblings: Array<Record<string, unknown>> };
    const [shark, sawshark, goblin] = fish.siblings;
    expect(fish).toMatchObject({ fishtype: "salmon", location: "alaska", iswild: true, species: "king", length: 1 });
    expect(shark!["birthday"]).toBeInstanceOf(Date);
    expect((shark!["birthday"] as Date).toISOString()).toBe("2012-01-05T01:00:00.000Z");
    expect(sawshark!["birthday"]).toBeInstanceOf(Date);
    expect((sawshark!["birthday"] as Date).toISOString()).toBe("1900-01-05T01:00:00.000Z");
    expect(sawshark!["picture"]).toBeInstanceOf(Uint8Array);
    expect([...(sawshark!["picture"] as Uint8Array)]).toEqual([255, 255, 255, 255, 254]);
    expect(goblin).toEqual({
      fishtype: "goblin",
      age: 1,
      birthday: new Date("2015-08-08T00:00:00Z"),
      length: 30,
      species: "scary",
      jawsize: 5,
    });
    expect(received.at(-1)).toEqual({ method: "GET", url: "/complex/polymorphism/valid?api-version=2016-02-29", body: "" });
  });

  it("an unknown fishtype comes back as a plain Fish (its own properties only), its siblings still dispatched", async () => {
    const api = await load();
    answer = unknownFish;
    const fish = await api["polymorphismGetValid"]!(context());
    expect(fish).toEqual({
      fishtype: "whale",
      species: "blue",
      length: 30,
      siblings: [{ fishtype: "shark", length: 20, birthday: new Date("2012-01-05T01:00:00Z") }],
    });
  });

  it("a SmartSalmon (additionalProperties) keeps the properties it does not declare, both ways", async () => {
    const api = await load();
    answer = { fishtype: "smart_salmon", length: 1, college_degree: "MBA", "fins.count": 4, siblings: [] };
    expect(await api["polymorphismGetValid"]!(context())).toEqual({
      "fins.count": 4,
      fishtype: "smart_salmon",
      length: 1,
      collegeDegree: "MBA",
      siblings: [],
    });
    await api["polymorphismPutValid"]!(context(), { fishtype: "smart_salmon", length: 1, collegeDegree: "MBA", "fins.count": 4 });
    expect(received.at(-1)?.body).toBe('{"fins.count":4,"fishtype":"smart_salmon","length":1,"college_degree":"MBA"}');
  });

  it("a body is validated as the model its fishtype names, siblings too, before anything is sent", async () => {
    const api = await load();
    const sentBefore = received.length;
    await expect(api["polymorphismPutValid"]!(context(), { fishtype: "shark", length: 20 })).rejects.toThrow(
      new TypeError("complexBody.birthday is required"),
    );
    await expect(
      api["polymorphismPutValid"]!(context(), { fishtype: "salmon", length: 1, siblings: [{ fishtype: "sawshark", length: 10 }] }),
    ).rejects.toThrow(new TypeError("complexBody.siblings[0].birthday is required"));
    expect(received.length).toBe(sentBefore);
  });

  it("PUT writes a Shark's Date birthday and a Sawshark's bytes in their wire form", async () => {
    const api = await load();
    await api["polymorphismPutValid"]!(context(), {
      fishtype: "shark",
      length: 20,
      birthday: new Date("2012-01-05T01:00:00Z"),
      siblings: [
        {
          fishtype: "sawshark",
          length: 10,
          birthday: new Date("1900-01-05T01:00:00Z"),
          picture: new Uint8Array([255, 255, 255, 255, 254]),
        },
      ],
    });
    expect(received.at(-1)).toEqual({
      method: "PUT",
      url: "/complex/polymorphism/valid?api-version=2016-02-29",
      body: '{"fishtype":"shark","length":20,"siblings":[{"fishtype":"sawshark","length":10,"birthday":"1900-01-05T01:00:00.000Z","picture":"//////4="}],"birthday":"2012-01-05T01:00:00.000Z"}',
    });
  });
});

describe("polymorphism: intermediate models (Salmon, Shark) get their own union", () => {
  it("SalmonUnion and SharkUnion: the model and its own descendants only, right after its interface", () => {
    expect(file("src/models.ts")).toContain(
      [
        "  iswild?: boolean;",
        "}",
        "",
        "/** {@link Salmon} or any model that extends it, told apart by `fishtype`; a value the client does not know is read as a plain {@link Salmon}. */",
        "export type SalmonUnion = Salmon | SmartSalmon;",
        "",
      ].join("\n"),
    );
    expect(file("src/models.ts")).toContain(
      [
        "/** {@link Shark} or any model that extends it, told apart by `fishtype`; a value the client does not know is read as a plain {@link Shark}. */",
        "export type SharkUnion = Shark | Cookiecuttershark | Goblinshark | Sawshark;",
        "",
      ].join("\n"),
    );
    // the root union is unchanged, still listing every descendant directly
    expect(file("src/models.ts")).toContain(
      "export type FishUnion = Fish | Cookiecuttershark | Goblinshark | Salmon | Sawshark | Shark | SmartSalmon;\n",
    );
  });

  it("deserializeSalmonUnion switches over Salmon's descendants only; anything else is read as a Salmon", () => {
    expect(between(file("src/mappers.ts"), "/** {@link SalmonUnion} as it appears", "\n}\n")).toBe(
      [
        "/** {@link SalmonUnion} as it appears in a response body. */",
        "export type SalmonUnionWire = SalmonWire | SmartSalmonWire;",
        "",
        "/** Reads a {@link SalmonUnion} from its wire form: the model its `fishtype` names, or a plain {@link Salmon} for a value this client does not know. */",
        "export function deserializeSalmonUnion(wire: SalmonUnionWire): SalmonUnion {",
        "  switch (wire.fishtype) {",
        '    case "smart_salmon":',
        "      return deserializeSmartSalmon(wire as SmartSalmonWire);",
        "    default:",
        "      return deserializeSalmon(wire);",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("serializeSalmonUnion and validateSalmonUnion dispatch the same way", () => {
    expect(between(file("src/mappers.ts"), "export function serializeSalmonUnion(", "\n}\n")).toBe(
      [
        "export function serializeSalmonUnion(value: SalmonUnion): Record<string, unknown> {",
        "  switch (value.fishtype) {",
        '    case "smart_salmon":',
        "      return serializeSmartSalmon(value as SmartSalmon);",
        "    default:",
        "      return serializeSalmon(value);",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    expect(between(file("src/validators.ts"), "export function validateSalmonUnion(", "\n}\n")).toBe(
      [
        "export function validateSalmonUnion(value: SalmonUnion, path: string): void {",
        "  switch (value.fishtype) {",
        '    case "smart_salmon":',
        "      return validateSmartSalmon(value as SmartSalmon, path);",
        "    default:",
        "      return validateSalmon(value, path);",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("getComplicated/putComplicated use SalmonUnion; SharkUnion, which nothing names directly, gets no mapper or validator", () => {
    const operations = file("src/operations/polymorphism.ts");
    expect(operations).toContain(
      "export async function polymorphismGetComplicated(context: OperationContext, options: OperationOptions = {}): Promise<SalmonUnion> {\n",
    );
    expect(operations).toContain("  const wire = response.body as SalmonUnionWire;\n  return deserializeSalmonUnion(wire);\n");
    expect(operations).toContain(
      "export async function polymorphismPutComplicated(context: OperationContext, complexBody: SalmonUnion, options: OperationOptions = {}): Promise<void> {\n",
    );
    expect(operations).toContain('  validateSalmonUnion(complexBody, "complexBody");\n');
    expect(operations).toContain("    body: JSON.stringify(serializeSalmonUnion(complexBody)),\n");
    expect(file("src/mappers.ts")).not.toContain("SharkUnion");
    expect(file("src/validators.ts")).not.toContain("SharkUnion");
  });

  it("GET complicated: a smart_salmon is read as a SmartSalmon (renamed and extra properties), its siblings dispatched on FishUnion", async () => {
    const api = await load();
    answer = {
      fishtype: "smart_salmon",
      location: "alaska",
      iswild: true,
      species: "king",
      college_degree: "MBA",
      additionalProperty1: { a: 1 },
      length: 1,
      siblings: [{ fishtype: "shark", age: 6, birthday: "2012-01-05T01:00:00Z", length: 20, species: "predator" }],
    };
    const salmon = await api["polymorphismGetComplicated"]!(context());
    expect(salmon).toEqual({
      fishtype: "smart_salmon",
      location: "alaska",
      iswild: true,
      species: "king",
      collegeDegree: "MBA",
      additionalProperty1: { a: 1 },
      length: 1,
      siblings: [{ fishtype: "shark", age: 6, birthday: new Date("2012-01-05T01:00:00Z"), length: 20, species: "predator" }],
    });
    expect((salmon as { siblings: Array<{ birthday: unknown }> }).siblings[0]!.birthday).toBeInstanceOf(Date);
    expect(received.at(-1)).toEqual({ method: "GET", url: "/complex/polymorphism/complicated?api-version=2016-02-29", body: "" });
  });

  it("GET complicated: a plain salmon keeps Salmon's properties only (no college_degree rename)", async () => {
    const api = await load();
    answer = { fishtype: "salmon", length: 2, college_degree: "BA", siblings: [] };
    expect(await api["polymorphismGetComplicated"]!(context())).toEqual({ fishtype: "salmon", length: 2, siblings: [] });
  });

  it("PUT complicated writes a SmartSalmon with its serializer and checks its siblings first", async () => {
    const api = await load();
    await api["polymorphismPutComplicated"]!(context(), {
      fishtype: "smart_salmon",
      length: 1,
      collegeDegree: "MBA",
      additionalProperty2: false,
      siblings: [{ fishtype: "shark", length: 20, birthday: new Date("2012-01-05T01:00:00Z") }],
    });
    expect(received.at(-1)).toEqual({
      method: "PUT",
      url: "/complex/polymorphism/complicated?api-version=2016-02-29",
      body: '{"additionalProperty2":false,"fishtype":"smart_salmon","length":1,"siblings":[{"fishtype":"shark","length":20,"birthday":"2012-01-05T01:00:00.000Z"}],"college_degree":"MBA"}',
    });
    const sentBefore = received.length;
    await expect(
      api["polymorphismPutComplicated"]!(context(), { fishtype: "smart_salmon", length: 1, siblings: [{ fishtype: "goblin", length: 3 }] }),
    ).rejects.toThrow(new TypeError("complexBody.siblings[0].birthday is required"));
    expect(received.length).toBe(sentBefore);
  });

  it("body-complex compiles strictly with a caller that passes a SmartSalmon as SalmonUnion (and may not pass a Shark)", () => {
    const check = [
      'import { polymorphismPutComplicated, type SalmonUnion, type SmartSalmon } from "./src/index.js";',
      'export const smart: SmartSalmon = { fishtype: "smart_salmon", length: 1, collegeDegree: "MBA" };',
      "export const union: SalmonUnion = smart;",
      "export const put: typeof polymorphismPutComplicated = polymorphismPutComplicated;",
      "// @ts-expect-error a Shark (its birthday) is no Salmon",
      'export const shark: SalmonUnion = { fishtype: "shark", length: 1, birthday: new Date(0) };',
      "",
    ].join("\n");
    expect(typecheckFiles("polymorphism-intermediate", [...files, { path: "check.ts", content: check }])).toEqual([]);
  });
});

describe("polymorphism: naming and a root that needs no mapping of its own", () => {
  const spec = {
    swagger: "2.0",
    info: { title: "Zoo", version: "2024-01-01" },
    host: "example.com",
    schemes: ["https"],
    paths: {
      "/animals": {
        get: { operationId: "Animals_Get", responses: { "200": { description: "OK", schema: { $ref: "#/definitions/Animal" } } } },
        put: {
          operationId: "Animals_Put",
          parameters: [{ name: "animal", in: "body", required: true, schema: { $ref: "#/definitions/Animal" } }],
          responses: { "200": { description: "OK" } },
        },
      },
    },
    definitions: {
      Animal: {
        type: "object",
        discriminator: "kind",
        required: ["kind"],
        properties: { kind: { type: "string" }, name: { type: "string" } },
      },
      Dog: {
        "x-ms-discriminator-value": "dog",
        allOf: [{ $ref: "#/definitions/Animal" }],
        properties: { born: { type: "string", format: "date-time" } },
      },
      Cat: { allOf: [{ $ref: "#/definitions/Animal" }], properties: { lives: { type: "integer" } } },
      // takes the name the union would have had
      AnimalUnion: { type: "object", properties: { size: { type: "integer" } } },
    },
  };
  let zoo: GeneratedFiles = [];
  const zooFile = (path: string): string => zoo.find((f) => f.path === path)?.content ?? "";

  beforeAll(async () => {
    writeFileSync(join(work, "zoo.json"), JSON.stringify(spec, null, 2));
    zoo = await generateInMemory(join(work, "zoo.json"), work, [], withConstraints);
  });

  it("the union name is claimed like any other (AnimalUnion is a model, so the union is AnimalUnion2)", () => {
    expect(zooFile("src/models.ts")).toContain("export type AnimalUnion2 = Animal | Cat | Dog;\n");
    expect(zooFile("src/operations/animals.ts")).toContain("Promise<AnimalUnion2>");
  });

  it("members with no mapper are passed through: only Dog has a case, anything else is the wire object itself", () => {
    expect(between(zooFile("src/mappers.ts"), "export type AnimalUnion2Wire", "\n}\n")).toBe(
      [
        "export type AnimalUnion2Wire = Animal | Cat | DogWire;",
        "",
        "/** Reads a {@link AnimalUnion2} from its wire form: the model its `kind` names, or a plain {@link Animal} for a value this client does not know. */",
        "export function deserializeAnimalUnion2(wire: AnimalUnion2Wire): AnimalUnion2 {",
        "  switch (wire.kind) {",
        '    case "dog":',
        "      return deserializeDog(wire as DogWire);",
        "    default:",
        "      return wire as Animal;",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    expect(between(zooFile("src/mappers.ts"), "export function serializeAnimalUnion2(", "\n}\n")).toContain(
      '    case "dog":\n      return serializeDog(value as Dog);\n    default:\n      return { ...value };\n',
    );
  });

  it("the output compiles (strict, noUnused*)", () => {
    expect(typecheckFiles("polymorphism-zoo", zoo)).toEqual([]);
  });
});

describe("polymorphism: an intermediate union's name and a property that names the intermediate model", () => {
  const spec = {
    swagger: "2.0",
    info: { title: "Kennel", version: "2024-01-01" },
    host: "example.com",
    schemes: ["https"],
    paths: {
      "/kennel": {
        get: { operationId: "Kennel_Get", responses: { "200": { description: "OK", schema: { $ref: "#/definitions/Crate" } } } },
      },
    },
    definitions: {
      Crate: { type: "object", properties: { resident: { $ref: "#/definitions/Dog" } } },
      Animal: { type: "object", discriminator: "kind", required: ["kind"], properties: { kind: { type: "string" } } },
      Dog: { allOf: [{ $ref: "#/definitions/Animal" }], properties: { name: { type: "string" } } },
      Puppy: { allOf: [{ $ref: "#/definitions/Dog" }], properties: { born: { type: "string", format: "date-time" } } },
      // takes the name Dog's union would have had
      DogUnion: { type: "object", properties: { size: { type: "integer" } } },
    },
  };
  let kennel: GeneratedFiles = [];
  const kennelFile = (path: string): string => kennel.find((f) => f.path === path)?.content ?? "";

  beforeAll(async () => {
    writeFileSync(join(work, "kennel.json"), JSON.stringify(spec, null, 2));
    kennel = await generateInMemory(join(work, "kennel.json"), work, [], withConstraints);
  });

  it("DogUnion is a model, so Dog's union is DogUnion2; the root's union is named as before", () => {
    expect(kennelFile("src/models.ts")).toContain("export type AnimalUnion = Animal | Dog | Puppy;\n");
    expect(kennelFile("src/models.ts")).toContain("export type DogUnion2 = Dog | Puppy;\n");
    expect(between(kennelFile("src/models.ts"), "export interface Crate {", "\n}\n")).toContain("  resident?: DogUnion2;\n");
  });

  it("Crate.resident is read through DogUnion2's switch (Dog itself passed through); nothing names Animal, so it has no mapper", () => {
    expect(between(kennelFile("src/mappers.ts"), "export type DogUnion2Wire", "\n}\n")).toBe(
      [
        "export type DogUnion2Wire = Dog | PuppyWire;",
        "",
        "/** Reads a {@link DogUnion2} from its wire form: the model its `kind` names, or a plain {@link Dog} for a value this client does not know. */",
        "export function deserializeDogUnion2(wire: DogUnion2Wire): DogUnion2 {",
        "  switch (wire.kind) {",
        '    case "Puppy":',
        "      return deserializePuppy(wire as PuppyWire);",
        "    default:",
        "      return wire as Dog;",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    expect(kennelFile("src/mappers.ts")).toContain(
      "    ...(wire.resident === undefined ? {} : { resident: deserializeDogUnion2(wire.resident) }),\n",
    );
    expect(kennelFile("src/mappers.ts")).not.toContain("AnimalUnion");
  });

  it("the output compiles (strict, noUnused*)", () => {
    expect(typecheckFiles("polymorphism-kennel", kennel)).toEqual([]);
  });
});

describe("polymorphism: an optional discriminator, and subtype values its sealed enum does not list", () => {
  const spec = {
    swagger: "2.0",
    info: { title: "Shapes", version: "2024-01-01" },
    host: "example.com",
    schemes: ["https"],
    paths: {
      "/shapes": {
        get: {
          operationId: "Shapes_List",
          responses: { "200": { description: "OK", schema: { type: "array", items: { $ref: "#/definitions/Shape" } } } },
        },
      },
    },
    definitions: {
      // `kind` is not required, and its enum is sealed
      Shape: {
        type: "object",
        discriminator: "kind",
        properties: {
          kind: { type: "string", enum: ["circle", "square"], "x-ms-enum": { name: "ShapeKind", modelAsString: false } },
          drawn: { type: "string", format: "date-time" },
        },
      },
      Circle: {
        "x-ms-discriminator-value": "circle",
        allOf: [{ $ref: "#/definitions/Shape" }],
        properties: { radius: { type: "number" } },
      },
      // another spelling of an enum value
      Square: { "x-ms-discriminator-value": "SQUARE", allOf: [{ $ref: "#/definitions/Shape" }], properties: { side: { type: "number" } } },
      // no x-ms-discriminator-value: named after its definition, and others extend it
      Polygon: { allOf: [{ $ref: "#/definitions/Shape" }], properties: { corners: { type: "integer" } } },
      Triangle: { "x-ms-discriminator-value": "triangle", allOf: [{ $ref: "#/definitions/Polygon" }], properties: {} },
    },
  };
  let shapes: GeneratedFiles = [];
  const shapesFile = (path: string): string => shapes.find((f) => f.path === path)?.content ?? "";

  beforeAll(async () => {
    writeFileSync(join(work, "shapes.json"), JSON.stringify(spec, null, 2));
    shapes = await generateInMemory(join(work, "shapes.json"), work, [], withConstraints);
  });

  it("the root's discriminator is typed with the values its enum does not list; each leaf narrows it to its own", () => {
    const models = shapesFile("src/models.ts");
    expect(between(models, "export interface Shape {", "\n}\n")).toContain('  kind?: ShapeKind | "Polygon" | "SQUARE" | "triangle";\n');
    expect(between(models, "export interface Square extends Shape {", "\n}\n")).toContain('  kind: "SQUARE";\n');
    expect(between(models, "export interface Polygon extends Shape {", "\n}\n")).not.toContain("kind");
    expect(models).toContain('export type ShapeKind = "circle" | "square";\n');
  });

  it("the wire types say the same, intermediate models included, and the union's switch names every value", () => {
    const mappers = shapesFile("src/mappers.ts");
    expect(between(mappers, "export interface ShapeWire {", "\n}\n")).toContain(
      '  kind?: ShapeKind | "Polygon" | "SQUARE" | "triangle";\n',
    );
    expect(between(mappers, "export interface PolygonWire {", "\n}\n")).toContain(
      '  kind?: ShapeKind | "Polygon" | "SQUARE" | "triangle";\n',
    );
    expect(between(mappers, "export interface SquareWire {", "\n}\n")).toContain('  kind?: "SQUARE";\n');
    expect(between(mappers, "export function deserializeShapeUnion(", "\n}\n")).toContain(
      '    case "Polygon":\n      return deserializePolygon(wire as PolygonWire);\n',
    );
  });

  it("a leaf's deserializer reads an absent optional discriminator as the leaf's own value", () => {
    const mappers = shapesFile("src/mappers.ts");
    expect(between(mappers, "export function deserializeSquare(", "\n}\n")).toContain('    kind: wire.kind ?? "SQUARE",\n');
    expect(between(mappers, "export function deserializeTriangle(", "\n}\n")).toContain('    kind: wire.kind ?? "triangle",\n');
    // a model others extend keeps the wire value as it is
    expect(between(mappers, "export function deserializePolygon(", "\n}\n")).toContain(
      "    ...(wire.kind === undefined ? {} : { kind: wire.kind }),\n",
    );
  });

  it("the output compiles (strict, noUnused*)", () => {
    expect(typecheckFiles("polymorphism-shapes", shapes)).toEqual([]);
  });
});
