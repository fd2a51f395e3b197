import { StructureKind, type SourceFileStructure, type StatementStructures } from "ts-morph";
import type { CodeModel } from "../model/types.js";
import { buildEmitContext } from "./analysis.js";
import { loadEmitAssets, type EmitAssets } from "./assets.js";
import { clientFileName, clientStatements } from "./clientFile.js";
import { typeScriptHeader } from "./header.js";
import { mappersStatements } from "./mappersFile.js";
import { modelsStatements } from "./modelsFile.js";
import { operationsStatements } from "./operationsFile.js";
import { createEmitProject, printSourceFile } from "./printer.js";
import { readmeData } from "./readme.js";
import { operationsClassName, operationsFileName } from "./signature.js";
import { validatorsStatements } from "./validatorsFile.js";
import { apiVersionsStatements } from "./versions.js";

export { loadEmitAssets, type EmitAssets } from "./assets.js";

/** One output file, path relative to `generated/` with POSIX separators. */
export interface GeneratedFile {
  path: string;
  content: string;
}

export interface EmitOptions {
  /** Folder holding the handlebars templates (`templates/`). */
  templatesDir: string;
}

/** Emits every file of `generated/` for a code model, sorted by path. Reads only the templates and the runtime source. */
export function emitClient(model: CodeModel, options: EmitOptions): GeneratedFile[] {
  return emitWithAssets(model, loadEmitAssets(options.templatesDir));
}

/** The pure part of {@link emitClient}: code model and loaded assets in, files out. */
export function emitWithAssets(model: CodeModel, assets: EmitAssets): GeneratedFile[] {
  const context = buildEmitContext(model);
  const header = typeScriptHeader(model);
  const project = createEmitProject();
  const files: GeneratedFile[] = [];
  const emitTs = (path: string, statements: StatementStructures[]): void => {
    const structure: SourceFileStructure = { kind: StructureKind.SourceFile, statements };
    files.push({ path, content: printSourceFile(project, path, structure, header) });
  };

  const clientFile = clientFileName(context);
  emitTs("src/models.ts", modelsStatements(context));
  const mappers = mappersStatements(context);
  if (mappers !== undefined) {
    emitTs("src/mappers.ts", mappers);
  }
  const validators = validatorsStatements(context);
  if (validators !== undefined) {
    emitTs("src/validators.ts", validators);
  }
  for (const group of model.operationGroups) {
    emitTs(`src/operations/${operationsFileName(group)}.ts`, operationsStatements(group, context, `../${clientFile}.js`));
  }
  emitTs("src/apiVersions.ts", apiVersionsStatements(model));
  emitTs(`src/${clientFile}.ts`, clientStatements(context));
  emitTs("src/index.ts", indexStatements(model, clientFile));
  files.push({ path: "src/runtime.ts", content: `${header}\n${assets.runtimeSource}` });

  const paths = [...files.map((f) => f.path), "README.md"].sort();
  files.push({ path: "README.md", content: assets.readme(readmeData(model, paths)) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function indexStatements(model: CodeModel, clientFile: string): StatementStructures[] {
  return [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./models.js" },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: `./${clientFile}.js`,
      namedExports: [
        model.client.name,
        `type ${model.client.name}Options`,
        `${model.client.name}Core`,
        `type ${model.client.name}CoreOptions`,
      ],
    },
    ...model.operationGroups.map((g) => ({
      kind: StructureKind.ExportDeclaration as const,
      moduleSpecifier: `./operations/${operationsFileName(g)}.js`,
      namedExports: [operationsClassName(g)],
    })),
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: "./apiVersions.js",
      namedExports: ["apiVersions", "type ApiVersion", "defaultApiVersion"],
    },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: "./runtime.js",
      namedExports: ["ApiVersionMismatchError", "type OperationOptions"],
    },
  ];
}
