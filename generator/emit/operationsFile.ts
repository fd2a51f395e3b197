/**
 * `src/operations/<group>.ts`: per operation a standalone function and the class method delegating to it,
 * and the file's imports, made from what each operation's code noted it uses (usedNames.ts). The parts
 * of an operation are written by modules named after them: argumentChecks.ts, url.ts, requestHeaders.ts,
 * requestBody.ts (bodies.ts), result.ts, paging.ts, longRunning.ts, operationDocs.ts.
 */
import {
  StructureKind,
  type ClassDeclarationStructure,
  type FunctionDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type StatementStructures,
} from "ts-morph";
import type { Operation, OperationGroup, Parameter } from "../model/types.js";
import { argumentChecks } from "./argumentChecks.js";
import { argumentType } from "./bodies.js";
import { functionNameOf, type EmitContext } from "./context.js";
import { codeSpan, jsDoc } from "./docs.js";
import { longRunningStatements } from "./longRunning.js";
import { contextDocTag, operationDocs } from "./operationDocs.js";
import { pagedParts, pagedStatements } from "./paging.js";
import { requestBody } from "./requestBody.js";
import { requestHeaders } from "./requestHeaders.js";
import { resultStatements, resultType, sendCall } from "./result.js";
import { binaryBodyType, binaryResponseType } from "./runtimeNames.js";
import { argumentSource } from "./methodArgument.js";
import { operationsClassName, optionalParamsTypeName } from "./names.js";
import { operationArguments } from "./signature.js";
import { stringLiteral } from "./text.js";
import { modelTypeNames } from "./typeExpressions.js";
import { urlStatement } from "./url.js";
import { UsedNames } from "./usedNames.js";

interface OperationParts {
  /** The standalone `async function` holding the request logic. */
  fn: FunctionDeclarationStructure;
  /** The class method delegating to it. */
  method: MethodDeclarationStructure;
  /** What the function's statements and signature use from other files (models excepted). */
  uses: UsedNames;
  modelTypes: string[];
  optionsType?: string;
  /** Returns a PagedAsyncIterableIterator (x-ms-pageable). */
  paged: boolean;
  /** Returns core-lro's poller (x-ms-long-running-operation). */
  longRunning: boolean;
}

/**
 * The function of one operation, and the class method that delegates to it. Both have the same
 * JSDoc, parameters and return type; the function takes `context` first, where the method
 * passes its client. `context` is an `OperationContext`, intersected with the client's type for the
 * client-level parameters the operation reads (`Pick<Client, "subscriptionId">`), if any.
 */
function operationParts(group: OperationGroup, operation: Operation, context: EmitContext): OperationParts {
  const uses = new UsedNames();
  // `all`: every value sent, parameter groups opened and a spread body built (signature.ts)
  const { positional, optional, values: all } = operationArguments(operation);
  const sourceOf = argumentSource;
  const checks = argumentChecks(operation, positional, all, sourceOf, context, uses);
  const url = urlStatement(operation, all, sourceOf, context, uses);
  const result = resultType(operation);
  const header = requestHeaders(operation, all, sourceOf, result !== undefined, context, uses);
  const longRunning = operation.longRunning;
  // A next-page operation's parameters take the values of this operation's of the same name and location.
  const argumentOf = (p: Parameter): { source: string; optional: boolean; nullable: boolean } | undefined => {
    const argument = all.find((a) => a.parameter?.location === p.location && a.parameter.serializedName === p.serializedName);
    return argument === undefined
      ? undefined
      : {
          source: sourceOf(argument),
          optional: !argument.required,
          nullable: argument.type.nullable === true && argument.type.kind !== "constant",
        };
  };
  const paged = pagedParts(operation, result, result?.always !== true || longRunning !== undefined, context, argumentOf, uses);
  // Members of the client, beyond OperationContext's, that the function reads from `context`.
  const clientMembers = new Set([...url.clientMembers, ...header.clientMembers, ...(paged?.clientMembers ?? [])]);
  // Only an ordinary pageable operation's `send` sends both the first page and the next ones.
  const pagedSend = paged !== undefined && longRunning === undefined;
  const body = requestBody(operation, all, sourceOf, { paged: paged !== undefined, pagedSend }, context, uses, header.contentType);
  const headers = [...header.headers, ...body.headers];
  const successStatuses = operation.responses.map((r) => r.status).filter((s): s is number => s !== "default");
  // next pages are GETs, or POSTs when the next-page operation is one (`paging.nextMethod`)
  const nextMethod = operation.paging?.nextMethod ?? "get";
  const request = [
    pagedSend && operation.method !== nextMethod
      ? `method: firstPage ? ${stringLiteral(operation.method.toUpperCase())} : ${stringLiteral(nextMethod.toUpperCase())},`
      : `method: ${stringLiteral(operation.method.toUpperCase())},`,
    "url,",
    `headers: {\n${headers.join("\n")}\n},`,
    ...(body.bodyLine ? [body.bodyLine] : []),
    `successStatuses: [${successStatuses.join(", ")}],`,
  ];
  // What the request and result statements use: kept only where they are (not by long-running operations,
  // whose requests longRunningOperation sends).
  const resultUses = new UsedNames();
  const response = resultStatements(
    operation,
    result,
    sendCall(operation, result, request, body.parts, context, resultUses),
    context,
    resultUses,
  );
  let statements: string[];
  let returnTypeText: string;
  if (longRunning !== undefined) {
    const lro = longRunningStatements({
      operation,
      result,
      paged,
      request,
      headers,
      bodyParts: body.parts,
      returnType: response.returnType,
      context,
      uses,
    });
    statements = [...checks, url.statement, ...lro.statements];
    returnTypeText = lro.returnTypeText;
  } else if (paged === undefined) {
    uses.add(resultUses);
    statements = [...checks, url.statement, ...response.statements];
    returnTypeText = `Promise<${response.returnType}>`;
  } else {
    uses.add(resultUses);
    const firstDiffers = operation.method !== nextMethod || all.some((a) => a.body !== undefined);
    const pages = pagedStatements({
      paged,
      firstPageStatements: [...checks, url.statement],
      sendStatements: response.statements,
      pageType: response.returnType,
      firstDiffers,
      uses,
    });
    statements = pages.statements;
    returnTypeText = pages.returnTypeText;
  }

  const optionsType =
    optional.length > 0 ? optionalParamsTypeName(group, operation) : longRunning !== undefined ? "LroOperationOptions" : "OperationOptions";
  const { headAsBoolean, responseHeaders } = response;
  const docs = operationDocs(
    operation,
    positional,
    { hasResult: result !== undefined, paged: paged !== undefined, headAsBoolean, responseHeaders },
    context,
  );
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = [
    ...positional.map((a) => ({ name: a.name, type: argumentType(a, operation, context, uses) })),
    { name: "options", type: optionsType, initializer: "{}" },
  ];
  const clientName = context.model.client.name;
  const picked = [...clientMembers].sort();
  const contextType =
    picked.length === 0 ? "OperationContext" : `OperationContext & Pick<${clientName}, ${picked.map(stringLiteral).join(" | ")}>`;
  const functionName = functionNameOf(context, operation);
  const fn: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: functionName,
    isExported: true,
    isAsync: paged === undefined || longRunning !== undefined,
    docs: docs([contextDocTag(context, picked)]),
    parameters: [{ name: "context", type: contextType }, ...parameters],
    returnType: returnTypeText,
    statements: statements.join("\n"),
  };
  const method: MethodDeclarationStructure = {
    kind: StructureKind.Method,
    name: operation.name,
    isAsync: paged === undefined || longRunning !== undefined,
    docs: docs([]),
    parameters,
    returnType: returnTypeText,
    statements: `return ${functionName}(${["this.#client", ...parameters.map((p) => p.name)].join(", ")});`,
  };
  const modelTypes = [
    ...positional.flatMap((a) => modelTypeNames(a.type, context.unions)),
    ...(result ? modelTypeNames(result.type, context.unions) : []),
    ...responseHeaders.flatMap((h) => modelTypeNames(h.type, context.unions)),
    ...(paged ? modelTypeNames(paged.items, context.unions) : []),
  ];
  return {
    fn,
    method,
    uses,
    modelTypes,
    optionsType: optional.length > 0 ? optionsType : undefined,
    paged: paged !== undefined,
    longRunning: longRunning !== undefined,
  };
}

/** Statements of `src/operations/<group>.ts`. */
export function operationsStatements(group: OperationGroup, context: EmitContext, clientFile: string): StatementStructures[] {
  const parts = group.operations.map((o) => operationParts(group, o, context));
  // the file's imports: what its parts noted as they were built
  const uses = parts.reduce((all, p) => all.add(p.uses), new UsedNames());
  const usesPlainOptions = parts.some((p) => p.optionsType === undefined && !p.longRunning);
  const usesLroOptions = parts.some((p) => p.optionsType === undefined && p.longRunning);
  const modelNames = new Set(parts.flatMap((p) => [...p.modelTypes, ...(p.optionsType ? [p.optionsType] : [])]));
  uses.modelTypes.forEach((name) => modelNames.add(name));
  const mapperNames = [...uses.mappers, ...[...uses.wireTypes].map((name) => `type ${name}`)];
  const statements: StatementStructures[] = [];
  if (parts.some((p) => p.longRunning)) {
    // Only specs with long-running operations import core-lro (a dependency of their package).
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@azure/core-lro",
      namedImports: ["createHttpPoller", "type OperationState", "type SimplePollerLike"],
    });
  }
  statements.push({
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: clientFile,
    isTypeOnly: true,
    namedImports: [context.model.client.name],
  });
  if (modelNames.size > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "../models.js",
      isTypeOnly: true,
      namedImports: [...modelNames].sort(),
    });
  }
  if (mapperNames.length > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "../mappers.js",
      namedImports: mapperNames.sort((a, b) => a.replace(/^type /, "").localeCompare(b.replace(/^type /, ""))),
    });
  }
  const runtimeImports = [...[...uses.runtime].sort(), ...(usesLroOptions ? ["type LroOperationOptions"] : []), "type OperationContext"];
  if (usesPlainOptions) {
    runtimeImports.push("type OperationOptions");
  }
  // the binary body and response types (bodies.ts), when a signature or a cast names them
  for (const type of [binaryBodyType, binaryResponseType] as const) {
    if (uses.runtimeTypes.has(type)) {
      runtimeImports.push(`type ${type}`);
    }
  }
  if (parts.some((p) => p.paged)) {
    runtimeImports.push("type PagedAsyncIterableIterator");
  }
  statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "../runtime.js", namedImports: runtimeImports });
  if (uses.validators.size > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "../validators.js",
      namedImports: [...uses.validators].sort(),
    });
  }
  const xmlHelpers = (["sendXmlOperation", "writeXml"] as const).filter((helper) => uses.xml.has(helper));
  if (xmlHelpers.length > 0) {
    // only clients with XML operations have these files (and depend on @azure/core-xml)
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "../xml.js", namedImports: xmlHelpers });
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "../xmlModels.js", namedImports: ["xmlModels"] });
  }
  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: operationsClassName(group),
    isExported: true,
    docs: jsDoc(undefined, group.typeName ? `Operations of the ${codeSpan(group.typeName)} group.` : "Operations without a group."),
    properties: [{ name: "#client", type: context.model.client.name, isReadonly: true }],
    ctors: [
      {
        parameters: [{ name: "client", type: context.model.client.name }],
        statements: "this.#client = client;",
        docs: jsDoc(undefined, "Created by the client; use its property instead.", {
          tags: [
            {
              kind: StructureKind.JSDocTag,
              tagName: "param",
              text: "client - The client whose endpoint, pipeline and api-version requests use.",
            },
          ],
        }),
      },
    ],
    methods: parts.map((p) => p.method),
  };
  statements.push(...parts.map((p) => p.fn), cls);
  return statements;
}
