/**
 * One API version's spec -> a CodeModel where every element carries that one version, read by a format's
 * reader (reader.ts): the operations are planned and named, then the client, security, operations,
 * discriminator values and usage are built. The same for every format.
 */
import type { ClientConfig, LoadedSpec, ManifestVersion } from "../load/types.js";
import { pascalCase, typeName } from "../model/names.js";
import { buildOperation } from "./operation.js";
import { linkNextPageOperations } from "./paging.js";
import { planOperations, type PlannedOperation } from "./plan.js";
import { parameterGroupName } from "./parameterGroups.js";
import type { FormatReader } from "./reader.js";
import {
  createContext,
  discriminatorValues,
  SWAGGER2_DIALECT,
  type BuildContext,
  type SchemaDialect,
  isObject,
  str,
} from "./jsonSchema/index.js";
import type { AppliedTransformInfo, CodeModel, ObjectModel, OperationGroup } from "../model/types.js";
import { computeUsage } from "../model/usage.js";

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function buildVersionModel(
  reader: FormatReader,
  manifest: ManifestVersion,
  spec: LoadedSpec,
  config: ClientConfig,
  transforms: AppliedTransformInfo[] = [],
  dialect: SchemaDialect = SWAGGER2_DIALECT,
): CodeModel {
  const apiVersion = manifest.apiVersion;
  const modelNames = config.modelNames ?? {};
  const planningCtx = createContext(spec, apiVersion, new Set(), modelNames, dialect);
  const planned = planOperations(planningCtx, config, reader.checkPathItem);
  const name = clientName(planningCtx, config.clientName);
  const reserved = new Set([name, ...parameterGroupTypeNames(planningCtx, reader, planned)]);
  const ctx = createContext(spec, apiVersion, reserved, modelNames, dialect);

  reader.registerComponents(ctx);
  const endpoint = reader.endpoint(ctx);
  const security = reader.security(ctx, planned);
  const built = linkNextPageOperations(planned.map((p) => buildOperation(ctx, reader, p)));

  const groups = new Map<string, OperationGroup>();
  for (const b of built) {
    const group = groups.get(b.group) ?? { name: b.group, typeName: b.groupType, operations: [] };
    groups.set(b.group, group);
    group.operations.push(b.operation);
  }
  const operations = built.map((b) => b.operation);
  const apiVersionParam = operations.flatMap((o) => o.parameters).find((p) => p.isApiVersion);

  const objects = [...ctx.objects.values()];
  setDiscriminatorValues(objects, discriminatorValues(ctx));
  computeUsage(objects, operations);

  const info = spec.documents[spec.entryFile]?.["info"];
  const description = isObject(info) ? str(info, "description") : undefined;
  return {
    client: {
      name,
      ...(description !== undefined ? { description } : {}),
      endpoint,
      ...(apiVersionParam !== undefined
        ? { apiVersion: { serializedName: apiVersionParam.serializedName, defaultValue: apiVersion } }
        : {}),
      parameters: [...ctx.clientParameters.values()],
      ...(security !== undefined ? { security } : {}),
    },
    apiVersions: [
      {
        apiVersion,
        status: manifest.status,
        specPath: manifest.path,
        files: spec.files,
        ...(transforms.length > 0 ? { transforms } : {}),
      },
    ],
    operationGroups: [...groups.values()].sort(byName),
    objects: objects.sort(byName),
    enums: [...ctx.enums.values()].sort(byName),
  };
}

/** `config.clientName` when given, else `info.title` as a PascalCase identifier. */
function clientName(ctx: BuildContext, configured: string): string {
  if (configured.trim() !== "") return configured;
  const info = ctx.spec.documents[ctx.spec.entryFile]?.["info"];
  const title = isObject(info) ? str(info, "title") : undefined;
  return typeName(title ?? "Client");
}

/**
 * In a discriminated hierarchy every model gets a discriminator value: its
 * `x-ms-discriminator-value`, else its definition name.
 */
function setDiscriminatorValues(objects: ObjectModel[], explicit: Map<string, string>): void {
  const byModelName = new Map(objects.map((o) => [o.name, o]));
  const inHierarchy = (o: ObjectModel, seen: Set<string>): boolean => {
    if (o.discriminator !== undefined) return true;
    if (seen.has(o.name)) return false;
    seen.add(o.name);
    return o.parents.some((p) => {
      const parent = byModelName.get(p);
      return parent !== undefined && inHierarchy(parent, seen);
    });
  };
  for (const o of objects) {
    if (inHierarchy(o, new Set())) o.discriminatorValue = explicit.get(o.name) ?? o.serializedName;
  }
}

/** Type names of the parameter groups (types of the model's own): models may not take them. */
export function parameterGroupTypeNames(ctx: BuildContext, reader: FormatReader, planned: PlannedOperation[]): string[] {
  const names = new Set<string>();
  for (const p of planned) {
    const stem = `${p.groupType}${pascalCase(p.name)}`;
    for (const input of reader.inputs(ctx, p)) {
      const group = parameterGroupName(input.param, stem, input.usedAt);
      if (group !== undefined) names.add(group);
    }
  }
  return [...names];
}
