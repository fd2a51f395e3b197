import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A minified browser ESM bundle of an app that calls createUserAndToken (as in bench/client.bench.ts). */
async function browserBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { CommunicationIdentityClient } from "./src/index.js";
        export const run = (cs: string) => new CommunicationIdentityClient(cs).createUserAndToken(["chat"]);`,
      resolveDir: root,
      sourcefile: "entry.ts",
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("browser bundle", () => {
  it("holds exactly the pipeline policies the client composes: none of createPipelineFromOptions' extras", async () => {
    const code = await browserBundle();
    // Policy names are string literals that survive minification.
    const names = [...new Set(code.match(/"[A-Za-z0-9]+Policy"/g) ?? [])].sort();
    expect(names).toEqual([
      '"agentPolicy"',
      '"bearerTokenAuthenticationPolicy"',
      '"communicationHmacSha256AuthenticationPolicy"',
      '"communicationIdentityAllowInsecureConnectionPolicy"',
      '"communicationTeamsExtensionUserBearerPolicy"',
      '"defaultRetryPolicy"',
      '"logPolicy"',
      '"redirectPolicy"',
      '"retryPolicy"',
      '"setClientRequestIdPolicy"',
      '"tlsPolicy"',
      '"userAgentPolicy"',
    ]);
  });
});
