import { randomUUID } from "@azure/core-util";
import {
  RestError,
  createHttpHeaders,
  type HttpClient,
  type HttpMethods,
  type Pipeline,
  type PipelineRequest,
  type PipelineResponse,
} from "@azure/core-rest-pipeline";

/** Options every operation accepts. */
export interface OperationOptions {
  /** Cancels the request when signalled. */
  abortSignal?: PipelineRequest["abortSignal"];
  /** Per-request transport options. */
  requestOptions?: {
    /** Milliseconds before the request is aborted; 0 or absent means no timeout. */
    timeout?: number;
    /** Extra headers sent with this request only. */
    customHeaders?: Record<string, string>;
    /** Called as the request body is uploaded. */
    onUploadProgress?: PipelineRequest["onUploadProgress"];
    /** Called as the response body is downloaded. */
    onDownloadProgress?: PipelineRequest["onDownloadProgress"];
    /** Allows plain http for this request (the pipeline may allow it for all). */
    allowInsecureConnection?: boolean;
  };
  /** Tracing context (the caller's span): the pipeline's tracing policy parents its HTTP span to it. */
  tracingOptions?: PipelineRequest["tracingOptions"];
  /** Called with the raw response (status, headers, body text) before deserialization. */
  onResponse?: (response: PipelineResponse) => void;
}

/** Options of a long-running operation (`x-ms-long-running-operation`). */
export interface LroOperationOptions extends OperationOptions {
  /** Milliseconds between polls when the service sends no (or a zero) Retry-After; default: core-lro's 2000. */
  updateIntervalInMs?: number;
}

/** What an operation group needs from its client. */
export interface OperationContext {
  /** Base URL of the service, without a trailing slash. */
  readonly endpoint: string;
  /** Value of the api-version query parameter, when the service has one. */
  readonly apiVersion?: string;
  /** Pipeline every request goes through. */
  readonly pipeline: Pipeline;
  /** Transport the pipeline sends with. */
  readonly httpClient: HttpClient;
}

/** A value that can be written into a URL or a header. */
export type WireScalar = string | number | boolean | Date;

/**
 * How an array parameter is joined into one value (Swagger `collectionFormat`). Swagger's `multi`
 * is not a join: it repeats a query parameter once per item (`repeatQueryParameter`).
 */
export type CollectionFormat = "csv" | "ssv" | "tsv" | "pipes";

const separators: Record<CollectionFormat, string> = {
  csv: ",",
  ssv: " ",
  tsv: "\t",
  pipes: "|",
};

/** Writes one scalar the way Swagger 2.0 expects it in a URL or header. */
export function formatScalar(value: WireScalar): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * Joins an array parameter with the separator of its collection format (csv by default). A null item is an
 * empty value (`a,,b`), never the text "null".
 */
export function joinCollection(values: readonly (WireScalar | null)[], format: CollectionFormat = "csv"): string {
  return values.map((value) => (value === null || value === undefined ? "" : formatScalar(value))).join(separators[format]);
}

/** One query parameter: name and value (undefined: not sent). */
export interface QueryParameter {
  name: string;
  value: WireScalar | undefined;
}

/**
 * Swagger's `multi` collection format: one query parameter per item (`?id=a&id=b`), so none for
 * an empty array, or when `values` is undefined (not sent).
 */
export function repeatQueryParameter(name: string, values: readonly WireScalar[] | undefined): QueryParameter[] {
  return values === undefined ? [] : values.map((value) => ({ name, value }));
}

/**
 * Builds a request URL: the endpoint, the base path, the operation path with each
 * `{name}` replaced by its (already encoded) value, then the query string.
 */
export function buildRequestUrl(
  endpoint: string,
  path: string,
  pathValues: Record<string, string>,
  query: readonly QueryParameter[] = [],
): string {
  const filledPath = path.replace(/\{([^}]+)\}/g, (placeholder: string, name: string) => pathValues[name] ?? placeholder);
  const pairs: string[] = [];
  for (const { name, value } of query) {
    if (value !== undefined) {
      pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(formatScalar(value))}`);
    }
  }
  const base = endpoint.replace(/\/+$/, "") + filledPath;
  return pairs.length === 0 ? base : `${base}${base.includes("?") ? "&" : "?"}${pairs.join("&")}`;
}

/** Encodes a path parameter value as one URL path segment. */
export function encodePathValue(value: WireScalar): string {
  return encodeURIComponent(formatScalar(value));
}

/** Everything an operation method decides about its request. */
export interface OperationRequest {
  method: HttpMethods;
  url: string;
  /** Headers whose value is undefined are not sent. */
  headers: Record<string, string | undefined>;
  /** Serialized body text, when the operation sends one. */
  body?: string;
  /** Status codes the spec lists as success. */
  successStatuses: readonly number[];
}

/** A success response: its status, headers and parsed JSON body (undefined when empty). */
export interface OperationResponse {
  status: number;
  response: PipelineResponse;
  body: unknown;
}

/**
 * Sends one request through the client's pipeline. A status outside `successStatuses`
 * becomes a `RestError` carrying the service's error code and message.
 */
export async function sendOperation(
  context: OperationContext,
  operation: OperationRequest,
  options: OperationOptions,
): Promise<OperationResponse> {
  const { requestOptions = {} } = options;
  const headers = createHttpHeaders();
  for (const [name, value] of Object.entries({ ...operation.headers, ...requestOptions.customHeaders })) {
    if (value !== undefined) {
      headers.set(name, value);
    }
  }
  // A PipelineRequest is an interface: building it here, rather than with createPipelineRequest
  // (which only fills in defaults), keeps that function's class out of bundles, and carries
  // tracingOptions, which createPipelineRequest does not copy (the tracing policy parents its HTTP
  // span to the caller's span through it).
  const request: PipelineRequest = {
    url: operation.url,
    method: operation.method,
    headers,
    body: operation.body,
    abortSignal: options.abortSignal,
    timeout: requestOptions.timeout ?? 0,
    withCredentials: false,
    requestId: randomUUID(),
    onUploadProgress: requestOptions.onUploadProgress,
    onDownloadProgress: requestOptions.onDownloadProgress,
    allowInsecureConnection: requestOptions.allowInsecureConnection,
    tracingOptions: options.tracingOptions,
  };
  const response = await context.pipeline.sendRequest(context.httpClient, request);
  options.onResponse?.(response);
  const { status, bodyAsText } = response;
  const isSuccess = operation.successStatuses.includes(status);
  let body: unknown;
  try {
    body = bodyAsText ? (JSON.parse(bodyAsText) as unknown) : undefined;
  } catch {
    // An error status gives the service's error either way (its details undefined).
    if (isSuccess) {
      throw new RestError(`The response body of status ${status} is not valid JSON`, {
        code: RestError.PARSE_ERROR,
        statusCode: status,
        request: response.request,
        response,
      });
    }
  }
  if (!isSuccess) {
    throw createServiceError(response, body);
  }
  return { status, response, body };
}

/**
 * Turns a non-success response into a `RestError` whose `details` is the parsed body (undefined
 * when empty or not JSON). The service's `error.code` and `error.message` are used when they are
 * strings, else a top-level `code` and `message` (services that are not Azure-shaped); any other body
 * (not JSON, empty, another shape) still gives an error naming the status. Nothing else of the body
 * goes into the message (it may hold keys), nor into what logging the error prints.
 */
export function createServiceError(response: PipelineResponse, details: unknown): RestError {
  type ServiceError = { code?: unknown; message?: unknown };
  // Any JSON value may be read this way: a primitive, an array or null has no `error` object.
  const { code, message } = ((details as { error?: ServiceError } | null | undefined)?.error ?? details ?? {}) as ServiceError;
  const error = new RestError(typeof message === "string" ? message : `The service responded with status ${response.status}`, {
    code: typeof code === "string" ? code : undefined,
    statusCode: response.status,
    request: response.request,
    response,
  });
  // Not enumerable, as `request` and `response` are not: logging the error (util.inspect, JSON.stringify)
  // leaves out the body, which may hold keys or tokens besides the message. RestError declares `details`
  // as a field, so it stays writable.
  Object.defineProperty(error, "details", { value: details, enumerable: false });
  return error;
}

/** Throws a TypeError naming `path` when a required value is missing. */
export function assertPresent(value: unknown, path: string): void {
  if (value === undefined || value === null) {
    throw new TypeError(`${path} is required`);
  }
}

/** Reads an ISO 8601 / RFC 1123 date from the wire; an unparsable value gives an Invalid Date instead of throwing. */
export function parseDate(value: string): Date {
  return new Date(value);
}

/**
 * Reads an RFC 1123 date (`Mon, 01 Jan 0001 00:00:00 GMT`) field by field: `new Date` reads a year
 * below 100 as 19xx or 20xx. Anything else goes to `new Date` (an unparsable value is an Invalid Date).
 */
export function parseRfc1123Date(value: string): Date {
  const match = /^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d+)\s+(\d\d):(\d\d):(\d\d)\s+GMT$/i.exec(value);
  const month = match === null ? -1 : "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(match[2]!.toLowerCase());
  const [day = 0, year = 0, hours = 0, minutes = 0, seconds = 0] =
    match === null ? [] : [1, 3, 4, 5, 6].map((index) => Number(match[index]));
  if (month % 3 !== 0 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59) {
    return new Date(value);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month / 3, day);
  date.setUTCHours(hours, minutes, seconds);
  return date;
}

/** Reads a Unix time (seconds) from the wire. */
export function parseUnixTime(value: number): Date {
  return new Date(value * 1000);
}

/** Writes a date as the given Swagger format expects. */
export function formatDate(value: Date, format: "date-time" | "date-time-rfc1123" | "date"): string {
  switch (format) {
    case "date-time":
      return value.toISOString();
    case "date-time-rfc1123":
      return value.toUTCString();
    case "date":
      return value.toISOString().slice(0, 10);
  }
}

/** Writes a date as Unix time (whole seconds). */
export function formatUnixTime(value: Date): number {
  return Math.floor(value.getTime() / 1000);
}

/** Encodes bytes as base64 (or base64url without padding). */
export function encodeBytes(value: Uint8Array, format: "byte" | "base64url" = "byte"): string {
  let binary = "";
  for (const byte of value) {
    binary += String.fromCharCode(byte);
  }
  const encoded = btoa(binary);
  return format === "byte" ? encoded : encoded.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Decodes base64 or base64url text from the service into bytes. Text that is neither is a RestError
 * PARSE_ERROR (not the decoder's own error); the message leaves the value out (bytes may be keys).
 */
export function decodeBytes(value: string): Uint8Array {
  const standard = value
    .replace(/\s+/g, "")
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .replace(/={1,2}$/, "");
  if (!/^[A-Za-z\d+/]*$/.test(standard) || standard.length % 4 === 1) {
    throw new RestError("The service sent bytes that are not base64 or base64url", { code: RestError.PARSE_ERROR });
  }
  const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, "="));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/**
 * The own properties of `value` whose keys are not in `known`: what a model with
 * `additionalProperties` carries beyond its declared properties, passed through as they are.
 */
export function additionalProperties(value: object, known: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !known.includes(key)));
}

/**
 * Thrown before any request when the client's api-version lacks an operation, or a request field
 * (body property, optional parameter) that was given a value.
 */
export class ApiVersionMismatchError extends Error {
  override readonly name = "ApiVersionMismatchError";
  constructor(
    /** The client's (pinned) api-version. */
    readonly apiVersion: string,
    /** The operation (`issueAccessToken`) or field (`issueAccessToken: body.expiresInMinutes`). */
    readonly member: string,
    /** The generated api-versions that have it, oldest first. */
    readonly supportedVersions: readonly string[],
  ) {
    super(`${member} is not supported by api-version ${apiVersion} (supported in ${supportedVersions.join(", ")})`);
  }
}

/** Throws an ApiVersionMismatchError when `apiVersion` is not one of `supported`. */
export function assertApiVersion(apiVersion: string | undefined, member: string, supported: readonly string[]): void {
  if (apiVersion !== undefined && !supported.includes(apiVersion)) {
    throw new ApiVersionMismatchError(apiVersion, member, supported);
  }
}

/** Where `byPage()` starts, and the page size asked for (shape of @azure/core-paging's `PageSettings`). */
export interface PageSettings {
  /** A page's next link: `byPage()` starts at the page it points to instead of the first. */
  continuationToken?: string;
  /**
   * Accepted for compatibility with @azure/core-paging; not sent. The service decides the page size
   * (an operation with a page-size parameter takes it as an option).
   */
  maxPageSize?: number;
}

/**
 * The items of every page, fetched as they are read, and `byPage()` for the pages themselves
 * (shape-compatible with @azure/core-paging's `PagedAsyncIterableIterator`).
 */
export interface PagedAsyncIterableIterator<TItem, TPage = TItem[], TPageSettings extends PageSettings = PageSettings> {
  /** The next item, fetching the next page when the current one is used up. */
  next(): Promise<IteratorResult<TItem>>;
  /** The iterator itself, so `for await (const item of ...)` works. */
  [Symbol.asyncIterator](): PagedAsyncIterableIterator<TItem, TPage, TPageSettings>;
  /** The pages, starting at the first, or at the page `settings.continuationToken` links to. */
  byPage: (settings?: TPageSettings) => AsyncIterableIterator<TPage>;
}

/**
 * Builds the iterator of a pageable operation from the request of its first page and the request
 * of a page by link (the continuation token), plus where a page holds its items and its next link.
 * Nothing is sent until the first item or page is read; a page without a next link (absent or "")
 * is the last.
 */
export function createPagedIterator<TItem, TPage>(
  firstPage: () => Promise<TPage>,
  pageByLink: (nextLink: string) => Promise<TPage>,
  partsOf: (page: TPage) => { items: readonly TItem[] | null | undefined; nextLink?: string | null },
): PagedAsyncIterableIterator<TItem, TPage> {
  async function* pages(settings: PageSettings = {}): AsyncIterableIterator<TPage> {
    const token = settings.continuationToken;
    let page = await (token === undefined ? firstPage() : pageByLink(token));
    for (;;) {
      yield page;
      const nextLink = partsOf(page).nextLink;
      if (nextLink === undefined || nextLink === null || nextLink === "") {
        return;
      }
      page = await pageByLink(nextLink);
    }
  }
  async function* items(): AsyncIterableIterator<TItem> {
    for await (const page of pages()) {
      yield* partsOf(page).items ?? [];
    }
  }
  const iterator = items();
  return {
    next: () => iterator.next(),
    [Symbol.asyncIterator]() {
      return this;
    },
    byPage: (settings) => pages(settings),
  };
}

/**
 * The URL of a next link: as is when absolute, else appended to the endpoint. When the client sends
 * an api-version and the link has none, the client's is added; one the link has is kept.
 */
export function nextPageUrl(endpoint: string, nextLink: string, apiVersion?: QueryParameter): string {
  const url = /^[a-z][a-z\d+.-]*:/i.test(nextLink)
    ? nextLink
    : endpoint.replace(/\/+$/, "") + (nextLink.startsWith("/") ? "" : "/") + nextLink;
  if (apiVersion?.value === undefined || new URL(url).searchParams.has(apiVersion.name)) {
    return url;
  }
  const hash = url.indexOf("#");
  const beforeFragment = hash < 0 ? url : url.slice(0, hash);
  const query = `${encodeURIComponent(apiVersion.name)}=${encodeURIComponent(formatScalar(apiVersion.value))}`;
  const separator = beforeFragment.includes("?") ? (/[?&]$/.test(beforeFragment) ? "" : "&") : "?";
  return `${beforeFragment}${separator}${query}${hash < 0 ? "" : url.slice(hash)}`;
}

/** A response as @azure/core-lro reads it (its `LroResponse`): the parsed body, and the status, lower-case headers and body. */
export interface LroResponse {
  flatResponse: unknown;
  rawResponse: { statusCode: number; headers: Record<string, string>; body?: unknown };
}

/** A long-running operation as @azure/core-lro's `createHttpPoller` takes it (its `LongRunningOperation`). */
export interface LongRunningOperation {
  requestMethod: string;
  requestPath: string;
  sendInitialRequest: () => Promise<LroResponse>;
  sendPollRequest: (url: string, pollOptions?: { abortSignal?: OperationOptions["abortSignal"] }) => Promise<LroResponse>;
}

/** Statuses a polling request may answer with while the operation runs or when it is done. */
const pollStatuses: readonly number[] = [200, 201, 202, 204];

/**
 * Describes a long-running operation for `createHttpPoller`: `initial` is its first request; every
 * poll (and the GET of the final resource) is a GET of the URL core-lro found in the headers.
 * All of them go through the context's pipeline with the operation's options (retries, logging and
 * auth apply to polls too). A poll answered with an error status rejects with the service's error.
 */
export function longRunningOperation(
  context: OperationContext,
  initial: OperationRequest,
  options: OperationOptions,
): LongRunningOperation {
  const toLroResponse = ({ response, body }: OperationResponse): LroResponse => ({
    flatResponse: body,
    rawResponse: { statusCode: response.status, headers: response.headers.toJSON(), body },
  });
  return {
    requestMethod: initial.method,
    requestPath: initial.url,
    sendInitialRequest: async () => {
      const lroResponse = toLroResponse(await sendOperation(context, initial, options));
      const { statusCode, headers, body } = lroResponse.rawResponse;
      const resource = body as { provisioningState?: unknown; properties?: { provisioningState?: unknown } } | null | undefined;
      const state = resource?.properties?.provisioningState ?? resource?.provisioningState;
      // A PUT or PATCH answered 200 in a terminal state is done: without its polling headers, core-lro
      // reads the state from the body instead of polling a URL the service no longer serves.
      if (
        (initial.method === "PUT" || initial.method === "PATCH") &&
        statusCode === 200 &&
        /^(succeeded|failed|canceled)$/i.test(String(state))
      ) {
        const { "azure-asyncoperation": _asyncOperation, "operation-location": _operationLocation, location: _location, ...rest } = headers;
        lroResponse.rawResponse.headers = rest;
      }
      return lroResponse;
    },
    sendPollRequest: async (url, pollOptions) => {
      const absolute = /^[a-z][a-z\d+.-]*:/i.test(url)
        ? url
        : context.endpoint.replace(/\/+$/, "") + (url.startsWith("/") ? url : `/${url}`);
      const poll: OperationRequest = {
        method: "GET",
        url: absolute,
        headers: { Accept: "application/json" },
        successStatuses: pollStatuses,
      };
      return toLroResponse(
        await sendOperation(context, poll, { ...options, abortSignal: pollOptions?.abortSignal ?? options.abortSignal }),
      );
    },
  };
}
