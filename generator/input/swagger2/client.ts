/** The client's endpoint: x-ms-parameterized-host, else host/basePath/schemes. */
import { resolveRefChain } from "../../load/refs.js";
import type { BuildContext } from "./context.js";
import { isObject, str } from "./json.js";
import { buildParameter } from "../operation.js";
import { parameterType } from "./reader.js";
import { child, fail } from "./schemas.js";
import type { ClientModel, Parameter } from "../../model/types.js";

export function buildEndpoint(ctx: BuildContext): ClientModel["endpoint"] {
  const file = ctx.spec.entryFile;
  const doc = ctx.spec.documents[file] ?? {};
  const basePath = str(doc, "basePath") ?? "";
  const hostAt = { file, pointer: "/x-ms-parameterized-host" };
  const parameterized = doc["x-ms-parameterized-host"];
  if (isObject(parameterized)) {
    const hostTemplate = str(parameterized, "hostTemplate");
    if (hostTemplate === undefined) fail(hostAt, "x-ms-parameterized-host has no hostTemplate");
    const list = Array.isArray(parameterized["parameters"]) ? parameterized["parameters"] : [];
    const parameters: Parameter[] = list.map((raw, i) => {
      const usedAt = child(hostAt, "parameters", i);
      const resolved = resolveRefChain(ctx.spec, file, raw, usedAt.pointer);
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
        { param: resolved.value, definedAt: at, ...parameterType(resolved.value, at) },
        wireName,
        location,
        true,
        false,
        `Endpoint${wireName}`,
      );
    });
    const useSchemePrefix = parameterized["useSchemePrefix"] !== false;
    return {
      hostTemplate,
      useSchemePrefix,
      basePath,
      ...(useSchemePrefix ? { scheme: schemeOf(doc["schemes"]) } : {}),
      parameters,
    };
  }
  const host = str(doc, "host");
  if (host !== undefined) {
    return { hostTemplate: host, useSchemePrefix: true, basePath, scheme: schemeOf(doc["schemes"]), parameters: [] };
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
