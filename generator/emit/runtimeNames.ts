/**
 * The names the generated support files export, in one place: what emit imports from them and what no
 * operation function may be called (`operationFunctionNames`, signature.ts). test/generator checks these
 * lists against the files in `runtime/`.
 */

/**
 * Values `src/runtime.ts` exports: runtime/runtime.ts, runtime/constraints.ts, runtime/bodies.ts and runtime/anonymous.ts
 * (the last three appended when a spec needs them).
 */
export const runtimeValueNames = [
  "additionalProperties",
  "ApiVersionMismatchError",
  "assertApiVersion",
  "assertInRange",
  "assertItemCount",
  "assertLength",
  "assertPattern",
  "assertPresent",
  "buildRequestUrl",
  "createPagedIterator",
  "createServiceError",
  "decodeBytes",
  "encodeBytes",
  "encodePathValue",
  "formatDate",
  "formatScalar",
  "formatUnixTime",
  "joinCollection",
  "longRunningOperation",
  "nextPageUrl",
  "parseDate",
  "parseRfc1123Date",
  "parseUnixTime",
  "repeatQueryParameter",
  "sendOperation",
  ...(["formBody", "multipartFormBody", "withRequestParts"] as const),
  "withoutCredential",
] as const;

export type RuntimeValueName = (typeof runtimeValueNames)[number];

/** Type of a binary request body or form file (runtime `BinaryBody`). */
export const binaryBodyType = "BinaryBody";
/** Type of a streamed binary response (runtime `BinaryResponse`). */
export const binaryResponseType = "BinaryResponse";

/** Types of `src/runtime.ts` an operations file may import. */
export type RuntimeTypeName =
  | typeof binaryBodyType
  | typeof binaryResponseType
  | "LroOperationOptions"
  | "OperationContext"
  | "OperationOptions"
  | "PagedAsyncIterableIterator";

/** Values `src/xml.ts` exports, and `xmlModels` (`src/xmlModels.ts`); only clients with XML operations have them. */
export const xmlValueNames = ["readXml", "readXmlValue", "sendXmlOperation", "writeXml", "writeXmlValue", "xmlModels"] as const;

export type XmlValueName = (typeof xmlValueNames)[number];

/** Values an operations file of a spec with long-running operations imports from `@azure/core-lro`. */
export const coreLroValueNames = ["createHttpPoller"] as const;

/** Values `src/apiVersions.ts` exports (`src/index.ts` re-exports the first two). */
export const apiVersionsValueNames = ["apiVersions", "defaultApiVersion", "resolveApiVersion"] as const;
