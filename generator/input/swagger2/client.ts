/** The client's endpoint as Swagger 2 says it: `x-ms-parameterized-host`, else `host`/`basePath`/`schemes`. */
import type { ClientModel } from "../../model/types.js";
import { buildEndpoint } from "../endpoint.js";
import { type BuildContext, isObject, str } from "../jsonSchema/index.js";
import { parameterType } from "./parameters.js";

export function swagger2Endpoint(ctx: BuildContext): ClientModel["endpoint"] {
  const file = ctx.spec.entryFile;
  const doc = ctx.spec.documents[file] ?? {};
  const parameterized = doc["x-ms-parameterized-host"];
  const host = str(doc, "host");
  return buildEndpoint(
    ctx,
    {
      basePath: str(doc, "basePath") ?? "",
      schemes: doc["schemes"],
      ...(host !== undefined ? { host } : {}),
      ...(isObject(parameterized) ? { parameterized: { value: parameterized, at: { file, pointer: "/x-ms-parameterized-host" } } } : {}),
    },
    (_ctx, param, at) => ({ param, ...parameterType(param, at) }),
  );
}
