/**
 * Merging single-version code models (oldest first) into one.
 *
 * - operations are the same when method and path match; the newest version's operation wins
 *   (name, group, operationId, responses), `previousOperationIds` lists every operationId it had,
 *   oldest first; parameters merge by location + wire name;
 * - object models and enums are the same when their name matches (the name derives from the
 *   definition name); properties merge by wire name, enum values are unioned by value;
 * - every merged element's `apiVersions` is the union of the versions that have it, oldest first;
 * - lists keep the newest version's order, followed by elements only older versions have.
 */
import { claimUnique } from "./names.js";
import type { CodeModel, EnumModel, ObjectModel, Operation, OperationGroup, Parameter } from "./types.js";
import { defaultApiVersion } from "./defaultApiVersion.js";

interface Versioned {
  apiVersions: string[];
}

function unionVersions(order: string[], lists: string[][]): string[] {
  const all = new Set(lists.flat());
  return order.filter((v) => all.has(v));
}

/** Items of `lists` (oldest first) merged by key: newest item wins, apiVersions unioned. */
function mergeByKey<T extends Versioned>(order: string[], lists: T[][], key: (t: T) => string, combine?: (items: T[]) => T): T[] {
  const groups = new Map<string, T[]>();
  for (const list of [...lists].reverse()) {
    for (const item of list) {
      const k = key(item);
      groups.set(k, [...(groups.get(k) ?? []), item]);
    }
  }
  return [...groups.values()].map((newestFirst) => {
    const oldestFirst = [...newestFirst].reverse();
    const newest = combine !== undefined ? combine(oldestFirst) : (newestFirst[0] as T);
    return {
      ...newest,
      apiVersions: unionVersions(
        order,
        oldestFirst.map((i) => i.apiVersions),
      ),
    };
  });
}

const paramKey = (p: Parameter): string => `${p.location}:${p.serializedName}`;

function mergeOperations(order: string[], ops: Operation[]): Operation {
  const newest = ops[ops.length - 1] as Operation;
  const ids: string[] = [];
  for (const op of ops) for (const id of op.previousOperationIds) if (!ids.includes(id)) ids.push(id);
  const bodies = ops.flatMap((o) => (o.body !== undefined ? [o.body] : []));
  const lastBody = bodies[bodies.length - 1];
  const clientParameters: string[] = [];
  for (const op of [...ops].reverse()) for (const n of op.clientParameters) if (!clientParameters.includes(n)) clientParameters.push(n);
  return {
    ...newest,
    previousOperationIds: ids,
    apiVersions: unionVersions(
      order,
      ops.map((o) => o.apiVersions),
    ),
    parameters: mergeByKey(
      order,
      ops.map((o) => o.parameters),
      paramKey,
    ),
    clientParameters,
    ...(lastBody !== undefined
      ? {
          body: {
            ...lastBody,
            apiVersions: unionVersions(
              order,
              bodies.map((b) => b.apiVersions),
            ),
          },
        }
      : {}),
  };
}

function mergeObjects(order: string[], models: ObjectModel[]): ObjectModel {
  const newest = models[models.length - 1] as ObjectModel;
  const usage = new Set(models.flatMap((m) => m.usage));
  return {
    ...newest,
    properties: mergeByKey(
      order,
      models.map((m) => m.properties),
      (p) => p.serializedName,
    ),
    usage: (["input", "output"] as const).filter((u) => usage.has(u)),
  };
}

function mergeEnums(order: string[], enums: EnumModel[]): EnumModel {
  const newest = enums[enums.length - 1] as EnumModel;
  const values: EnumModel["values"] = [];
  const taken = new Set<string>();
  for (const e of enums) {
    for (const v of e.values) {
      const known = values.find((k) => k.value === v.value);
      if (known !== undefined) {
        known.apiVersions = unionVersions(order, [known.apiVersions, v.apiVersions]);
        if (v.description !== undefined) known.description = v.description;
        continue;
      }
      values.push({ ...v, name: claimUnique(v.name, taken), apiVersions: [...v.apiVersions] });
    }
  }
  return { ...newest, values };
}

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function mergeVersionModels(models: CodeModel[]): CodeModel {
  const newest = models[models.length - 1];
  if (newest === undefined || models.length === 1) return newest as CodeModel;
  const apiVersions = models.flatMap((m) => m.apiVersions);
  const order = apiVersions.map((v) => v.apiVersion);
  const defaultVersion = defaultApiVersion(apiVersions);
  const apiVersionParam = [...models].reverse().find((m) => m.client.apiVersion !== undefined)?.client.apiVersion;

  // Operations, keyed by method + path, each remembering the group of its newest version.
  type Placed = { group: OperationGroup; op: Operation };
  const placedLists: Placed[][] = models.map((m) => m.operationGroups.flatMap((g) => g.operations.map((op) => ({ group: g, op }))));
  const byKey = new Map<string, Placed[]>();
  for (const list of [...placedLists].reverse()) {
    for (const placed of list) {
      const k = `${placed.op.method.toUpperCase()} ${placed.op.path}`;
      byKey.set(k, [...(byKey.get(k) ?? []), placed]);
    }
  }
  const groups = new Map<string, OperationGroup>();
  const takenOpNames = new Map<string, Set<string>>();
  // Spec order of the newest version first, then operations only older versions have.
  const keys = [...byKey.keys()];
  for (const k of keys) {
    const newestFirst = byKey.get(k) ?? [];
    const top = newestFirst[0] as Placed;
    const merged = mergeOperations(
      order,
      [...newestFirst].reverse().map((p) => p.op),
    );
    const group = groups.get(top.group.name) ?? { name: top.group.name, typeName: top.group.typeName, operations: [] };
    groups.set(top.group.name, group);
    const taken = takenOpNames.get(group.name) ?? new Set<string>();
    takenOpNames.set(group.name, taken);
    group.operations.push({ ...merged, name: claimUnique(merged.name, taken) });
  }

  const objectsByName = new Map<string, ObjectModel[]>();
  for (const m of models) for (const o of m.objects) objectsByName.set(o.name, [...(objectsByName.get(o.name) ?? []), o]);
  const enumsByName = new Map<string, EnumModel[]>();
  for (const m of models) for (const e of m.enums) enumsByName.set(e.name, [...(enumsByName.get(e.name) ?? []), e]);

  return {
    client: {
      ...newest.client,
      endpoint: {
        ...newest.client.endpoint,
        parameters: mergeByKey(
          order,
          models.map((m) => m.client.endpoint.parameters),
          paramKey,
        ),
      },
      ...(apiVersionParam !== undefined ? { apiVersion: { ...apiVersionParam, defaultValue: defaultVersion } } : {}),
      parameters: mergeByKey(
        order,
        models.map((m) => m.client.parameters),
        paramKey,
      ),
    },
    apiVersions,
    operationGroups: [...groups.values()].sort(byName),
    objects: [...objectsByName.values()]
      .map((list) => ({
        ...mergeObjects(order, list),
        apiVersions: unionVersions(
          order,
          list.map((o) => o.apiVersions),
        ),
      }))
      .sort(byName),
    enums: [...enumsByName.values()]
      .map((list) => ({
        ...mergeEnums(order, list),
        apiVersions: unionVersions(
          order,
          list.map((e) => e.apiVersions),
        ),
      }))
      .sort(byName),
  };
}
