/**
 * The credential of a generated client whose spec requires security (model `client.security`): the
 * constructor parameter, its import, and the policy the client's pipeline gets for it.
 */
import { StructureKind, type ImportDeclarationStructure } from "ts-morph";
import type { ClientSecurity } from "../model/types.js";
import { codeSpan } from "./docs.js";
import { stringLiteral } from "./text.js";

/** The credential type from `@azure/core-auth`. */
export function credentialType(security: ClientSecurity): string {
  return security.kind === "bearerToken" ? "TokenCredential" : "KeyCredential";
}

/** The `@param credential - ...` text. */
export function credentialDoc(security: ClientSecurity): string {
  return security.kind === "bearerToken"
    ? `credential - Gets the bearer token sent with every request, for the scope(s) ${security.scopes.map(codeSpan).join(", ")}.`
    : `credential - Its ${codeSpan("key")} is sent in the ${codeSpan(security.headerName)} header of every request (read per request, so an updated key applies).`;
}

export function credentialImport(security: ClientSecurity): ImportDeclarationStructure {
  return { kind: StructureKind.ImportDeclaration, moduleSpecifier: "@azure/core-auth", namedImports: [`type ${credentialType(security)}`] };
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
  return [
    "{",
    '  name: "keyCredentialHeaderPolicy",',
    "  sendRequest(request, next) {",
    `    request.headers.set(${stringLiteral(security.headerName)}, credential.key);`,
    "    return next(request);",
    "  },",
    "}",
  ].join("\n");
}
