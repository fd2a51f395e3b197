/**
 * Does the new service surface reach users? `npm run bump` compares what a version adds (operations,
 * request-body fields and optional parameters, from the spec diff) with what the handwritten layer
 * (src/) passes to the generated functions, and lists every addition src/ does not expose yet.
 *
 * How src/ is read: the TypeScript compiler (type checker) over src/'s entry points. Every call whose
 * callee resolves to a function declared in generated/src/operations/ is a use of that operation;
 * the type of the argument it passes as `body` (positional, or the `body` member of the options
 * argument) gives the body fields src/ can send, and the type of the options argument the optional
 * parameters. Types, not text: `optional("customId", x)` spread into a literal, a `{ body } | {}`
 * union, or a generated request type passed through whole (every field, new ones too) all count.
 * An argument typed `any` counts as passing everything.
 *
 * Why not a hand-kept map in src/ checked by a test: it is one more table to keep in step, and it
 * says what someone intended, not what the code sends. The checker reads the calls themselves.
 */
import { join, relative, sep } from "node:path";
import ts from "typescript";
import type { Change } from "../diff/change.js";
import type { CodeModel, Operation } from "../model/types.js";
import { typeScriptNames } from "../emit/names.js";
import { operationFunctionNames } from "../emit/signature.js";

export type AdditionKind = "operation" | "body-field" | "parameter";

/** Something a version adds that a caller could use. */
export interface Addition {
  kind: AdditionKind;
  /** `<METHOD> <path>` of the operation. */
  operation: string;
  /** The generated function for it (generated/src/operations/). */
  functionName: string;
  /** Body field (top-level name) or option name (camelCase parameter name); absent for operations. */
  name?: string;
  /** The spec diff's wire path. */
  path: string;
  rule: string;
}

/** An addition src/ does not expose, or a removal src/ still depends on. */
export interface SurfaceGap {
  /**
   * `not-exposed` (an addition src/ does not pass on), `still-used` (src/ calls what the version
   * removed) or `does-not-compile` (src/ no longer compiles against the regenerated client; bump adds it).
   */
  kind: "not-exposed" | "still-used" | "does-not-compile";
  path: string;
  rule: string;
  functionName: string;
  /** One sentence for people. */
  message: string;
}

/** What src/ passes to one generated function. */
export interface FunctionUse {
  /** Files (repository-relative) that call it. */
  files: string[];
  /** Body fields src/ may send; `*` = any (the argument is typed `any`). */
  bodyFields: Set<string>;
  /** Option names src/ may pass. */
  optionNames: Set<string>;
}

const ADDITION_RULES: Record<string, AdditionKind> = {
  "operation-added": "operation",
  "request-property-added-optional": "body-field",
  "request-property-added-required": "body-field",
  "parameter-added-optional": "parameter",
  "parameter-added-required": "parameter",
};

const key = (method: string, path: string): string => `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, "{}")}`;

function operationIndex(codeModel: CodeModel): Map<string, { operation: Operation; functionName: string }> {
  // as the emitter names them: with TypeScript's names
  const model = typeScriptNames(codeModel);
  const names = operationFunctionNames(model);
  const out = new Map<string, { operation: Operation; functionName: string }>();
  for (const group of model.operationGroups) {
    for (const operation of group.operations) {
      out.set(key(operation.method, operation.path), { operation, functionName: names.get(operation) ?? operation.name });
    }
  }
  return out;
}

function operationOf(change: Change): string | undefined {
  const op = change.concerns.operation ?? change.concerns.path;
  const match = /^([A-Z]+) (\S+)/.exec(op);
  return match === null ? undefined : `${match[1]} ${match[2]}`;
}

/**
 * The additions a spec diff reports, each with its generated function (named as the generator names
 * it from `model`, the new version's code model). Body fields: only ones in a request body
 * (`<op> body.<field>...`); a nested field counts as its top-level field.
 */
export function additionsOf(changes: readonly Change[], model: CodeModel): Addition[] {
  const index = operationIndex(model);
  const out: Addition[] = [];
  for (const change of changes) {
    const kind = ADDITION_RULES[change.rule];
    const op = operationOf(change);
    if (kind === undefined || op === undefined) continue;
    const [method, path] = op.split(" ") as [string, string];
    const found = index.get(key(method, path));
    if (found === undefined) continue;
    const rest = change.concerns.path.slice(op.length).trim();
    if (kind === "operation") {
      out.push({ kind, operation: op, functionName: found.functionName, path: change.concerns.path, rule: change.rule });
    } else if (kind === "body-field") {
      const field = /^body\.([^.[\]<>{}]+)/.exec(rest)?.[1];
      if (field !== undefined)
        out.push({ kind, operation: op, functionName: found.functionName, name: field, path: change.concerns.path, rule: change.rule });
    } else {
      const match = /^(query|header|path)\.(.+)$/.exec(rest);
      const parameter = found.operation.parameters.find(
        (p) => p.location === match?.[1] && p.serializedName.toLowerCase() === match?.[2]?.toLowerCase(),
      );
      if (parameter !== undefined && !parameter.isApiVersion) {
        out.push({
          kind,
          operation: op,
          functionName: found.functionName,
          name: parameter.name,
          path: change.concerns.path,
          rule: change.rule,
        });
      }
    }
  }
  return out;
}

/** Operations a spec diff reports removed, with the generated function that sent them (named from `oldModel`). */
export function removalsOf(changes: readonly Change[], oldModel: CodeModel): Addition[] {
  const index = operationIndex(oldModel);
  const out: Addition[] = [];
  for (const change of changes) {
    if (change.rule !== "operation-removed") continue;
    const op = operationOf(change);
    const found = op === undefined ? undefined : index.get(key(...(op.split(" ") as [string, string])));
    if (op !== undefined && found !== undefined)
      out.push({ kind: "operation", operation: op, functionName: found.functionName, path: change.concerns.path, rule: change.rule });
  }
  return out;
}

function propertyNames(checker: ts.TypeChecker, type: ts.Type, into: Set<string>): void {
  if ((type.flags & ts.TypeFlags.Any) !== 0) {
    into.add("*");
    return;
  }
  for (const t of type.isUnion() ? type.types : [type]) {
    for (const p of checker.getPropertiesOfType(t)) into.add(p.getName());
  }
}

function bodyMemberTypes(checker: ts.TypeChecker, optionsType: ts.Type, at: ts.Node): ts.Type[] {
  const out: ts.Type[] = [];
  for (const t of optionsType.isUnion() ? optionsType.types : [optionsType]) {
    const body = checker.getPropertyOfType(t, "body");
    if (body !== undefined) out.push(checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(body, at)));
  }
  return out;
}

/**
 * Every generated operation function src/ calls (by name), with the body fields and options it may
 * pass. Reads src/ through tsconfig.json's compiler options, starting at `entries`.
 */
export function srcUsage(repoRoot: string, entries: readonly string[] = ["src/index.ts", "src/api/index.ts"]): Map<string, FunctionUse> {
  const configFile = ts.readConfigFile(join(repoRoot, "tsconfig.json"), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(configFile.config ?? {}, ts.sys, repoRoot);
  const program = ts.createProgram({ rootNames: entries.map((e) => join(repoRoot, e)), options: { ...parsed.options, noEmit: true } });
  const checker = program.getTypeChecker();
  const srcDir = join(repoRoot, "src") + sep;
  const operationsDir = join(repoRoot, "generated", "src", "operations") + sep;
  const norm = (f: string): string => f.split("/").join(sep);
  const uses = new Map<string, FunctionUse>();

  const visit = (node: ts.Node, file: string): void => {
    if (ts.isCallExpression(node)) {
      let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression);
      if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
      const decl = symbol?.declarations?.[0];
      if (
        decl !== undefined &&
        ts.isFunctionDeclaration(decl) &&
        decl.name !== undefined &&
        norm(decl.getSourceFile().fileName).startsWith(operationsDir)
      ) {
        const name = decl.name.text;
        const use = uses.get(name) ?? { files: [], bodyFields: new Set<string>(), optionNames: new Set<string>() };
        if (!use.files.includes(file)) use.files.push(file);
        const params = decl.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ""));
        const bodyArg = node.arguments[params.indexOf("body")];
        if (params.includes("body") && bodyArg !== undefined)
          propertyNames(checker, checker.getNonNullableType(checker.getTypeAtLocation(bodyArg)), use.bodyFields);
        const optionsArg = node.arguments[params.indexOf("options")];
        if (params.includes("options") && optionsArg !== undefined) {
          const optionsType = checker.getNonNullableType(checker.getTypeAtLocation(optionsArg));
          propertyNames(checker, optionsType, use.optionNames);
          for (const t of bodyMemberTypes(checker, optionsType, optionsArg)) propertyNames(checker, t, use.bodyFields);
        }
        uses.set(name, use);
      }
    }
    ts.forEachChild(node, (child) => visit(child, file));
  };
  for (const sourceFile of program.getSourceFiles()) {
    const fileName = norm(sourceFile.fileName);
    if (!fileName.startsWith(srcDir) || sourceFile.isDeclarationFile) continue;
    visit(sourceFile, relative(repoRoot, fileName).split(sep).join("/"));
  }
  for (const use of uses.values()) use.files.sort();
  return uses;
}

/**
 * Additions src/ does not pass on, and removed operations src/ still calls. `apiVersion` names the
 * new version in the messages.
 */
export function surfaceGaps(
  apiVersion: string,
  additions: readonly Addition[],
  removals: readonly Addition[],
  uses: ReadonlyMap<string, FunctionUse>,
): SurfaceGap[] {
  const gaps: SurfaceGap[] = [];
  for (const a of additions) {
    const use = uses.get(a.functionName);
    const base = { kind: "not-exposed" as const, path: a.path, rule: a.rule, functionName: a.functionName };
    if (use === undefined) {
      const what =
        a.kind === "operation"
          ? `operation ${a.operation}`
          : `${a.kind === "body-field" ? "body field" : "option"} ${a.name} of ${a.operation}`;
      gaps.push({ ...base, message: `${what} (${apiVersion}): src/ never calls ${a.functionName}` });
      continue;
    }
    const has = a.kind === "body-field" ? use.bodyFields : use.optionNames;
    if (a.kind !== "operation" && !has.has("*") && !has.has(a.name as string)) {
      const what = a.kind === "body-field" ? `body field ${a.name}` : `option ${a.name}`;
      gaps.push({
        ...base,
        message: `${what} of ${a.operation} (${apiVersion}): src/ calls ${a.functionName} (${use.files.join(", ")}) but never passes ${a.kind === "body-field" ? `body.${a.name}` : a.name}`,
      });
    }
  }
  for (const r of removals) {
    const use = uses.get(r.functionName);
    if (use === undefined) continue;
    gaps.push({
      kind: "still-used",
      path: r.path,
      rule: r.rule,
      functionName: r.functionName,
      message: `operation ${r.operation} is not in ${apiVersion}, but src/ still calls ${r.functionName} (${use.files.join(", ")}): at api-version ${apiVersion} that call throws ApiVersionMismatchError; decide what the client method does`,
    });
  }
  return gaps;
}
