import { ApiVersionMismatchError, type OperationContext, type OperationOptions as GeneratedOptions } from "../../generated/src/index.js";
import type { FullOperationResponse, OperationOptions } from "../models.js";
import { tracingClient } from "../tracing.js";

/** The client's option name of each generated body field the api-version gates. */
const OPTION_NAMES: Record<string, string> = { "body.customId": "customId", "body.expiresInMinutes": "tokenExpiresInMinutes" };

/**
 * Runs one operation as `@azure/communication-identity` does:
 * - in a span `CommunicationIdentity-<span>` (`span`: the method's name unless given) whose context the request carries (the pipeline's
 *   tracing policy adds the HTTP span under it), ended with status success or error;
 * - `onResponse(rawResponse, flatResponse, error?)` called once with the final response after
 *   deserialization, as `@azure/core-client` calls it, also when the service answers an error;
 * - an `ApiVersionMismatchError` of the generated call (thrown before sending) renamed to the
 *   client's method and option (`createUser: customId` instead of `create: body.customId`).
 */
export function operation<C extends OperationContext, T>(
  context: C,
  method: string,
  options: OperationOptions,
  call: (context: C, options: GeneratedOptions) => Promise<T>,
  span = method,
): Promise<T> {
  return tracingClient.withSpan(`CommunicationIdentity-${span}`, options, async (updated) => {
    const { abortSignal, requestOptions, tracingOptions, onResponse } = updated;
    // The generated call reports the raw response before deserializing; it is handed on after.
    let raw: FullOperationResponse | undefined;
    try {
      const deserialized = await call(context, {
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
      if (error instanceof ApiVersionMismatchError) throw renamed(error, method);
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

function shouldDeserialize(requestOptions: OperationOptions["requestOptions"], response: FullOperationResponse): boolean {
  const setting = requestOptions?.shouldDeserialize ?? true;
  return typeof setting === "function" ? setting(response) : setting;
}

function parseJson(text: string | null | undefined): unknown {
  return text ? JSON.parse(text) : undefined;
}

function renamed(error: ApiVersionMismatchError, method: string): ApiVersionMismatchError {
  const field = error.member.split(": ")[1];
  const name = field === undefined ? method : `${method}: ${OPTION_NAMES[field] ?? field}`;
  return new ApiVersionMismatchError(error.apiVersion, name, error.supportedVersions);
}
