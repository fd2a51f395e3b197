import type { Duplex } from "node:stream";

/**
 * Requests Node's HTTP parser rejects before our request listener sees them
 * (the server's 'clientError' event) still get a service-shaped JSON error:
 * the status says what was wrong, and the connection is closed afterwards
 * because the parser cannot find where the next request would start.
 */

export interface ParserErrorReply {
  readonly status: number;
  readonly reason: string;
  readonly code: string;
  readonly message: string;
}

/** Undefined when there is nobody to answer (the peer reset or closed the connection). */
export function replyForParserError(error: Error & { code?: string; rawPacket?: unknown }): ParserErrorReply | undefined {
  switch (error.code) {
    case "ECONNRESET":
    case "EPIPE":
      return undefined;
    case "HPE_HEADER_OVERFLOW":
      // Node counts the request line and the headers against one limit; a request line that
      // never ended within it is a long URI.
      return requestLineEnded(error.rawPacket)
        ? {
            status: 431,
            reason: "Request Header Fields Too Large",
            code: "RequestHeaderFieldsTooLarge",
            message: "The request headers are too large.",
          }
        : { status: 414, reason: "URI Too Long", code: "RequestUriTooLong", message: "The request URI is too long." };
    case "HPE_INVALID_METHOD":
      // A well-formed method name the server does not know is 501 (RFC 9110, 15.6.2); bytes that
      // are no method name at all are a malformed request line.
      return startsWithMethodToken(error.rawPacket)
        ? { status: 501, reason: "Not Implemented", code: "MethodNotImplemented", message: "The request method is not recognized." }
        : badRequest("The request line is not valid HTTP/1.1.");
    case "HPE_UNEXPECTED_CONTENT_LENGTH":
    case "HPE_INVALID_TRANSFER_ENCODING":
    case "HPE_INVALID_CONTENT_LENGTH":
      // llhttp reports both framing headers together under either code ("... can't be present with ...").
      if (/can't be present with/.test(error.message)) {
        return badRequest("The request has both Content-Length and Transfer-Encoding.");
      }
      return badRequest(
        error.code === "HPE_INVALID_TRANSFER_ENCODING"
          ? "The request's Transfer-Encoding is not valid."
          : "The request's Content-Length is not valid.",
      );
    case "HPE_INVALID_HEADER_TOKEN":
      return badRequest("A request header name or value holds a character that is not allowed.");
    case "HPE_INVALID_URL":
      return badRequest("The request target is not valid.");
    case "HPE_INVALID_VERSION":
      return badRequest("The request's HTTP version is not valid.");
    case "HPE_INVALID_CHUNK_SIZE":
    case "HPE_STRICT":
      return badRequest("The request's chunked body is malformed.");
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, reason: "Request Timeout", code: "RequestTimeout", message: "The request was not received in time." };
    default:
      return badRequest("The request is not valid HTTP/1.1.");
  }
}

function badRequest(message: string): ParserErrorReply {
  return { status: 400, reason: "Bad Request", code: "MalformedRequest", message };
}

function startsWithMethodToken(rawPacket: unknown): boolean {
  return Buffer.isBuffer(rawPacket) && /^[A-Za-z][A-Za-z0-9_-]* /.test(rawPacket.subarray(0, 64).toString("latin1"));
}

function requestLineEnded(rawPacket: unknown): boolean {
  return Buffer.isBuffer(rawPacket) ? rawPacket.includes("\n") : true;
}

/** @param supportedVersions - the `api-supported-versions` header value. */
export function serializeParserErrorReply(reply: ParserErrorReply, supportedVersions: string): string {
  const body = JSON.stringify({ error: { code: reply.code, message: reply.message } });
  return (
    `HTTP/1.1 ${reply.status} ${reply.reason}\r\n` +
    "content-type: application/json\r\n" +
    `content-length: ${Buffer.byteLength(body)}\r\n` +
    `api-supported-versions: ${supportedVersions}\r\n` +
    "connection: close\r\n\r\n" +
    body
  );
}

/** The server's 'clientError' listener; `supportedVersions` is the `api-supported-versions` header value. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex, supportedVersions: string): void {
  const reply = replyForParserError(error);
  // A response already under way on this socket cannot be followed by another one.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (reply === undefined || !socket.writable || inFlight?.headersSent === true) {
    socket.destroy();
    return;
  }
  socket.end(serializeParserErrorReply(reply, supportedVersions));
}
