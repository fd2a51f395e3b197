/** Service-shaped error replies: `{"error":{"code","message","target"?}}`. */

export interface Reply {
  readonly status: number;
  /** JSON body; undefined means no body (204). */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Errors are sent as `application/json`, successes with `; charset=utf-8`. */
  readonly isError?: boolean;
}

export function errorReply(
  status: number,
  code: string,
  message: string,
  target?: string,
  headers?: Record<string, string>,
): Reply {
  const error: { code: string; message: string; target?: string } = { code, message };
  if (target !== undefined) error.target = target;
  return { status, body: { error }, isError: true, ...(headers ? { headers } : {}) };
}

export function validationError(message: string, target?: string): Reply {
  return errorReply(400, "ValidationError", message, target);
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

export const noContent: Reply = { status: 204 };
