import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Typechecks a snippet placed in test/client/ (so relative imports resolve) and returns its errors. */
function typeErrors(source: string): string[] {
  const fileName = join(root, "test", "client", "__snippet__.ts");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === fileName ? source : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  const program = ts.createProgram([fileName], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === fileName)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0]!);
}

describe("type compatibility with @azure/communication-common and the official client", () => {
  it("CommunicationUserIdentifier is assignable both ways and TokenScope accepts the official scopes", () => {
    const errors = typeErrors(`
      import type { CommunicationUserIdentifier as Common } from "@azure/communication-common";
      import type { TokenScope as OfficialScope } from "@azure/communication-identity";
      import type { CommunicationUserIdentifier as Ours } from "../../src/identifiers.js";
      import { KnownTokenScope, type TokenScope } from "../../src/tokenScope.js";
      declare const common: Common;
      declare const ours: Ours;
      declare const official: OfficialScope[];
      const a: Ours = common;
      const b: Common = ours;
      const scopes: TokenScope[] = official;
      const future: TokenScope = "some.future.scope";
      const known: OfficialScope[] = [KnownTokenScope.Chat, KnownTokenScope.Voip, KnownTokenScope.ChatJoin,
        KnownTokenScope.ChatJoinLimited, KnownTokenScope.VoipJoin];
      export { a, b, scopes, future, known };
    `);
    expect(errors).toEqual([]);
  });

  it("rejects an identifier whose id is not a string (the check above is not vacuous)", () => {
    const errors = typeErrors(`
      import type { CommunicationUserIdentifier as Ours } from "../../src/identifiers.js";
      const bad: Ours = { communicationUserId: 42 };
      export { bad };
    `);
    expect(errors).toEqual(["Type 'number' is not assignable to type 'string'."]);
  });
});
