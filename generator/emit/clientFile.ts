import {
  StructureKind,
  type ClassDeclarationStructure,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type StatementStructures,
} from "ts-morph";
import type { EmitContext } from "./context.js";
import { credentialDoc, credentialImports, credentialPipelineImports, credentialType } from "./clientCredential.js";
import { isClientConstant } from "./clientParameters.js";
import { clientOptionsProperties, pipelineFunction, pipelineFunctionName } from "./clientOptions.js";
import { codeSpan, jsDoc } from "./docs.js";
import { endpointDoc, endpointExpression } from "./endpoint.js";
import { operationsClassName } from "./names.js";
import { operationsFileName, operationsPropertyName } from "./signature.js";
import { safeLocalName } from "./names.js";
import { camelCase, docText, propertyKey, stringLiteral } from "./text.js";
import { modelTypeNames, publicType } from "./typeExpressions.js";

/** File name (without extension) of the client class, e.g. `identityRestClient`. */
export function clientFileName(context: EmitContext): string {
  return camelCase(context.model.client.name);
}

/** Statements of `src/<clientFile>.ts`. */
export function clientStatements(context: EmitContext): StatementStructures[] {
  const { client, operationGroups } = context.model;
  const clientParameters = client.parameters.filter((p) => !p.isApiVersion && !isClientConstant(p));
  const required = clientParameters.filter((p) => p.required);
  const optional = clientParameters.filter((p) => !p.required);
  const optionsName = `${client.name}Options`;
  const endpointText = endpointDoc(client.endpoint);

  // enums and models that client parameters are typed with (a query enum shared by every operation, e.g. Google's `alt`)
  const modelNames = [...new Set(clientParameters.flatMap((p) => modelTypeNames(p.type, context.unions)))].sort();
  const coreOptionsName = `${client.name}CoreOptions`;
  const coreName = `${client.name}Core`;
  const otherOptions = [
    ...(client.apiVersion
      ? [
          {
            name: "apiVersion",
            type: "string",
            hasQuestionToken: true,
            docs: jsDoc(
              undefined,
              `api-version sent with every request: one of ${context.model.apiVersions.map((v) => codeSpan(v.apiVersion)).join(", ")}. ` +
                `Default: ${codeSpan(client.apiVersion.defaultValue)}. Operations and fields the pinned version lacks throw ` +
                "`ApiVersionMismatchError` before sending.",
            ),
          },
        ]
      : []),
    ...optional.map((p) => ({
      name: propertyKey(p.name),
      type: publicType(p.type, context.unions),
      hasQuestionToken: true,
      docs: jsDoc(p.description, `The ${codeSpan(p.serializedName)} parameter.`),
    })),
  ];
  const coreOptionsInterface: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: coreOptionsName,
    isExported: true,
    docs: jsDoc(undefined, `Options of {@link ${coreName}}: pipeline and transport are required, so nothing default is bundled.`),
    properties: [
      {
        name: "pipeline",
        type: "Pipeline",
        docs: jsDoc(undefined, "Send requests through this pipeline (the handwritten layer adds auth, retry, logging)."),
      },
      { name: "httpClient", type: "HttpClient", docs: jsDoc(undefined, "Transport the pipeline sends with.") },
      ...otherOptions,
    ],
  };
  const optionsInterface: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: optionsName,
    isExported: true,
    extends: ["PipelineOptions"],
    docs: jsDoc(
      undefined,
      `Options of {@link ${client.name}}: core-rest-pipeline's ${codeSpan("PipelineOptions")} (retry, proxy, TLS, redirects, user agent), ` +
        "`allowInsecureConnection` and `additionalPolicies` configure the pipeline the client builds; with `pipeline` they are refused.",
    ),
    properties: [
      {
        name: "pipeline",
        type: "Pipeline",
        hasQuestionToken: true,
        docs: jsDoc(
          undefined,
          "Send requests through this pipeline, as given (the handwritten layer adds auth, retry, logging). Default: one built from these " +
            "options with `createPipelineFromOptions`. Throws a `TypeError` when given with an option that builds a pipeline.",
        ),
      },
      {
        name: "httpClient",
        type: "HttpClient",
        hasQuestionToken: true,
        docs: jsDoc(undefined, "Transport the pipeline sends with. Default: `createDefaultHttpClient()`."),
      },
      ...clientOptionsProperties(),
      ...otherOptions,
    ],
  };

  const groupProperties = operationGroups.map((g) => ({
    name: operationsPropertyName(g, context.model),
    type: operationsClassName(g),
    isReadonly: true,
    docs: jsDoc(undefined, `Operations of the ${codeSpan(g.typeName || "default")} group.`),
  }));
  const ctorStatements = [
    // A client parameter (not the service's): a missing one would make every request that uses it wrong.
    ...required.map((p) => `assertPresent(${safeLocalName(p.name)}, ${stringLiteral(safeLocalName(p.name))});`),
    `this.endpoint = ${endpointExpression(client.endpoint)};`,
    ...(client.apiVersion ? ["this.apiVersion = resolveApiVersion(options.apiVersion);"] : []),
    ...required.map((p) => `this.${p.name} = ${safeLocalName(p.name)};`),
    ...optional.map((p) => `this.${p.name} = options.${p.name};`),
    "this.pipeline = options.pipeline;",
    "this.httpClient = options.httpClient;",
    ...operationGroups.map((g) => `this.${operationsPropertyName(g, context.model)} = new ${operationsClassName(g)}(this);`),
  ];
  // Both constructors take the endpoint, the required client parameters, then an options bag.
  const ctorParameters = (options: OptionalKind<ParameterDeclarationStructure>): OptionalKind<ParameterDeclarationStructure>[] => [
    { name: "endpoint", type: "string" },
    ...required.map((p) => ({ name: safeLocalName(p.name), type: publicType(p.type, context.unions) })),
    options,
  ];
  const ctorTags = (credential?: string) => [
    { kind: StructureKind.JSDocTag as const, tagName: "param", text: `endpoint - ${endpointText}` },
    ...(credential === undefined ? [] : [{ kind: StructureKind.JSDocTag as const, tagName: "param", text: credential }]),
    ...required.map((p) => ({
      kind: StructureKind.JSDocTag as const,
      tagName: "param",
      text: `${safeLocalName(p.name)} - ${p.description ? docText(p.description) : `The ${codeSpan(p.serializedName)} parameter.`}`,
    })),
    { kind: StructureKind.JSDocTag as const, tagName: "param", text: "options - Pipeline, transport and api-version." },
  ];
  const ctorDocs = jsDoc(undefined, `Creates a client for one service endpoint.`, { tags: ctorTags() });
  const coreClass: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: coreName,
    isExported: true,
    docs: jsDoc(
      undefined,
      `${codeSpan(client.name)} without defaults: the caller passes the pipeline and transport, so a bundle that ` +
        "uses only this class never includes `createPipelineFromOptions` or its policies.",
    ),
    properties: [
      { name: "endpoint", type: "string", isReadonly: true, docs: jsDoc(undefined, "Base URL every request goes to.") },
      ...(client.apiVersion
        ? [{ name: "apiVersion", type: "string", isReadonly: true, docs: jsDoc(undefined, "api-version sent with every request.") }]
        : []),
      ...clientParameters.map((p) => ({
        name: p.name,
        type: p.required ? publicType(p.type, context.unions) : `${publicType(p.type, context.unions)} | undefined`,
        isReadonly: true,
        docs: jsDoc(p.description, `The ${codeSpan(p.serializedName)} parameter.`),
      })),
      { name: "pipeline", type: "Pipeline", isReadonly: true, docs: jsDoc(undefined, "Pipeline every request goes through.") },
      { name: "httpClient", type: "HttpClient", isReadonly: true, docs: jsDoc(undefined, "Transport the pipeline sends with.") },
      ...groupProperties,
    ],
    ctors: [
      {
        parameters: ctorParameters({ name: "options", type: coreOptionsName }),
        statements: ctorStatements.join("\n"),
        docs: ctorDocs,
      },
    ],
  };
  const superArguments = ["endpoint", ...required.map((p) => safeLocalName(p.name))];
  // a spec that requires security: the client (not the Core class, whose caller brings the pipeline) takes a credential after the endpoint
  const security = client.security;
  const clientCtorParameters = ctorParameters({ name: "options", type: optionsName, initializer: "{}" });
  if (security !== undefined) clientCtorParameters.splice(1, 0, { name: "credential", type: credentialType(security) });
  const clientCtorDocs =
    security === undefined
      ? ctorDocs
      : jsDoc(undefined, "Creates a client for one service endpoint.", { tags: ctorTags(credentialDoc(security)) });
  const clientClass: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: client.name,
    isExported: true,
    extends: coreName,
    docs: jsDoc(client.description, `Client for ${codeSpan(client.name)}.`),
    ctors: [
      {
        parameters: clientCtorParameters,
        statements: [
          `super(${superArguments.join(", ")}, {`,
          "  ...options,",
          `  pipeline: ${pipelineFunctionName(client.name)}(options${security === undefined ? "" : ", credential"}),`,
          "  httpClient: options.httpClient ?? createDefaultHttpClient(),",
          "});",
        ].join("\n"),
        docs: clientCtorDocs,
      },
    ],
  };
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@azure/core-rest-pipeline",
      namedImports: [
        ...(security === undefined ? [] : credentialPipelineImports(security)),
        "createDefaultHttpClient",
        "createPipelineFromOptions",
        "type HttpClient",
        "type Pipeline",
        "type PipelineOptions",
        "type PipelinePolicy",
      ],
    },
    ...(security === undefined ? [] : credentialImports(security)),
    ...(modelNames.length > 0
      ? [{ kind: StructureKind.ImportDeclaration as const, moduleSpecifier: "./models.js", isTypeOnly: true, namedImports: modelNames }]
      : []),
    ...(client.apiVersion
      ? [{ kind: StructureKind.ImportDeclaration as const, moduleSpecifier: "./apiVersions.js", namedImports: ["resolveApiVersion"] }]
      : []),
    ...(required.length > 0
      ? [{ kind: StructureKind.ImportDeclaration as const, moduleSpecifier: "./runtime.js", namedImports: ["assertPresent"] }]
      : []),
    ...operationGroups.map((g) => ({
      kind: StructureKind.ImportDeclaration as const,
      moduleSpecifier: `./operations/${operationsFileName(g, context.model)}.js`,
      namedImports: [operationsClassName(g)],
    })),
    coreOptionsInterface,
    coreClass,
    optionsInterface,
    clientClass,
    pipelineFunction(context.model, optionsName),
  ];
}
