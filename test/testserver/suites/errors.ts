/** Shared by the error suites: what a failed operation threw, as plain values for exact comparison. */
import { inspect } from "node:util";

export interface Thrown {
  name: string;
  statusCode?: number;
  code?: string;
  message: string;
  details?: unknown;
}

/** The value an operation resolved with (`value`), or the error it threw (`thrown`). */
export async function settle(call: Promise<unknown>): Promise<{ value: unknown } | { thrown: Thrown }> {
  try {
    return { value: await call };
  } catch (e) {
    const error = e as Error & { statusCode?: number; code?: string; details?: unknown };
    return {
      thrown: {
        name: error.name,
        ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
        ...(error.code === undefined ? {} : { code: error.code }),
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      },
    };
  }
}

/** What logging an error prints: Node's inspection (RestError sanitizes it), its JSON and its string. */
export function printed(error: unknown): string {
  return `${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}\n${String(error)}`;
}
