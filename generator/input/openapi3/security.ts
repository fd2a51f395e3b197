/**
 * OpenAPI 3 `components.securitySchemes` → Swagger 2 `securityDefinitions`: API keys as they are,
 * HTTP basic as `basic`, OAuth 2 with one flow as its Swagger 2 flow. HTTP bearer and OpenID
 * Connect are refused (Swagger 2 cannot say them).
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
    else if (scheme["type"] === "oauth2" && isObject(scheme["flows"])) {
      const flows = Object.entries(scheme["flows"]).filter(([key]) => !key.startsWith("x-"));
      if (flows.length !== 1) refuse(ctx, `${at}/flows`, "an oauth2 scheme with several flows");
      const [flowName, flow] = flows[0] as [string, JsonObject];
      const swaggerFlow = FLOWS[flowName];
      if (swaggerFlow === undefined) refuse(ctx, `${at}/flows/${escape(flowName)}`, `the oauth2 flow "${flowName}"`);
      const oauth: JsonObject = {
        type: "oauth2",
        flow: swaggerFlow,
        ...(flow["authorizationUrl"] !== undefined ? { authorizationUrl: flow["authorizationUrl"] as JsonValue } : {}),
        ...(flow["tokenUrl"] !== undefined ? { tokenUrl: flow["tokenUrl"] as JsonValue } : {}),
        scopes: (flow["scopes"] ?? {}) as JsonValue,
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
