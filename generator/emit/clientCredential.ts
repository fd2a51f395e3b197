/**
 * The credential of a generated client whose spec requires security (model `client.security`): the
 * constructor parameter, its import, and the policy the client's pipeline gets for it.
 */
import { StructureKind, type ImportDeclarationStructure } from "ts-morph";
import type { ClientSecurity } from "../model/types.js";
import { codeSpan } from "./docs.js";
import { propertyAccess, propertyKey, stringLiteral } from "./text.js";

type ApiKeys = Extract<ClientSecurity, { kind: "apiKeys" }>;

/** The `@azure/core-auth` type of the credential (of each one, for several API keys). */
function coreAuthType(security: ClientSecurity): string {
  return security.kind === "bearerToken" ? "TokenCredential" : security.kind === "basic" ? "NamedKeyCredential" : "KeyCredential";
}

/** The credential's type: a `@azure/core-auth` type, or an object of one `KeyCredential` per API key sent together. */
export function credentialType(security: ClientSecurity): string {
  if (security.kind === "apiKeys" && security.keys.length > 1) {
    return `{ ${security.keys.map((k) => `${propertyKey(k.name)}: KeyCredential`).join("; ")} }`;
  }
  return coreAuthType(security);
}

/** Where one API key goes, for the docs. */
function placeOf(key: { serializedName: string; in: "header" | "query"; prefix?: string }): string {
  if (key.prefix !== undefined) return `the ${codeSpan(key.serializedName)} header (as ${codeSpan(`${key.prefix}<key>`)})`;
  return key.in === "header" ? `the ${codeSpan(key.serializedName)} header` : `the ${codeSpan(key.serializedName)} query parameter`;
}

/** The header value sent for a key: the key, or a template literal putting the prefix (`Bearer `) before it. */
function headerValue(key: string, prefix: string | undefined): string {
  return prefix === undefined ? key : `\`${prefix.replace(/[\\`$]/g, "\\$&")}\${${key}}\``;
}

/** The `@param credential - ...` text. */
export function credentialDoc(security: ClientSecurity): string {
  if (security.kind === "bearerToken") {
    return `credential - Gets the bearer token sent with every request, for the scope(s) ${security.scopes.map(codeSpan).join(", ")}.`;
  }
  if (security.kind === "basic") {
    return `credential - Its ${codeSpan("name")} (the user name) and ${codeSpan("key")} (the password) are sent in the ${codeSpan("Authorization")} header of every request, as HTTP basic authentication (read per request, so an updated credential applies).`;
  }
  if (security.kind === "keyHeader") {
    return `credential - Its ${codeSpan("key")} is sent in ${placeOf({ serializedName: security.headerName, in: "header", ...security })} of every request (read per request, so an updated key applies).`;
  }
  const [only] = security.keys;
  if (security.keys.length === 1 && only !== undefined) {
    return `credential - Its ${codeSpan("key")} is sent in ${placeOf(only)} of every request (read per request, so an updated key applies).`;
  }
  const each = security.keys.map((k) => `${codeSpan(`${k.name}.key`)} in ${placeOf(k)}`).join(", ");
  return `credential - The keys sent together with every request: ${each} (read per request, so an updated key applies).`;
}

/** The credential type's import, and for HTTP basic core-util's text and base64 encoders. */
export function credentialImports(security: ClientSecurity): ImportDeclarationStructure[] {
  const imports: ImportDeclarationStructure[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "@azure/core-auth", namedImports: [`type ${coreAuthType(security)}`] },
  ];
  if (security.kind === "basic") {
    const namedImports = ["stringToUint8Array", "uint8ArrayToString"];
    imports.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "@azure/core-util", namedImports });
  }
  return imports;
}

/** Names the client file imports from core-rest-pipeline for the credential policy. */
export function credentialPipelineImports(security: ClientSecurity): string[] {
  return security.kind === "bearerToken" ? ["bearerTokenAuthenticationPolicy"] : [];
}

/** An expression for the policy authenticating with the local `credential` (added in the Sign phase). */
export function credentialPolicy(security: ClientSecurity): string {
  if (security.kind === "bearerToken") {
    return `bearerTokenAuthenticationPolicy({ credential, scopes: [${security.scopes.map(stringLiteral).join(", ")}] })`;
  }
  if (security.kind === "apiKeys") return apiKeysPolicy(security);
  if (security.kind === "basic") return basicPolicy();
  return [
    "{",
    '  name: "keyCredentialHeaderPolicy",',
    "  sendRequest(request, next) {",
    `    request.headers.set(${stringLiteral(security.headerName)}, ${headerValue("credential.key", security.prefix)});`,
    "    return next(request);",
    "  },",
    "}",
  ].join("\n");
}

/** Checks that each key of a credential object (several API keys) is given: `credential.appKey is required`. */
export function credentialMemberChecks(security: ClientSecurity): string[] {
  if (security.kind !== "apiKeys" || security.keys.length < 2) return [];
  return security.keys.flatMap((k) => {
    const member = propertyAccess("credential", k.name);
    return [
      `if (${member} === undefined || ${member} === null) {`,
      `  throw new TypeError(${stringLiteral(`${member} is required`)});`,
      "}",
    ];
  });
}

/** Sets every API key, in its header or query parameter, on each request. */
function apiKeysPolicy(security: ApiKeys): string {
  const single = security.keys.length === 1;
  const keyOf = (name: string): string => (single ? "credential.key" : `${propertyAccess("credential", name)}.key`);
  const inQuery = security.keys.filter((k) => k.in === "query");
  return [
    "{",
    '  name: "keyCredentialPolicy",',
    "  sendRequest(request, next) {",
    ...security.keys
      .filter((k) => k.in === "header")
      .map((k) => `    request.headers.set(${stringLiteral(k.serializedName)}, ${headerValue(keyOf(k.name), k.prefix)});`),
    ...(inQuery.length === 0
      ? []
      : [
          "    const url = new URL(request.url);",
          ...inQuery.map((k) => `    url.searchParams.set(${stringLiteral(k.serializedName)}, ${keyOf(k.name)});`),
          "    request.url = url.toString();",
        ]),
    "    return next(request);",
    "  },",
    "}",
  ].join("\n");
}

/**
 * Sets `Authorization: Basic <base64 of the UTF-8 bytes of "name:key">` (RFC 7617) on each request. core-util's
 * encoders work in Node.js and browsers alike (no `Buffer`; `btoa` alone takes Latin-1 text only).
 */
function basicPolicy(): string {
  return [
    "{",
    '  name: "basicCredentialPolicy",',
    "  sendRequest(request, next) {",
    '    const userPass = stringToUint8Array(`${credential.name}:${credential.key}`, "utf-8");',
    '    request.headers.set("Authorization", `Basic ${uint8ArrayToString(userPass, "base64")}`);',
    "    return next(request);",
    "  },",
    "}",
  ].join("\n");
}
