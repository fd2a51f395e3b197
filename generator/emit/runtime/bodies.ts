// Non-JSON bodies: binary request bodies and form fields, streamed binary responses. Appended to runtime.ts
// only for a spec that has them (generator/emit/bodies.ts decides), so other clients do not carry them.
// The imports below are this file's own, for typechecking it in the repository: runtime.ts already imports or
// declares these names, and the emitter drops the import lines when it appends the file.
import { createHttpHeaders, type Pipeline, type PipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import type { OperationContext, WireScalar } from "./runtime.js";

/** One part of a multipart body (core-rest-pipeline's `BodyPart`). */
type MultipartPart = NonNullable<PipelineRequest["multipartBody"]>["parts"][number];

/**
 * A binary request body or a file of a form: `Uint8Array`, `Blob`, a web `ReadableStream<Uint8Array>`, a Node.js
 * readable stream, or a function returning a stream (called when the request is sent, so a retry can resend it).
 * These are the values core-rest-pipeline sends as they are, as a whole body or as a multipart part.
 */
export type BinaryBody = MultipartPart["body"];

/**
 * A binary response body, unread: `readableStreamBody` in Node.js, `blobBody` in browsers (core-rest-pipeline's
 * `PipelineResponse` properties). The caller reads it, or cancels it to release the connection.
 */
export type BinaryResponse = Pick<PipelineResponse, "blobBody" | "readableStreamBody">;

/**
 * `context` with a pipeline that sets `parts` (a binary body, a multipart body, the statuses whose body is streamed)
 * on the first request it sends, before any policy runs (so retries keep them): `sendOperation` writes JSON and
 * text bodies only. Later requests through it (a long-running operation's polls) go without them.
 */
export function withRequestParts(context: OperationContext, parts: Partial<PipelineRequest>): OperationContext {
  let pending: Partial<PipelineRequest> | undefined = parts;
  const pipeline: Pipeline = Object.create(context.pipeline, {
    sendRequest: {
      value: (httpClient: Parameters<Pipeline["sendRequest"]>[0], request: PipelineRequest) => {
        const own = pending;
        pending = undefined;
        return context.pipeline.sendRequest(httpClient, own === undefined ? request : Object.assign(request, own));
      },
    },
  }) as Pipeline;
  return { endpoint: context.endpoint, pipeline, httpClient: context.httpClient };
}

/** One form field: a scalar, several (each sent as its own field), a file, or undefined (not sent). */
export type FormField = readonly [name: string, value: WireScalar | BinaryBody | ReadonlyArray<WireScalar | BinaryBody> | undefined];

function isScalar(value: unknown): value is WireScalar {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date;
}

function fieldValues(value: FormField[1]): Array<WireScalar | BinaryBody> {
  return value === undefined
    ? []
    : Array.isArray(value)
      ? [...(value as ReadonlyArray<WireScalar | BinaryBody>)]
      : [value as WireScalar | BinaryBody];
}

function scalarText(value: WireScalar): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** An `application/x-www-form-urlencoded` body of scalar fields, in order (undefined ones left out). */
export function formBody(fields: readonly FormField[]): string {
  const params = new URLSearchParams();
  for (const [name, value] of fields) {
    for (const item of fieldValues(value)) {
      params.append(name, isScalar(item) ? scalarText(item) : "");
    }
  }
  return params.toString();
}

/**
 * A multipart/form-data body (core-rest-pipeline's multipart policy writes it and the boundary): one part per
 * field value, a scalar as its text, a file with a `filename` (a `File`'s own name, else the field's name) and
 * `application/octet-stream` unless it is a `Blob` with a type.
 */
export function multipartFormBody(fields: readonly FormField[]): NonNullable<PipelineRequest["multipartBody"]> {
  const parts: MultipartPart[] = [];
  for (const [name, value] of fields) {
    for (const item of fieldValues(value)) {
      const headers = createHttpHeaders();
      if (isScalar(item)) {
        headers.set("Content-Disposition", `form-data; name="${name}"`);
        parts.push({ headers, body: new TextEncoder().encode(scalarText(item)) });
        continue;
      }
      const blob = typeof Blob !== "undefined" && item instanceof Blob ? item : undefined;
      const fileName = blob !== undefined && "name" in blob && typeof blob.name === "string" ? blob.name : name;
      headers.set("Content-Disposition", `form-data; name="${name}"; filename="${fileName}"`);
      headers.set("Content-Type", blob !== undefined && blob.type !== "" ? blob.type : "application/octet-stream");
      parts.push({ headers, body: item });
    }
  }
  return { parts };
}
