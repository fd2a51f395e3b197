/**
 * OpenAPI 3 `components.securitySchemes` → Swagger 2 `securityDefinitions`: API keys as they are,
 * HTTP basic as `basic`, OAuth 2 as its first flow's Swagger 2 flow with the scopes of all its flows
 * (a token credential hides how the token is obtained; the scopes are what it is asked for), HTTP
 * bearer as an `Authorization` header API key marked `x-openapi3-http-scheme: "bearer"` (sent as
 * `Bearer <key>`; Swagger 2 cannot say it). OpenID Connect and other HTTP schemes are refused.
 */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { extensionsOf, isObject, refuse, remember, type ReadContext } from "./context.js";
import { escape } from "./schemas.js";

const FLOWS: Record<string, string> = {
  implicit: "implicit",
  password: "password",
  clientCredentials: "application",
  authorizationCode: "accessCode",
};

export function convertSecuritySchemes(ctx: ReadContext, schemes: JsonValue | undefined): JsonObject | undefined {
  if (!isObject(schemes)) return undefined;
  const out: JsonObject = {};
  for (const [name, scheme] of Object.entries(schemes)) {
    const at = `/components/securitySchemes/${escape(name)}`;
    remember(ctx, `/securityDefinitions/${escape(name)}`, at);
    if (!isObject(scheme)) continue;
    remember(ctx, `/securityDefinitions/${escape(name)}`, at);
    if (scheme["$ref"] !== undefined) refuse(ctx, at, "a security scheme $ref");
    const described: JsonObject = typeof scheme["description"] === "string" ? { description: scheme["description"] } : {};
    if (scheme["type"] === "apiKey")
      out[name] = {
        type: "apiKey",
        name: scheme["name"] as JsonValue,
        in: scheme["in"] as JsonValue,
        ...described,
        ...extensionsOf(scheme),
      };
    else if (scheme["type"] === "http" && String(scheme["scheme"]).toLowerCase() === "basic")
      out[name] = { type: "basic", ...described, ...extensionsOf(scheme) };
    else if (scheme["type"] === "http" && String(scheme["scheme"]).toLowerCase() === "bearer")
      out[name] = {
        type: "apiKey",
        name: "Authorization",
        in: "header",
        "x-openapi3-http-scheme": "bearer",
        ...described,
        ...extensionsOf(scheme),
      };
    else if (scheme["type"] === "oauth2" && isObject(scheme["flows"])) {
      const flows = Object.entries(scheme["flows"]).filter(([key]) => !key.startsWith("x-"));
      if (flows.length === 0) refuse(ctx, `${at}/flows`, "an oauth2 scheme without flows");
      for (const [flowName] of flows)
        if (FLOWS[flowName] === undefined) refuse(ctx, `${at}/flows/${escape(flowName)}`, `the oauth2 flow "${flowName}"`);
      const [flowName, flow] = flows[0] as [string, JsonObject];
      const swaggerFlow = FLOWS[flowName] as string;
      const scopes: JsonObject = {};
      for (const [, each] of flows) {
        const listed = isObject(each) && isObject(each["scopes"]) ? each["scopes"] : {};
        for (const [scope, text] of Object.entries(listed)) if (!(scope in scopes)) scopes[scope] = text as JsonValue;
      }
      const oauth: JsonObject = {
        type: "oauth2",
        flow: swaggerFlow,
        ...(flow["authorizationUrl"] !== undefined ? { authorizationUrl: flow["authorizationUrl"] as JsonValue } : {}),
        ...(flow["tokenUrl"] !== undefined ? { tokenUrl: flow["tokenUrl"] as JsonValue } : {}),
        scopes,
        ...described,
        ...extensionsOf(scheme),
      };
      out[name] = oauth;
    } else
      refuse(
        ctx,
        at,
        `the security scheme type "${String(scheme["type"])}${scheme["type"] === "http" ? ` ${String(scheme["scheme"])}` : ""}"`,
      );
  }
  return out;
}
