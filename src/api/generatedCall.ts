import { ApiVersionMismatchError } from "../../generated/src/index.js";
import type { OperationOptions } from "../models.js";

/** How a generated member maps to the client's: the method, and its option names by body field. */
export interface ClientMember {
  method: string;
  fields?: Record<string, string>;
}

/**
 * Runs a generated call; its ApiVersionMismatchError (thrown before sending) is re-thrown naming
 * the client's method and option (`createUser: customId`) instead of the generated operation and
 * body field (`create: body.customId`), keeping the versions the generated code listed.
 */
export async function asClient<T>(member: ClientMember, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ApiVersionMismatchError)) throw error;
    const field = error.member.split(": ")[1];
    const name = field === undefined ? member.method : `${member.method}: ${member.fields?.[field] ?? field}`;
    throw new ApiVersionMismatchError(error.apiVersion, name, error.supportedVersions);
  }
}

/** Only the options the generated operations understand, without undefined members. */
export function forward(options: OperationOptions): OperationOptions {
  const out: OperationOptions = {};
  if (options.abortSignal) out.abortSignal = options.abortSignal;
  if (options.requestOptions) out.requestOptions = options.requestOptions;
  if (options.onResponse) out.onResponse = options.onResponse;
  return out;
}
