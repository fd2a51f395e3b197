/**
 * Attributes each coverage scenario of the test server to the Swagger file(s) whose paths its mock
 * route serves. Newer routes are registered with their URI (the launcher reports them); legacy routes
 * count scenarios by name inside route modules mounted under a prefix, so a legacy scenario belongs to
 * the module whose source names it, and that module to the specs with paths under its mount prefix.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../fixtures/emit/compile.js";
import type { RouteRegistration } from "./server.js";

const packageDir = join(repoRoot, "node_modules/@microsoft.azure/autorest.testserver");

interface SpecPaths {
  spec: string;
  paths: Array<{ method: string; segments: string[] }>;
}

const segmentsOf = (path: string): string[] =>
  path
    .split("?")[0]!
    .split("/")
    .filter((s) => s !== "");

function readSpecPaths(swaggerDir: string, specs: string[]): SpecPaths[] {
  return specs.map((spec) => {
    const doc = JSON.parse(readFileSync(join(swaggerDir, spec), "utf8").replace(/^\uFEFF/, "")) as {
      basePath?: string;
      paths?: Record<string, Record<string, unknown>>;
      "x-ms-paths"?: Record<string, Record<string, unknown>>;
    };
    const base = doc.basePath === undefined || doc.basePath === "/" ? "" : doc.basePath;
    const paths = Object.entries({ ...doc.paths, ...doc["x-ms-paths"] }).flatMap(([path, item]) =>
      Object.keys(item).map((method) => ({ method, segments: segmentsOf(base + path) })),
    );
    return { spec, paths };
  });
}

const isVariable = (s: string): boolean => s.startsWith(":") || s.startsWith("{") || s.includes("*") || s.includes("(");

function uriMatches(uri: string[], spec: string[]): boolean {
  return uri.length === spec.length && uri.every((s, i) => s === spec[i] || isVariable(s) || isVariable(spec[i]!));
}

/** Maps scenario name → sorted spec files (empty when it could not be attributed). */
export function attributeScenarios(
  swaggerDir: string,
  specs: string[],
  routes: RouteRegistration[],
  scenarios: string[],
): Map<string, string[]> {
  const specPaths = readSpecPaths(swaggerDir, specs);
  const result = new Map<string, string[]>();
  for (const [method, uri, name] of routes) {
    const segments = segmentsOf(uri);
    const found = specPaths.filter((s) => s.paths.some((p) => p.method === method && uriMatches(segments, p.segments)));
    result.set(name, [...new Set([...(result.get(name) ?? []), ...found.map((s) => s.spec)])].sort());
  }
  // Legacy modules: literal scenario names in each module's source, and the prefix it is mounted at.
  const legacySource = readFileSync(join(packageDir, "src/legacy/legacy.ts"), "utf8");
  const fileOfVar = new Map(
    [...legacySource.matchAll(/const (\w+) = requireLegacy\("([^"]+)"\)/g)].map((m) => [m[1]!, m[2]!.replace(/\.js$/, "")]),
  );
  const prefixOfFile = new Map(
    [...legacySource.matchAll(/app\.use\("([^"]+)", new (\w+)\(/g)].map((m) => [fileOfVar.get(m[2]!) ?? m[2]!, m[1]!]),
  );
  const legacyDir = join(packageDir, "legacy/routes");
  const literals = readdirSync(legacyDir)
    .filter((f) => f.endsWith(".js"))
    .map((f) => {
      const text = readFileSync(join(legacyDir, f), "utf8");
      return {
        file: f.replace(/\.js$/, ""),
        names: new Set([...text.matchAll(/["'`]([A-Za-z][A-Za-z0-9_]{2,})["'`]/g)].map((m) => m[1]!)),
      };
    });
  const specsUnder = (prefix: string): string[] =>
    prefix === "/"
      ? []
      : specPaths
          .filter((s) => s.paths.some((p) => `/${p.segments.join("/")}/`.toLowerCase().startsWith(`${prefix}/`.toLowerCase())))
          .map((s) => s.spec);
  for (const name of scenarios) {
    if (result.has(name)) continue;
    let module = literals.find((l) => l.names.has(name));
    if (module === undefined) {
      // Names built at run time ("getDateTime" + scenario): the longest literal that starts the name.
      let best = 0;
      for (const l of literals) {
        for (const n of l.names) {
          if (n.length >= 8 && n.length > best && name.startsWith(n)) {
            best = n.length;
            module = l;
          }
        }
      }
    }
    const prefix = module === undefined ? undefined : prefixOfFile.get(module.file);
    result.set(name, prefix === undefined ? [] : specsUnder(prefix).sort());
  }
  return result;
}
