import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import $RefParser from "@apidevtools/json-schema-ref-parser";
import openapiTS, { astToString } from "openapi-typescript";
import swagger2openapi from "swagger2openapi";
import { describe, expect, it } from "vitest";
import { resolveSpecsRoot } from "../../generator/cli/specsRoot.js";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";

const spec = join(
  resolveSpecsRoot(undefined, process.env),
  "specification/communication/data-plane/Identity/stable/2021-03-07/CommunicationIdentity.json",
);

/** Our type for each schema: the wire interface where the wire differs (dates as strings), else the model. */
const comparisons: Array<{ schema: string; ours: string; from: "models" | "mappers" }> = [
  { schema: "CommunicationIdentity", ours: "CommunicationIdentity", from: "models" },
  { schema: "CommunicationIdentityAccessToken", ours: "CommunicationIdentityAccessTokenWire", from: "mappers" },
  { schema: "CommunicationIdentityAccessTokenRequest", ours: "CommunicationIdentityAccessTokenRequest", from: "models" },
  { schema: "CommunicationIdentityAccessTokenResult", ours: "CommunicationIdentityAccessTokenResultWire", from: "mappers" },
  { schema: "CommunicationIdentityCreateRequest", ours: "CommunicationIdentityCreateRequest", from: "models" },
];

/** The spec without `x-ms-examples` (some example files are missing upstream and are not schemas anyway). */
function withoutExamples(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExamples);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "x-ms-examples")
      .map(([key, v]) => [key, withoutExamples(v)]),
  );
}

/**
 * Resolves the external `$ref`s first: the Common definitions are hoisted into the spec's
 * own `definitions` (refs rewritten to local ones, so swagger2openapi keeps one named
 * component per schema), then json-schema-ref-parser bundles it, failing if any ref is left
 * unresolved.
 */
async function bundledSpec(): Promise<object> {
  const commonFile = "../../../Common/stable/2021-03-07/common.json";
  const document = withoutExamples(JSON.parse(readFileSync(spec, "utf8")));
  const local = JSON.parse(JSON.stringify(document).split(`${commonFile}#/definitions/`).join("#/definitions/")) as {
    definitions: Record<string, unknown>;
  };
  const common = JSON.parse(readFileSync(join(dirname(spec), commonFile), "utf8")) as { definitions: Record<string, unknown> };
  local.definitions = { ...common.definitions, ...local.definitions };
  return (await $RefParser.bundle(spec, local, {})) as object;
}

async function oracleTypes(): Promise<string> {
  const bundled = await bundledSpec();
  const converted = (await swagger2openapi.convertObj(bundled, { patch: true, warnOnly: true })) as { openapi: object };
  return astToString(await openapiTS(converted.openapi as Parameters<typeof openapiTS>[0]));
}

describe("oracle: our models against openapi-typescript's types for the same schemas (spec → swagger2openapi → openapi-typescript)", () => {
  it("every compared model is mutually assignable (extensible enums widened to string), and theirs is assignable to ours as is", async () => {
    const generated = (await generateInMemory()).map((f) => ({ ...f, path: `generated/${f.path}` }));
    const names = (from: string): string =>
      comparisons
        .filter((c) => c.from === from)
        .map((c) => c.ours)
        .join(", ");
    const check = [
      'import type { components } from "./oracle.js";',
      `import type { ${names("models")} } from "./generated/src/models.js";`,
      `import type { ${names("mappers")} } from "./generated/src/mappers.js";`,
      'type Schemas = components["schemas"];',
      "type Widen<T> = T extends string ? string : T extends ReadonlyArray<infer U> ? Array<Widen<U>> : T extends object ? { [K in keyof T]: Widen<T[K]> } : T;",
      "type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;",
      "type Into<A, B> = [A] extends [B] ? true : false;",
      ...comparisons.flatMap((c, i) => [
        `export const mutual${i}: Mutual<Widen<${c.ours}>, Widen<Schemas[${JSON.stringify(c.schema)}]>> = true;`,
        `export const theirsIntoOurs${i}: Into<Schemas[${JSON.stringify(c.schema)}], ${c.ours}> = true;`,
      ]),
      // The date-time field really is a string in their type and a Date in our public model.
      'export const dateIsString: Into<Schemas["CommunicationIdentityAccessToken"]["expiresOn"], string> = true;',
      "",
    ].join("\n");
    const files = [...generated, { path: "oracle.ts", content: await oracleTypes() }, { path: "check.ts", content: check }];
    expect(typecheckFiles("oracle", files)).toEqual([]);
  });

  it("the check is not vacuous: a wrong pairing fails to compile", async () => {
    const generated = (await generateInMemory()).map((f) => ({ ...f, path: `generated/${f.path}` }));
    const check = [
      'import type { components } from "./oracle.js";',
      'import type { CommunicationIdentityAccessToken } from "./generated/src/models.js";',
      "type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;",
      'export const wrong: Mutual<CommunicationIdentityAccessToken, components["schemas"]["CommunicationIdentityAccessToken"]> = true;',
      "",
    ].join("\n");
    const errors = typecheckFiles("oracle-negative", [
      ...generated,
      { path: "oracle.ts", content: await oracleTypes() },
      { path: "check.ts", content: check },
    ]);
    expect(errors).toEqual(["check.ts(4,14): Type 'true' is not assignable to type 'false'."]);
  });
});
