import type { CodeModel } from "../model/types.js";
import { operationsClassName } from "./names.js";
import { operationFunctionNames, operationsPropertyName } from "./signature.js";

/** The data `templates/generated-readme.md.hbs` is rendered with. */
export function readmeData(model: CodeModel, files: string[]): unknown {
  const functionNames = operationFunctionNames(model);
  return {
    clientName: model.client.name,
    description: model.client.description,
    apiVersions: model.apiVersions.map((v) => ({ apiVersion: v.apiVersion, status: v.status, specPath: v.specPath, files: v.files })),
    defaultApiVersion: model.client.apiVersion?.defaultValue ?? "",
    transforms: model.apiVersions.flatMap((v) =>
      (v.transforms ?? []).map((t) => ({ ...t, apiVersion: v.apiVersion, target: `${t.file}#${t.pointer}` })),
    ),
    operations: model.operationGroups.flatMap((g) =>
      g.operations.map((o) => ({
        call: `${operationsPropertyName(g, model)}.${o.name}`,
        className: operationsClassName(g),
        functionName: functionNames.get(o),
        method: o.method.toUpperCase(),
        path: o.path,
        operationId: o.operationId,
        summary: o.summary ?? o.description ?? "",
        apiVersions: o.apiVersions.length === model.apiVersions.length ? "all" : o.apiVersions.join(", "),
      })),
    ),
    models: model.objects.map((o) => ({ name: o.name, serializedName: o.serializedName, description: o.description ?? "" })),
    enums: model.enums.map((e) => ({
      name: e.name,
      kind: e.extensible ? "extensible" : "sealed",
      values: e.values.map((v) => String(v.value)).join(", "),
    })),
    files,
    // clients with XML operations import @azure/core-xml (src/xml.ts)
    xml: files.includes("src/xml.ts"),
  };
}
