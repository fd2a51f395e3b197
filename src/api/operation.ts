import {
  ApiVersionMismatchError,
  type OperationContext,
  type OperationOptions as GeneratedOptions,
} from "../../generated/src/index.js";
import type { Pipeline } from "@azure/core-rest-pipeline";
import type { FullOperationResponse, OperationOptions } from "../models.js";
import { tracingClient } from "../tracing.js";

/** How a client operation is traced and how generated names map to the client's. */
export interface ClientMember {
  /** The client's method, e.g. `createUser`. */
  method: string;
  /** The span's name after `CommunicationIdentity-`, when not the method's (`getToken` is `issueToken`, as in the official client). */
  span?: string;
  /** The client's option name of each generated body field (`body.customId` → `customId`). */
  fields?: Record<string, string>;
}

/**
 * Runs one operation as `@azure/communication-identity` does:
 * - in a span `CommunicationIdentity-<method>` whose context the request carries (the pipeline's
 *   tracing policy adds the HTTP span under it), ended with status success or error;
 * - `onResponse(rawResponse, flatResponse, error?)` called once with the final response after
 *   deserialization, as `@azure/core-client` calls it, also when the service answers an error;
 * - an `ApiVersionMismatchError` of the generated call (thrown before sending) renamed to the
 *   client's method and option (`createUser: customId` instead of `create: body.customId`).
 */
export function operation<C extends OperationContext, T>(
  context: C,
  member: ClientMember,
  options: OperationOptions,
  call: (context: C, options: GeneratedOptions) => Promise<T>,
): Promise<T> {
  return tracingClient.withSpan(`CommunicationIdentity-${member.span ?? member.method}`, options, async (updated) => {
    const { abortSignal, requestOptions, tracingOptions, onResponse } = updated;
    // The generated call reports the raw response before deserializing; it is handed on after.
    let raw: FullOperationResponse | undefined;
    try {
      const deserialized = await call(withRequestOptions(context, updated), {
        abortSignal,
        requestOptions,
        tracingOptions,
        onResponse: (response) => void (raw = response),
      });
      // requestOptions.shouldDeserialize, as @azure/core-client has it: false (or a function
      // answering false for the response) leaves the body as parsed JSON, dates as their wire text.
      const result = raw && !shouldDeserialize(requestOptions, raw) ? (parseJson(raw.bodyAsText) as T) : deserialized;
      if (raw) onResponse?.(Object.assign(raw, { parsedBody: result }), result ?? {});
      return result;
    } catch (error) {
      if (error instanceof ApiVersionMismatchError) throw renamed(error, member);
      // As @azure/core-client: an error that carries a response (a RestError, or another error a
      // policy threw) gets `details` (the parsed error body, else {}) and is reported to onResponse.
      const failure = (error ?? {}) as { response?: FullOperationResponse; details?: unknown };
      if (failure.response) {
        failure.details ??= {};
        onResponse?.(Object.assign(failure.response, { parsedBody: failure.details }), failure.details, error);
      }
      throw error;
    }
  });
}

/**
 * The context with a pipeline that sets, on each request, what `@azure/core-client` sets on it from
 * the options: the span's context (core-rest-pipeline's `createPipelineRequest` drops its
 * `tracingOptions` option, so the tracing policy would not see the operation span),
 * `requestOptions.allowInsecureConnection` and the progress callbacks.
 */
function withRequestOptions<C extends OperationContext>(context: C, { tracingOptions, requestOptions }: OperationOptions): C {
  const pipeline: Pipeline = Object.create(context.pipeline);
  pipeline.sendRequest = (httpClient, request) => {
    request.tracingOptions = tracingOptions;
    request.onUploadProgress = requestOptions?.onUploadProgress;
    request.onDownloadProgress = requestOptions?.onDownloadProgress;
    if (requestOptions?.allowInsecureConnection) request.allowInsecureConnection = true;
    return context.pipeline.sendRequest(httpClient, request);
  };
  return { ...context, pipeline };
}

function shouldDeserialize(requestOptions: OperationOptions["requestOptions"], response: FullOperationResponse): boolean {
  const setting = requestOptions?.shouldDeserialize ?? true;
  return typeof setting === "function" ? setting(response) : setting;
}

function parseJson(text: string | null | undefined): unknown {
  return text ? JSON.parse(text) : undefined;
}

function renamed(error: ApiVersionMismatchError, member: ClientMember): ApiVersionMismatchError {
  const field = error.member.split(": ")[1];
  const name = field === undefined ? member.method : `${member.method}: ${member.fields?.[field] ?? field}`;
  return new ApiVersionMismatchError(error.apiVersion, name, error.supportedVersions);
}
