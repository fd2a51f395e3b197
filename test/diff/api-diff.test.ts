/**
 * `diff api`: every rule of API_RULES on fixture report pairs (test/fixtures/api/<case>/{old,new}.api.md)
 * with exact messages, the real report diffed with itself, the CLI's Markdown/JSON/exit codes, bad input.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runApiDiff } from "../../generator/diff/apiCommand.js";
import { isOpenUnion, parseApiReport } from "../../generator/diff/apiModel.js";
import { API_RULES, diffApiSurfaces } from "../../generator/diff/apiRules.js";
import type { Change } from "../../generator/diff/change.js";
import { run } from "../../generator/diff/cli.js";
import { GeneratorError } from "../../generator/errors.js";
import { REPO_ROOT } from "./helpers.js";

const FIXTURES = "test/fixtures/api";
const REAL_REPORT = "review/communication-identity.api.md";

function diffCase(name: string): Change[] {
  return runApiDiff(`${FIXTURES}/${name}/old.api.md`, `${FIXTURES}/${name}/new.api.md`, REPO_ROOT).changes;
}

const row = (c: Change): [string, boolean, string, string] => [c.rule, c.breaking, c.concerns.path, c.message];

/** Exact [rule, breaking, path, message] rows per fixture pair, in the diff's sorted order. */
const EXPECTED: Record<string, Array<[string, boolean, string, string]>> = {
  exports: [
    ["type-alias-changed", true, "Alias", "Type alias Alias changed from string to number."],
    [
      "reexport-source-changed",
      true,
      "AzureKeyCredential",
      "AzureKeyCredential is now re-exported from @azure/core-credentials instead of @azure/core-auth.",
    ],
    ["export-removed", true, "Gone", "Export Gone (interface) was removed."],
    ["const-type-changed", true, "LIMIT", "Type of LIMIT changed from number to string."],
    ["const-value-changed", false, "SDK_VERSION", 'Value of SDK_VERSION changed from "1.0.0" to "1.1.0".'],
    ["export-kind-changed", true, "Shape", "Export Shape changed from interface to type."],
    ["export-added", false, "createThing", "Export createThing (function) was added."],
    ["const-list-member-removed", true, "retired", 'Value "v1" was removed from retired.'],
    ["const-list-member-added", false, "versions", 'Value "2027-01-01" was added to versions.'],
  ],
  "input-properties": [
    ["extends-added", false, "WidgetOptions", "WidgetOptions now extends Other."],
    ["extends-removed", true, "WidgetOptions", "WidgetOptions no longer extends Base."],
    ["property-type-changed", true, "WidgetOptions.count", "Type of count in WidgetOptions changed from number to string."],
    ["property-added-optional", false, "WidgetOptions.extra", "Optional property extra was added to WidgetOptions."],
    ["property-made-readonly", true, "WidgetOptions.fixed", "Property fixed of WidgetOptions became readonly."],
    ["property-made-writable", false, "WidgetOptions.label", "Property label of WidgetOptions is no longer readonly."],
    [
      "property-type-widened-input",
      false,
      "WidgetOptions.mode",
      'Type of mode in input type WidgetOptions was widened from "a" to "a" | "b".',
    ],
    ["property-made-optional-input", false, "WidgetOptions.name", "Property name of input type WidgetOptions became optional."],
    [
      "property-added-required-input",
      true,
      "WidgetOptions.needed",
      "Required property needed was added to input type WidgetOptions; existing code that builds it does not set it.",
    ],
    ["property-removed", true, "WidgetOptions.removed", "Property removed was removed from WidgetOptions."],
    ["property-made-required-input", true, "WidgetOptions.size", "Property size of input type WidgetOptions became required."],
  ],
  "output-properties": [
    ["property-added-required-output", false, "Reply.created", "Required property created was added to output type Reply."],
    ["property-made-optional-output", true, "Reply.id", "Property id of output type Reply became optional; readers may now get undefined."],
    ["property-type-changed", true, "Reply.kind", 'Type of kind in Reply changed from "x" | "y" to "x" | "z".'],
    ["property-made-required-output", false, "Reply.note", "Property note of output type Reply became required."],
    ["property-type-narrowed-output", false, "Reply.state", 'Type of state in output type Reply was narrowed from "on" | "off" to "on".'],
  ],
  methods: [
    ["method-added", false, "Client.added", "Method added was added to Client."],
    ["overload-added", false, "Client.constructor", "Overload Client.constructor(endpoint: string, credential: object) was added."],
    ["overload-removed", true, "Client.constructor", "Overload Client.constructor(endpoint: string, key: string) was removed."],
    ["return-type-changed", true, "Client.find", "Return type of Client.find changed from string to number."],
    [
      "parameter-added-required",
      true,
      "Client.find(limit)",
      "Required parameter limit was added to Client.find; existing calls do not pass it.",
    ],
    ["parameter-type-changed", true, "Client.find(term)", "Type of parameter term of Client.find changed from string to RegExp."],
    ["parameter-renamed", false, "Client.get(key)", "Parameter 1 of Client.get was renamed from id to key."],
    ["parameter-added-optional", false, "Client.get(signal)", "Optional parameter signal was added to Client.get."],
    ["method-removed", true, "Client.gone", "Method gone was removed from Client."],
    [
      "parameter-type-widened",
      false,
      "Client.list(max)",
      "Type of parameter max of Client.list was widened from number to number | bigint.",
    ],
    ["parameter-added-optional", false, "Client.put(extra)", "Optional parameter extra was added to Client.put."],
    ["parameter-made-required", true, "Client.put(value)", "Parameter value of Client.put became required."],
    ["parameter-removed", true, "Client.stop(reason)", "Parameter reason of Client.stop was removed."],
    ["parameter-added-optional", false, "parse(mode)", "Optional parameter mode was added to parse."],
    ["parameter-made-optional", false, "parse(strict)", "Parameter strict of parse became optional."],
  ],
  unions: [
    ["union-member-removed", true, "Color", 'Member "blue" was removed from union Color; callers passing it no longer compile.'],
    ["union-member-added-closed-input", false, "Level", 'Member "max" was added to closed input union Level.'],
    ["union-member-removed-output", false, "Phase", 'Member "old" was removed from output union Phase.'],
    ["union-member-added-open", false, "Scope", 'Member "pstn" was added to open union Scope.'],
    [
      "union-member-added-closed-output",
      true,
      "Status",
      'Member "gone" was added to closed union Status, which callers may read; exhaustive checks over it break.',
    ],
  ],
  members: [
    ["enum-member-added-input", false, "InputMode.Slow", "Enum member Slow was added to input enum InputMode."],
    ["const-member-removed", true, "KnownScope.Old", "Member Old was removed from KnownScope."],
    ["const-member-added", false, "KnownScope.Pstn", 'Member Pstn ("pstn") was added to KnownScope.'],
    ["const-member-changed", true, "KnownScope.Voip", 'Member Voip of KnownScope changed from "voip" to "voip.all".'],
    ["enum-member-value-changed", true, "Result.Fail", 'Enum member Fail of Result changed from "fail" to "failed".'],
    [
      "enum-member-added-output",
      true,
      "Result.Partial",
      "Enum member Partial was added to Result, which callers may read; exhaustive switches over it break.",
    ],
    ["enum-member-removed", true, "Result.Retry", "Enum member Retry was removed from Result."],
  ],
};

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {}, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, REPO_ROOT);
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), "diff-api-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("diff api rules on fixture report pairs", () => {
  for (const [name, rows] of Object.entries(EXPECTED)) {
    it(`${name}: exact findings`, () => {
      expect(diffCase(name).map(row)).toEqual(rows);
    });
  }

  it("every rule is exercised by a fixture, and each finding's verdict is its rule's", () => {
    const seen = Object.values(EXPECTED).flat();
    expect([...new Set(seen.map((r) => r[0]))].sort()).toEqual(Object.keys(API_RULES).sort());
    for (const [rule, breaking] of seen) expect([rule, breaking]).toEqual([rule, API_RULES[rule as keyof typeof API_RULES]]);
  });

  it("reversing a pair turns additions into removals", () => {
    const back = runApiDiff(`${FIXTURES}/exports/new.api.md`, `${FIXTURES}/exports/old.api.md`, REPO_ROOT).changes;
    expect(back.filter((c) => c.rule.startsWith("export-")).map(row)).toEqual([
      ["export-added", false, "Gone", "Export Gone (interface) was added."],
      ["export-kind-changed", true, "Shape", "Export Shape changed from type to interface."],
      ["export-removed", true, "createThing", "Export createThing (function) was removed."],
    ]);
  });

  it("carries direction, model and old/new values in concerns", () => {
    const changes = diffCase("output-properties");
    expect(changes.find((c) => c.concerns.path === "Reply.state")?.concerns).toEqual({
      kind: "property",
      path: "Reply.state",
      direction: "output",
      model: "Reply",
      old: '"on" | "off"',
      new: '"on"',
    });
    expect(diffCase("methods").find((c) => c.rule === "return-type-changed")?.concerns).toEqual({
      kind: "method",
      path: "Client.find",
      model: "Client",
      old: "string",
      new: "number",
    });
  });
});

describe("generator/diff/README.md", () => {
  it("its api rule table lists exactly API_RULES, in order, with the same verdicts", () => {
    const text = readFileSync(join(REPO_ROOT, "generator", "diff", "README.md"), "utf8");
    const section = text.slice(text.indexOf("## API diff (`diff api`)"));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| (breaking|non-breaking) \|/gm)].map((m) => [m[1], m[2] === "breaking"]);
    expect(rows).toEqual(Object.entries(API_RULES));
  });
});

describe("the real report", () => {
  it("diffed with itself has no changes", () => {
    expect(runApiDiff(REAL_REPORT, REAL_REPORT, REPO_ROOT)).toEqual({
      kind: "api",
      old: { label: REAL_REPORT, file: REAL_REPORT },
      new: { label: REAL_REPORT, file: REAL_REPORT },
      changes: [],
    });
  });

  it("parses every export, with TokenScope an open union used as input", () => {
    const surface = parseApiReport(readFileSync(join(REPO_ROOT, REAL_REPORT), "utf8"), REAL_REPORT);
    expect(surface.decls.get("CommunicationIdentityClient")?.kind).toBe("class");
    expect(surface.decls.get("RestError")).toMatchObject({ kind: "re-export", from: "@azure/core-rest-pipeline" });
    const scope = surface.decls.get("TokenScope");
    expect(scope?.unionMembers).toEqual(["KnownTokenScopeValue", "string & {}"]);
    expect(isOpenUnion(scope?.unionMembers ?? [])).toBe(true);
    expect(surface.inputs.has("TokenScope")).toBe(true);
    expect(surface.outputs.has("CommunicationAccessToken")).toBe(true);
  });

  it("a new optional option and a removed method are classified on a copy of the real report", () => {
    const text = readFileSync(join(REPO_ROOT, REAL_REPORT), "utf8");
    const edited = text
      .replace("export interface CreateUserAndTokenOptions extends OperationOptions {\n", "$&    apiDiffTestOnly?: string;\n")
      .replace(/^ {4}revokeTokens\(.*\n/m, "");
    expect(edited.length).toBe(text.length + "    apiDiffTestOnly?: string;\n".length - text.match(/^ {4}revokeTokens\(.*\n/m)![0].length);
    const file = join(tmp, "edited.api.md");
    writeFileSync(file, edited);
    expect(runApiDiff(REAL_REPORT, file, REPO_ROOT).changes.map(row)).toEqual([
      [
        "method-removed",
        true,
        "CommunicationIdentityClient.revokeTokens",
        "Method revokeTokens was removed from CommunicationIdentityClient.",
      ],
      [
        "property-added-optional",
        false,
        "CreateUserAndTokenOptions.apiDiffTestOnly",
        "Optional property apiDiffTestOnly was added to CreateUserAndTokenOptions.",
      ],
    ]);
  });
});

describe("npm run diff -- api", () => {
  it("prints the Markdown report and exits 1 with --fail-on breaking", async () => {
    const { code, stdout, stderr } = await cli(
      "api",
      `${FIXTURES}/unions/old.api.md`,
      `${FIXTURES}/unions/new.api.md`,
      "--fail-on",
      "breaking",
    );
    expect([code, stderr]).toEqual([1, ""]);
    expect(stdout).toBe(
      [
        `# API diff: ${FIXTURES}/unions/old.api.md → ${FIXTURES}/unions/new.api.md`,
        "",
        "5 changes: 2 breaking, 3 non-breaking.",
        "",
        "## Breaking changes",
        "",
        "| Rule | What | Message |",
        "| --- | --- | --- |",
        '| `union-member-removed` | `Color` | Member "blue" was removed from union Color; callers passing it no longer compile. |',
        '| `union-member-added-closed-output` | `Status` | Member "gone" was added to closed union Status, which callers may read; exhaustive checks over it break. |',
        "",
        "## Other changes",
        "",
        "| Rule | What | Message |",
        "| --- | --- | --- |",
        '| `union-member-added-closed-input` | `Level` | Member "max" was added to closed input union Level. |',
        '| `union-member-removed-output` | `Phase` | Member "old" was removed from output union Phase. |',
        '| `union-member-added-open` | `Scope` | Member "pstn" was added to open union Scope. |',
        "",
      ].join("\n"),
    );
  });

  it("--json prints old, new and the changes; the real report against itself exits 0", async () => {
    const { code, stdout } = await cli("api", REAL_REPORT, REAL_REPORT, "--json", "--fail-on", "breaking");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      old: { label: REAL_REPORT, file: REAL_REPORT },
      new: { label: REAL_REPORT, file: REAL_REPORT },
      changes: [],
    });
  });

  it("exits 2 naming a missing report", async () => {
    const { code, stdout, stderr } = await cli("api", REAL_REPORT, "review/nope.api.md");
    expect([code, stdout, stderr]).toEqual([2, "", "error: review/nope.api.md#: API report not found\n"]);
  });

  it("exits 2 for a file with no ts code fence", async () => {
    const file = join(tmp, "plain.md");
    writeFileSync(file, "# Not a report\n");
    const { code, stderr } = await cli("api", file, REAL_REPORT);
    expect([code, stderr]).toEqual([2, `error: ${file}#: not an API report: no \`\`\`ts code fence found\n`]);
  });

  it("exits 2 naming the line of code that does not parse", async () => {
    const file = join(tmp, "broken.api.md");
    writeFileSync(file, "## API Report\n\n```ts\n\nexport interface A {\n    x: string;\n\n```\n");
    expect(() => parseApiReport(readFileSync(file, "utf8"), "broken.api.md")).toThrow(
      new GeneratorError("broken.api.md", "", "the report's code does not parse (line 5 of the code fence): '}' expected."),
    );
    const { code } = await cli("api", file, REAL_REPORT);
    expect(code).toBe(2);
  });
});

describe("diff api: widenings that keep every old call compiling", () => {
  const report = (code: string): string => `## API Report File for "x"\n\n\`\`\`ts\n${code}\n\`\`\`\n`;
  const diff = (before: string, after: string): Array<[string, boolean, string]> =>
    diffApiSurfaces(parseApiReport(report(before), "old.api.md"), parseApiReport(report(after), "new.api.md"))
      .filter((c) => c.concerns.kind !== "export")
      .map((c) => [c.rule, c.breaking, c.message]);

  it("an options parameter whose new type extends the old one with only optional members is widened", () => {
    const before =
      "export interface OperationOptions { abortSignal?: unknown; }\nexport class C { createUser(options?: OperationOptions): void; }";
    const after =
      "export interface OperationOptions { abortSignal?: unknown; }\nexport interface CreateUserOptions extends OperationOptions { customId?: string; }\nexport class C { createUser(options?: CreateUserOptions): void; }";
    expect(diff(before, after)).toEqual([
      [
        "parameter-type-widened",
        false,
        "Type of parameter options of C.createUser was widened from OperationOptions to CreateUserOptions.",
      ],
    ]);
    const required = after.replace("customId?: string", "customId: string");
    expect(diff(before, required)).toEqual([
      ["parameter-type-changed", true, "Type of parameter options of C.createUser changed from OperationOptions to CreateUserOptions."],
    ]);
  });

  it("string to a known-values union that stays open (`| (string & {})`) is widened", () => {
    const before = "export interface ClientOptions { apiVersion?: string; }";
    const after = 'export type ApiVersion = "a" | "b";\nexport interface ClientOptions { apiVersion?: ApiVersion | (string & {}); }';
    expect(diff(before, after)).toEqual([
      [
        "property-type-widened-input",
        false,
        "Type of apiVersion in input type ClientOptions was widened from string to ApiVersion | (string & {}).",
      ],
    ]);
  });
});
