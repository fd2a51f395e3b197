import type { OperationName } from "./versions.js";

/** Maps a method and decoded path to an operation of the Identity API. */

interface Route {
  readonly pattern: readonly string[];
  readonly methods: Readonly<Record<string, OperationName>>;
}

const ROUTES: readonly Route[] = [
  { pattern: ["identities"], methods: { POST: "createIdentity" } },
  { pattern: ["identities", "{id}"], methods: { GET: "getIdentity", DELETE: "deleteIdentity" } },
  { pattern: ["identities", "{id}", ":issueAccessToken"], methods: { POST: "issueAccessToken" } },
  { pattern: ["identities", "{id}", ":revokeAccessTokens"], methods: { POST: "revokeAccessTokens" } },
  { pattern: ["teamsUser", ":exchangeAccessToken"], methods: { POST: "exchangeTeamsUserToken" } },
  { pattern: ["access", "teamsExtension", ":exchangeAccessToken"], methods: { POST: "exchangeTeamsExtensionToken" } },
  {
    pattern: ["access", "teamsExtension", "tenants", "{tenantId}", "assignments", "{objectId}"],
    methods: { GET: "getAssignment", PUT: "upsertAssignment", DELETE: "deleteAssignment" },
  },
];

export type RouteMatch =
  | { readonly kind: "operation"; readonly operation: OperationName; readonly params: Record<string, string> }
  | { readonly kind: "methodNotAllowed"; readonly allow: string }
  | { readonly kind: "notFound" };

/** Split a raw path into decoded segments; undefined when the percent-encoding is broken. */
export function pathSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split("/")
      .filter((segment) => segment !== "")
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

export function matchRoute(method: string, segments: readonly string[]): RouteMatch {
  for (const route of ROUTES) {
    if (route.pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = route.pattern.every((part, i) => {
      const segment = segments[i] ?? "";
      if (part.startsWith("{")) {
        params[part.slice(1, -1)] = segment;
        return true;
      }
      return part === segment;
    });
    if (!matches) continue;
    const operation = route.methods[method];
    if (operation === undefined) return { kind: "methodNotAllowed", allow: Object.keys(route.methods).join(", ") };
    return { kind: "operation", operation, params };
  }
  return { kind: "notFound" };
}
