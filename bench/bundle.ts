/**
 * The browser bundles the size target is about (issue #4), built one way for both the benchmark
 * (bench/client.bench.ts) and the budget test (test/client/bundle.test.ts): esbuild, ESM, minified,
 * platform=browser, es2022; sizes gzipped at level 9.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** An app that calls `createUserAndToken` through a client class imported from `from`. */
export const classEntry = (from: string): string => `
  import { CommunicationIdentityClient } from ${JSON.stringify(from)};
  export async function run(connectionString: string) {
    return new CommunicationIdentityClient(connectionString).createUserAndToken(["chat"]);
  }
`;

/** The same call through our modular API (one function per operation, so unused ones are left out). */
export const modularEntry = `
  import { createIdentityContextFromConnectionString, createUserAndToken } from "./src/api/index.ts";
  export async function run(connectionString: string) {
    return createUserAndToken(createIdentityContextFromConnectionString(connectionString), ["chat"]);
  }
`;

/** The minified browser bundle of an entry module (resolved from the repository root). */
export async function browserBundle(contents: string): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: "entry.ts", loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.contents;
}

export async function bundleSize(contents: string): Promise<{ minified: number; gzipped: number }> {
  const code = await browserBundle(contents);
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}
