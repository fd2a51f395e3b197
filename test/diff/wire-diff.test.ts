import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../generator/diff/cli.js";
import type { Change } from "../../generator/diff/change.js";
import { toWireContract, type WireBody, type WireCase, type WireContract, type WireRequest } from "../../generator/diff/wireContract.js";
import { diffWireContracts, WIRE_RULES } from "../../generator/diff/wireDiff.js";
import { REPO_ROOT } from "./helpers.js";

function body(text: string): WireBody {
  return { text, sha256: createHash("sha256").update(text).digest("hex") };
}

const SIGNED = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<signature>";

function request(bodyText: string | null, more: Partial<WireRequest> = {}): WireRequest {
  const b = bodyText === null ? null : body(bodyText);
  return {
    method: "POST",
    path: "/identities/u1/:issueAccessToken",
    query: { "api-version": ["2022-10-01"] },
    headers: {
      accept: "application/json",
      authorization: SIGNED,
      "content-length": String(bodyText?.length ?? 0),
      ...(bodyText === null ? {} : { "content-type": "application/json" }),
      "x-ms-content-sha256": b?.sha256 ?? "empty",
    },
    body: b,
    ...more,
  };
}

function kase(name: string, requests: WireRequest[], error?: string, call = "getToken"): WireCase {
  return error === undefined ? { name, call, requests, outcome: "ok" } : { name, call, requests, outcome: "error", error };
}

function contract(cases: WireCase[], apiVersion = "2022-10-01"): WireContract {
  return { format: "acs-wire-contract/1", sections: [{ apiVersion, cases }] };
}

/** rule, breaking, path of each change. */
function brief(changes: Change[]): Array<[string, boolean, string]> {
  return changes.map((c) => [c.rule, c.breaking, c.concerns.path]);
}

const CHAT = '{"scopes":["chat"]}';
const one = (req: WireRequest, error?: string): WireContract => contract([kase("c", [req], error)]);

describe("diff wire: one fixture pair per rule", () => {
  it("identical contracts: no change", () => {
    expect(diffWireContracts(one(request(CHAT)), one(request(CHAT)))).toEqual([]);
  });

  it("motivating case 1: an optional field now sent as null", () => {
    const changes = diffWireContracts(one(request(CHAT)), one(request('{"scopes":["chat"],"expiresInMinutes":null}')));
    expect(changes).toEqual([
      {
        breaking: true,
        rule: "wire-body-field-sent-as-null",
        message: "body.expiresInMinutes is now sent as null; it was omitted.",
        concerns: {
          kind: "body",
          path: "[2022-10-01] c #0 body.expiresInMinutes",
          operation: "POST /identities/u1/:issueAccessToken",
          direction: "input",
          new: "null",
        },
      },
    ]);
  });

  it("a value now sent as null", () => {
    const changes = diffWireContracts(one(request('{"a":1}')), one(request('{"a":null}')));
    expect(brief(changes)).toEqual([["wire-body-field-sent-as-null", true, "[2022-10-01] c #0 body.a"]]);
    expect(changes[0]?.message).toBe("body.a is now sent as null (was 1).");
  });

  it("motivating case 2: Content-Type dropped", () => {
    const before = request(CHAT);
    const { "content-type": _dropped, ...headers } = before.headers;
    const changes = diffWireContracts(one(before), one({ ...before, headers }));
    expect(brief(changes)).toEqual([["wire-header-removed", true, "[2022-10-01] c #0 header content-type"]]);
    expect(changes[0]?.message).toBe('The header content-type is no longer sent (was "application/json").');
  });

  it("header added (non-breaking) and changed (breaking)", () => {
    const before = request(CHAT);
    const after = { ...before, headers: { ...before.headers, accept: "application/xml", "x-new": "1" } };
    expect(brief(diffWireContracts(one(before), one(after)))).toEqual([
      ["wire-header-changed", true, "[2022-10-01] c #0 header accept"],
      ["wire-header-added", false, "[2022-10-01] c #0 header x-new"],
    ]);
  });

  it("body field dropped; value changed; nested and array paths", () => {
    const changes = diffWireContracts(
      one(request('{"scopes":["chat","voip"],"expiresInMinutes":60,"o":{"x":1}}')),
      one(request('{"scopes":["chat","voip.join"],"o":{"x":2}}')),
    );
    expect(brief(changes)).toEqual([
      ["wire-body-field-removed", true, "[2022-10-01] c #0 body.expiresInMinutes"],
      ["wire-body-value-changed", true, "[2022-10-01] c #0 body.o.x"],
      ["wire-body-value-changed", true, "[2022-10-01] c #0 body.scopes[1]"],
    ]);
    expect(changes.map((c) => c.message)).toEqual([
      "body.expiresInMinutes is no longer sent (was 60).",
      "body.o.x changed from 1 to 2.",
      'body.scopes[1] changed from "voip" to "voip.join".',
    ]);
  });

  it("a new field sent only when given is non-breaking; sent by every case, breaking", () => {
    const withField = '{"scopes":["chat"],"expiresInMinutes":60}';
    const before = contract([kase("plain", [request(CHAT)]), kase("expiry", [request(CHAT)])]);
    const givenOnly = contract([kase("plain", [request(CHAT)]), kase("expiry", [request(withField)])]);
    expect(brief(diffWireContracts(before, givenOnly))).toEqual([
      ["wire-body-field-added-when-given", false, "[2022-10-01] expiry #0 body.expiresInMinutes"],
    ]);
    const always = contract([kase("plain", [request(withField)]), kase("expiry", [request(withField)])]);
    expect(brief(diffWireContracts(before, always))).toEqual([
      ["wire-body-field-added-always", true, "[2022-10-01] expiry #0 body.expiresInMinutes"],
      ["wire-body-field-added-always", true, "[2022-10-01] plain #0 body.expiresInMinutes"],
    ]);
  });

  it("same JSON, other bytes: non-breaking, and the derived headers are not reported again", () => {
    const changes = diffWireContracts(one(request('{"a":1,"b":2}')), one(request('{"b":2,"a":1}')));
    expect(brief(changes)).toEqual([["wire-body-bytes-changed", false, "[2022-10-01] c #0 body"]]);
  });

  it("body added, removed, non-JSON body changed", () => {
    const noBody = request(null);
    const added = diffWireContracts(one(noBody), one({ ...noBody, body: body("{}") }));
    expect(brief(added)).toEqual([["wire-body-added", true, "[2022-10-01] c #0 body"]]);
    const removed = diffWireContracts(one({ ...noBody, body: body("{}") }), one(noBody));
    expect(brief(removed)).toEqual([["wire-body-removed", true, "[2022-10-01] c #0 body"]]);
    const text = diffWireContracts(one({ ...noBody, body: body("a=1") }), one({ ...noBody, body: body("a=2") }));
    expect(brief(text)).toEqual([["wire-body-changed", true, "[2022-10-01] c #0 body"]]);
  });

  it("method and path changed", () => {
    const before = request(CHAT);
    expect(brief(diffWireContracts(one(before), one({ ...before, method: "PUT", path: "/identities/u1/:issue" })))).toEqual([
      ["wire-method-changed", true, "[2022-10-01] c #0 method"],
      ["wire-path-changed", true, "[2022-10-01] c #0 path"],
    ]);
  });

  it("query: added, removed, changed; a new default api-version is non-breaking, a pinned one breaking", () => {
    const before = request(CHAT, { query: { "api-version": ["2022-10-01"], old: ["1"] } });
    const after = request(CHAT, { query: { "api-version": ["2023-10-01"], fresh: ["1"] } });
    expect(brief(diffWireContracts(one(before), one(after)))).toEqual([
      ["wire-query-param-changed", true, "[2022-10-01] c #0 query api-version"],
      ["wire-query-param-added", true, "[2022-10-01] c #0 query fresh"],
      ["wire-query-param-removed", true, "[2022-10-01] c #0 query old"],
    ]);
    const asDefault = diffWireContracts(contract([kase("c", [before])], "default"), contract([kase("c", [after])], "default"));
    expect(asDefault.find((c) => c.concerns.path.endsWith("api-version"))).toMatchObject({
      rule: "wire-default-api-version-changed",
      breaking: false,
      message: "The default api-version changed from 2022-10-01 to 2023-10-01.",
    });
  });

  it("requests now sent, no longer sent, count changed", () => {
    const failed = one(request(CHAT), undefined);
    const none = contract([kase("c", [], "Error: needs api-version 2022-06-01 or later.")]);
    expect(brief(diffWireContracts(none, failed))).toEqual([
      ["wire-request-now-sent", false, "[2022-10-01] c"],
      ["wire-outcome-now-ok", false, "[2022-10-01] c outcome"],
    ]);
    expect(brief(diffWireContracts(failed, none))).toEqual([
      ["wire-request-no-longer-sent", true, "[2022-10-01] c"],
      ["wire-outcome-now-error", true, "[2022-10-01] c outcome"],
    ]);
    expect(diffWireContracts(failed, none).find((c) => c.rule === "wire-request-no-longer-sent")?.message).toBe(
      "getToken no longer sends POST /identities/u1/:issueAccessToken; it fails first: Error: needs api-version 2022-06-01 or later.",
    );
    const twice = contract([kase("c", [request(CHAT), request(CHAT)])]);
    expect(brief(diffWireContracts(failed, twice))).toEqual([["wire-request-count-changed", true, "[2022-10-01] c"]]);
  });

  it("error kind changed (name or status): non-breaking; only the message changed: not reported", () => {
    const changes = diffWireContracts(contract([kase("c", [], "RestError 400: a")]), contract([kase("c", [], "RestError 404: a")]));
    expect(changes).toMatchObject([
      { rule: "wire-error-changed", breaking: false, concerns: { old: "RestError 400: a", new: "RestError 404: a" } },
    ]);
    const renamed = diffWireContracts(contract([kase("c", [], "Error: a")]), contract([kase("c", [], "ApiVersionMismatchError: a")]));
    expect(renamed.map((c) => c.rule)).toEqual(["wire-error-changed"]);
    const longerList = diffWireContracts(
      contract([
        kase(
          "c",
          [],
          "ApiVersionMismatchError: getUserDetail is not supported by api-version 2021-03-07 (supported in 2025-03-02-preview)",
        ),
      ]),
      contract([
        kase(
          "c",
          [],
          "ApiVersionMismatchError: getUserDetail is not supported by api-version 2021-03-07 (supported in 2025-03-02-preview, 2027-01-01)",
        ),
      ]),
    );
    expect(longerList).toEqual([]);
  });

  it("cases and sections added (non-breaking) and removed (breaking)", () => {
    const a = contract([kase("kept", [request(CHAT)]), kase("gone", [request(CHAT)])]);
    const b = contract([kase("kept", [request(CHAT)]), kase("new", [request(CHAT)])]);
    expect(brief(diffWireContracts(a, b))).toEqual([
      ["wire-case-removed", true, "[2022-10-01] gone"],
      ["wire-case-added", false, "[2022-10-01] new"],
    ]);
    expect(brief(diffWireContracts(a, contract(a.sections[0]?.cases ?? [], "2023-10-01")))).toEqual([
      ["wire-section-removed", true, "[2022-10-01] *"],
      ["wire-section-added", false, "[2023-10-01] *"],
    ]);
  });

  it("every rule has a fixture above (the rule table is closed)", () => {
    expect(Object.keys(WIRE_RULES).length).toBe(28);
  });
});

describe("wire contract files", () => {
  it("rejects a malformed file naming the file and JSON pointer", () => {
    const bad = {
      format: "acs-wire-contract/1",
      sections: [{ apiVersion: "default", cases: [{ name: "x", call: "createUser", requests: [{ method: "POST" }], outcome: "ok" }] }],
    };
    expect(() => toWireContract(bad, "old.json")).toThrow(
      "old.json#/sections/0/cases/0/requests/0/query: expected an object, found undefined",
    );
    expect(() => toWireContract({ format: "v0" }, "old.json")).toThrow(
      'old.json#/format: expected "acs-wire-contract/1", found string "v0"',
    );
  });
});

describe("npm run diff -- wire", () => {
  const io = (): { out: string[]; err: string[]; io: { stdout: (t: string) => void; stderr: (t: string) => void } } => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t) } };
  };

  it("Markdown for the null-field fixture pair, exit 1 with --fail-on breaking", async () => {
    const o = io();
    const code = await run(
      ["wire", "test/wire/fixtures/null-field.old.json", "test/wire/fixtures/null-field.new.json", "--fail-on", "breaking"],
      {},
      o.io,
      REPO_ROOT,
    );
    expect(code).toBe(1);
    expect(o.out.join("")).toBe(
      [
        "# Wire diff: test/wire/fixtures/null-field.old.json → test/wire/fixtures/null-field.new.json",
        "",
        "1 change: 1 breaking, 0 non-breaking.",
        "",
        "## Breaking changes",
        "",
        "| Rule | What | Message |",
        "| --- | --- | --- |",
        "| `wire-body-field-sent-as-null` | `[2022-10-01] getToken scopes=[chat] #0 body.expiresInMinutes` | body.expiresInMinutes is now sent as null; it was omitted. |",
        "",
        "## Other changes",
        "",
        "None.",
        "",
      ].join("\n"),
    );
  });

  it("--json for the Content-Type fixture pair", async () => {
    const o = io();
    const code = await run(
      ["wire", "test/wire/fixtures/content-type-dropped.old.json", "test/wire/fixtures/content-type-dropped.new.json", "--json"],
      {},
      o.io,
      REPO_ROOT,
    );
    expect(code).toBe(0);
    const parsed = JSON.parse(o.out.join("")) as { changes: Change[] };
    expect(brief(parsed.changes)).toEqual([
      ["wire-header-removed", true, "[2022-10-01] getToken scopes=[chat] #0 header content-type"],
      ["wire-header-removed", true, "[2022-10-01] getToken scopes=[chat] tokenExpiresInMinutes=60 #0 header content-type"],
    ]);
  });

  it("the checked-in contract against itself: no changes", async () => {
    const o = io();
    expect(
      await run(["wire", "review/wire-contract.json", "review/wire-contract.json", "--fail-on", "breaking"], {}, o.io, REPO_ROOT),
    ).toBe(0);
    expect(o.out.join("")).toContain("No changes.");
  });

  it("a missing or invalid file exits 2 naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-diff-"));
    writeFileSync(join(dir, "bad.json"), "{");
    const o = io();
    expect(await run(["wire", "nope.json", "review/wire-contract.json"], {}, o.io, REPO_ROOT)).toBe(2);
    expect(o.err.join("")).toBe("error: nope.json#: cannot read the wire contract (ENOENT)\n");
    const p = io();
    expect(await run(["wire", join(dir, "bad.json"), "review/wire-contract.json"], {}, p.io, REPO_ROOT)).toBe(2);
    expect(p.err.join("")).toMatch(/^error: .*bad\.json#: not valid JSON: /);
  });
});

describe("generator/diff/README.md wire section", () => {
  it("lists exactly the rules of WIRE_RULES, in order, with the same classification", () => {
    const text = readFileSync(join(REPO_ROOT, "generator", "diff", "README.md"), "utf8");
    const rows = [...text.matchAll(/^\| `(wire-[a-z-]+)` \| (breaking|non-breaking) \|/gm)].map((m) => [m[1], m[2] === "breaking"]);
    expect(rows).toEqual(Object.entries(WIRE_RULES));
  });
});
