/** What src/ passes to the generated functions (read with the type checker), and the gaps bump reports. */
import { describe, expect, it } from "vitest";
import { srcUsage, surfaceGaps, type Addition } from "../../generator/bump/surface.js";
import { repoRoot } from "../fixtures/checkout.js";

describe("src/ usage of the generated operations", () => {
  const uses = srcUsage(repoRoot);

  it("finds each call, the body fields it may send (spreads and unions included) and its options", () => {
    const create = uses.get("communicationIdentityCreate");
    expect(create?.files).toEqual(["src/api/users.ts"]);
    expect([...(create?.bodyFields ?? [])].sort()).toEqual(["createTokenWithScopes", "customId", "expiresInMinutes"]);
    expect([...(uses.get("communicationIdentityIssueAccessToken")?.bodyFields ?? [])].sort()).toEqual(["expiresInMinutes", "scopes"]);
    expect([...(uses.get("communicationIdentityDelete")?.optionNames ?? [])].sort()).toEqual([
      "abortSignal",
      "onResponse",
      "requestOptions",
      "tracingOptions",
    ]);
  });

  it("lists additions src/ does not pass on, and removed operations it still calls", () => {
    const add = (a: Partial<Addition>): Addition => ({
      kind: "body-field",
      operation: "POST /identities",
      functionName: "communicationIdentityCreate",
      path: "p",
      rule: "r",
      ...a,
    });
    const gaps = surfaceGaps(
      "2027-01-01",
      [
        add({ name: "customId" }),
        add({ name: "displayName", path: "POST /identities body.displayName" }),
        add({ kind: "operation", operation: "POST /x", functionName: "xDo", path: "POST /x" }),
      ],
      [
        add({
          kind: "operation",
          operation: "DELETE /identities/{id}",
          functionName: "communicationIdentityDelete",
          path: "DELETE /identities/{id}",
          rule: "operation-removed",
        }),
      ],
      uses,
    );
    expect(gaps.map((g) => [g.kind, g.message])).toEqual([
      [
        "not-exposed",
        "body field displayName of POST /identities (2027-01-01): src/ calls communicationIdentityCreate (src/api/users.ts) but never passes body.displayName",
      ],
      ["not-exposed", "operation POST /x (2027-01-01): src/ never calls xDo"],
      [
        "still-used",
        "operation DELETE /identities/{id} is not in 2027-01-01, but src/ still calls communicationIdentityDelete (src/api/users.ts): at api-version 2027-01-01 that call throws ApiVersionMismatchError; decide what the client method does",
      ],
    ]);
  });
});
