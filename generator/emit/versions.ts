/**
 * Version gating: which operations and request fields do not exist in every generated api-version,
 * the checks the operation functions run before sending, the JSDoc notes, and `src/apiVersions.ts`.
 */
import { StructureKind, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import type { CodeModel, Operation } from "../model/types.js";
import type { EmitContext } from "./context.js";
import { codeSpan, jsDoc } from "./docs.js";
import type { MethodArgument } from "./methodArgument.js";
import type { UsedNames } from "./usedNames.js";
import { propertyAccess, stringLiteral } from "./text.js";

/** Every generated api-version, oldest first. */
export function generatedVersions(model: CodeModel): string[] {
  return model.apiVersions.map((v) => v.apiVersion);
}

/** `supported` when it lacks some generated version (the member is gated), else undefined. */
export function gatedVersions(model: CodeModel, supported: readonly string[]): string[] | undefined {
  const all = generatedVersions(model);
  return all.every((v) => supported.includes(v)) ? undefined : all.filter((v) => supported.includes(v));
}

/** JSDoc note for a gated member, or undefined. */
export function versionNote(model: CodeModel, supported: readonly string[]): string | undefined {
  const gated = gatedVersions(model, supported);
  return gated === undefined ? undefined : `Supported in api-version ${gated.map(codeSpan).join(", ")} only.`;
}

const versionList = (versions: string[]): string => `[${versions.map(stringLiteral).join(", ")}]`;

/**
 * Checks run first in an operation function: the operation itself, then each optional request field
 * (optional parameter, top-level property of the body model) that was given a value.
 */
export function versionChecks(
  operation: Operation,
  optional: MethodArgument[],
  positional: MethodArgument[],
  sourceOf: (a: MethodArgument) => string,
  context: EmitContext,
  uses: UsedNames,
): string[] {
  const model = context.model;
  if (model.client.apiVersion === undefined) return [];
  const checks: string[] = [];
  const own = gatedVersions(model, operation.apiVersions);
  if (own !== undefined) {
    checks.push(`${uses.call("assertApiVersion")}(context.apiVersion, ${stringLiteral(operation.name)}, ${versionList(own)});`);
  }
  const field = (path: string, value: string, versions: string[]): void => {
    const limited = operation.apiVersions.filter((v) => versions.includes(v));
    if (limited.length === operation.apiVersions.length) return;
    checks.push(
      `if (${value} !== undefined) {\n${uses.call("assertApiVersion")}(context.apiVersion, ${stringLiteral(`${operation.name}: ${path}`)}, ${versionList(limited)});\n}`,
    );
  };
  for (const argument of optional) {
    if (argument.parameter !== undefined) field(argument.name, sourceOf(argument), argument.parameter.apiVersions);
  }
  const body = [...positional, ...optional].find((a) => a.body !== undefined);
  if (body !== undefined && body.type.kind === "model") {
    const properties = context.properties.get(body.type.name) ?? [];
    const source = sourceOf(body);
    for (const property of properties) {
      if (property.required || property.readOnly) continue;
      // Optional chaining even for a required body: a caller (from JavaScript) that passes none must
      // reach the presence check's clear error, not a TypeError from reading a property of undefined.
      const value = `${source}?.${propertyAccess("", property.name).replace(/^\./, "")}`;
      field(`${body.name}.${property.name}`, value, property.apiVersions);
    }
  }
  return checks;
}

/** Statements of `src/apiVersions.ts`. */
export function apiVersionsStatements(model: CodeModel): StatementStructures[] {
  const versions = generatedVersions(model);
  const fallback = versions[versions.length - 1] ?? "";
  const defaultVersion = model.client.apiVersion?.defaultValue ?? fallback;
  return [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: jsDoc(undefined, "Every api-version this client was generated from, oldest first."),
      declarations: [{ name: "apiVersions", initializer: `${versionList(versions)} as const` }],
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: "ApiVersion",
      docs: jsDoc(undefined, "One of {@link apiVersions}."),
      type: "(typeof apiVersions)[number]",
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: jsDoc(undefined, "The api-version sent when none is pinned: the newest stable one generated."),
      declarations: [{ name: "defaultApiVersion", type: "ApiVersion", initializer: stringLiteral(defaultVersion) }],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "resolveApiVersion",
      docs: jsDoc(undefined, "The api-version to use: `pinned` when given (it must be generated), else the default.", {
        tags: [
          {
            kind: StructureKind.JSDocTag,
            tagName: "throws",
            text: "RangeError naming the generated versions when `pinned` is not one of them.",
          },
        ],
      }),
      parameters: [{ name: "pinned", type: "string | undefined" }],
      returnType: "ApiVersion",
      statements: [
        "if (pinned === undefined) {\nreturn defaultApiVersion;\n}",
        "const known: readonly string[] = apiVersions;",
        'if (!known.includes(pinned)) {\nthrow new RangeError("apiVersion " + JSON.stringify(pinned) + " is not one of the generated api-versions: " + apiVersions.join(", "));\n}',
        "return pinned as ApiVersion;",
      ].join("\n"),
    },
  ];
}
