/**
 * The pipeline options of a generated client (`<Client>Options`, Azure's `CommonClientOptions`): what
 * core-rest-pipeline's `PipelineOptions` has, plus `allowInsecureConnection` and `additionalPolicies`,
 * and the module-level function that builds the client's pipeline from them.
 */
import { StructureKind, type FunctionDeclarationStructure, type OptionalKind, type PropertySignatureStructure } from "ts-morph";
import type { CodeModel } from "../model/types.js";
import { credentialMemberChecks, credentialPolicy, credentialType } from "./clientCredential.js";
import { codeSpan, jsDoc } from "./docs.js";
import { stringLiteral } from "./text.js";

/**
 * Options that configure the pipeline the client builds: refused next to `pipeline` (a given pipeline is
 * the caller's, already configured; silently ignoring them would hide the mistake). `PipelineOptions`'
 * own, then the two core-client adds.
 */
export const pipelineBuildingOptions = [
  "retryOptions",
  "proxyOptions",
  "agent",
  "tlsOptions",
  "redirectOptions",
  "userAgentOptions",
  "telemetryOptions",
  "allowInsecureConnection",
  "additionalPolicies",
] as const;

/**
 * The token every generated client puts in `User-Agent` after the caller's `userAgentPrefix`:
 * `acs-gen-<client name, kebab-case>/<default api-version>` (the generated code has no package
 * version of its own; the api-version is what tells its builds apart).
 */
export function userAgentToken(model: CodeModel): string {
  const kebab = model.client.name
    .replace(/([a-z\d])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .replace(/[^A-Za-z\d]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
  const version = model.client.apiVersion?.defaultValue ?? model.apiVersions[model.apiVersions.length - 1]?.apiVersion ?? "0";
  return `acs-gen-${kebab || "client"}/${version.replace(/[^\w.-]+/g, "-")}`;
}

/** Name of the (module-local) function of the client file that builds the pipeline. */
export const pipelineFunctionName = (clientName: string): string => `build${clientName}Pipeline`;

/** Properties of `<Client>Options` besides what `PipelineOptions` (which it extends) has. */
export function clientOptionsProperties(): OptionalKind<PropertySignatureStructure>[] {
  return [
    {
      name: "allowInsecureConnection",
      type: "boolean",
      hasQuestionToken: true,
      docs: jsDoc(undefined, "Allows plain `http` endpoints (core-rest-pipeline refuses them by default). Default: `false`."),
    },
    {
      name: "additionalPolicies",
      type: `Array<{ policy: PipelinePolicy; position: "perCall" | "perRetry" }>`,
      hasQuestionToken: true,
      docs: jsDoc(
        undefined,
        "Policies added to the pipeline the client builds: `perCall` ones run once per operation, `perRetry` ones on every " +
          "attempt (after the retry policy). The shape of `@azure/core-client`'s `AdditionalPolicyConfig`.",
      ),
    },
  ];
}

/** `function build<Client>Pipeline(options: <Client>Options): Pipeline`, the body of the client's default pipeline. */
export function pipelineFunction(
  model: CodeModel,
  optionsName: string,
): OptionalKind<FunctionDeclarationStructure> & { kind: StructureKind.Function } {
  const names = pipelineBuildingOptions.map((name) => stringLiteral(name)).join(", ");
  const token = stringLiteral(userAgentToken(model));
  const security = model.client.security;
  // the credential's policy goes in the Sign phase, as core-client adds its bearer token policy
  const addCredential = security === undefined ? [] : [`pipeline.addPolicy(${credentialPolicy(security)}, { phase: "Sign" });`];
  return {
    kind: StructureKind.Function,
    name: pipelineFunctionName(model.client.name),
    parameters: [
      { name: "options", type: optionsName },
      ...(security === undefined ? [] : [{ name: "credential", type: credentialType(security) }]),
    ],
    returnType: "Pipeline",
    docs: jsDoc(
      undefined,
      `The pipeline of a client: ${codeSpan("options.pipeline")} as given (the options that build a pipeline are then refused)` +
        (security === undefined ? "" : ", cloned to add the credential's policy") +
        `, else ${codeSpan("createPipelineFromOptions")} with the user agent ${codeSpan(userAgentToken(model))} after the caller's prefix, ` +
        (security === undefined ? "" : "the credential's policy, ") +
        "plain http when allowed, and the additional policies.",
    ),
    statements: [
      // a client parameter: checked here, before anything is sent (the service would only say 401)
      ...(security === undefined
        ? []
        : ["if (credential === undefined || credential === null) {", '  throw new TypeError("credential is required");', "}"]),
      ...(security === undefined ? [] : credentialMemberChecks(security)),
      "if (options.pipeline !== undefined) {",
      `  const building = ([${names}] as const).filter((name) => options[name] !== undefined);`,
      "  if (building.length > 0) {",
      "    throw new TypeError(",
      '      "options." + building.join(", options.") + " cannot be combined with options.pipeline: " +',
      '        "they configure the pipeline the client builds; configure the given pipeline instead",',
      "    );",
      "  }",
      ...(security === undefined
        ? ["  return options.pipeline;"]
        : [
            "  // a clone: the caller's pipeline is not changed",
            "  const pipeline = options.pipeline.clone();",
            ...addCredential.map((l) => `  ${l}`),
            "  return pipeline;",
          ]),
      "}",
      "const prefix = options.userAgentOptions?.userAgentPrefix;",
      "const pipeline = createPipelineFromOptions({",
      "  ...options,",
      `  userAgentOptions: { ...options.userAgentOptions, userAgentPrefix: prefix ? prefix + ${stringLiteral(` ${userAgentToken(model)}`)} : ${token} },`,
      "});",
      ...addCredential,
      "if (options.allowInsecureConnection === true) {",
      "  pipeline.addPolicy({",
      '    name: "allowInsecureConnectionPolicy",',
      "    sendRequest(request, next) {",
      "      request.allowInsecureConnection = true;",
      "      return next(request);",
      "    },",
      "  });",
      "}",
      "for (const { policy, position } of options.additionalPolicies ?? []) {",
      '  pipeline.addPolicy(policy, position === "perRetry" ? { afterPhase: "Sign" } : {});',
      "}",
      "return pipeline;",
    ].join("\n"),
  };
}
