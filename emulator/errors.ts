/** Service-shaped error replies: `{"error":{"code","message","target"?}}`. */

/** Brand that tells a Reply from a request body that happens to have a `status` field. */
export const REPLY: unique symbol = Symbol("reply");

export interface Reply {
  readonly [REPLY]: true;
  readonly status: number;
  /** JSON body; undefined means no body (204). */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Errors are sent as `application/json`, successes with `; charset=utf-8`. */
  readonly isError?: boolean;
}

export function errorReply(status: number, code: string, message: string, target?: string, headers?: Record<string, string>): Reply {
  const error: { code: string; message: string; target?: string } = { code, message };
  if (target !== undefined) error.target = target;
  return { [REPLY]: true, status, body: { error }, isError: true, ...(headers ? { headers } : {}) };
}

export function validationError(message: string, target?: string): Reply {
  return errorReply(400, "ValidationError", message, target);
}

export function ok(body: unknown, status = 200): Reply {
  return { [REPLY]: true, status, body };
}

export const noContent: Reply = { [REPLY]: true, status: 204 };

export function isReply(value: unknown): value is Reply {
  return typeof value === "object" && value !== null && REPLY in value;
}
