/**
 * The client's endpoint from a host description, the same for every format: a parameterized host
 * (`x-ms-parameterized-host`, or an OpenAPI 3 server URL with variables), else a host with base path and
 * schemes, else none (the caller passes the whole endpoint).
 */
import type { JsonObject } from "../load/types.js";
import { resolveRefChain } from "../load/refs.js";
import type { ClientModel, JsonValue, Parameter } from "../model/types.js";
import { buildParameter } from "./operation.js";
import type { ParameterInput } from "./reader.js";
import { type BuildContext, type Loc, isObject, str, child, fail } from "./jsonSchema/index.js";

export interface HostDescription {
  host?: string;
  basePath: string;
  schemes: JsonValue | undefined;
  /** `{ hostTemplate, parameters, useSchemePrefix }` (`x-ms-parameterized-host`) and where it is. */
  parameterized?: { value: JsonObject; at: Loc; parameterAt?: (index: number) => Loc };
}

/** How the format reads a host parameter's type (Swagger 2: inline; OpenAPI 3: its `schema`). */
export type HostParameterType = (
  ctx: BuildContext,
  param: JsonObject,
  at: Loc,
) => Pick<ParameterInput, "param" | "schema" | "schemaAt" | "collectionFormat" | "skipUrlEncoding">;

export function buildEndpoint(ctx: BuildContext, described: HostDescription, parameterType: HostParameterType): ClientModel["endpoint"] {
  const file = ctx.spec.entryFile;
  const { basePath, parameterized } = described;
  if (parameterized !== undefined) {
    const { value, at: hostAt } = parameterized;
    const hostTemplate = str(value, "hostTemplate");
    if (hostTemplate === undefined) fail(hostAt, "x-ms-parameterized-host has no hostTemplate");
    const list = Array.isArray(value["parameters"]) ? value["parameters"] : [];
    const parameters: Parameter[] = list.map((raw, i) => {
      const usedAt = parameterized.parameterAt?.(i) ?? child(hostAt, "parameters", i);
      const resolved = resolveRefChain(ctx.spec, usedAt.file, raw, usedAt.pointer);
      if (!isObject(resolved.value)) fail(usedAt, "parameter must be an object");
      const wireName = str(resolved.value, "name");
      const location = str(resolved.value, "in") ?? "path";
      if (wireName === undefined) fail(usedAt, "parameter has no name");
      if (location !== "path" && location !== "query" && location !== "header") {
        fail(usedAt, `host parameter "${wireName}" has unsupported location ${JSON.stringify(location)}`);
      }
      if (location === "path" && !hostTemplate.includes(`{${wireName}}`)) {
        fail(usedAt, `host parameter "${wireName}" does not appear in the host template "${hostTemplate}"`);
      }
      const at = { file: resolved.file, pointer: resolved.pointer };
      return buildParameter(
        ctx,
        { definedAt: at, ...parameterType(ctx, resolved.value, at) },
        wireName,
        location,
        true,
        false,
        `Endpoint${wireName}`,
      );
    });
    const useSchemePrefix = value["useSchemePrefix"] !== false;
    return {
      hostTemplate,
      useSchemePrefix,
      basePath,
      ...(useSchemePrefix ? { scheme: schemeOf(described.schemes) } : {}),
      parameters,
    };
  }
  const host = described.host;
  if (host !== undefined) {
    return { hostTemplate: host, useSchemePrefix: true, basePath, scheme: schemeOf(described.schemes), parameters: [] };
  }
  // No host at all: the caller passes the whole endpoint.
  return {
    hostTemplate: "{endpoint}",
    useSchemePrefix: false,
    basePath,
    parameters: [
      {
        name: "endpoint",
        serializedName: "endpoint",
        location: "path",
        type: { kind: "string" },
        required: true,
        clientLevel: true,
        skipUrlEncoding: true,
        isApiVersion: false,
        apiVersions: [ctx.apiVersion],
        source: { file, pointer: "" },
      },
    ],
  };
}

function schemeOf(schemes: unknown): "http" | "https" {
  if (!Array.isArray(schemes) || schemes.length === 0 || schemes.includes("https")) return "https";
  return schemes.includes("http") ? "http" : "https";
}
