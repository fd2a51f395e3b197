import type { IncomingMessage } from "node:http";

/** Reads a request body with a size limit and a deadline for slow senders. */

export type BodyResult =
  | { readonly kind: "ok"; readonly bytes: Buffer }
  | { readonly kind: "tooLarge" }
  | { readonly kind: "timeout" }
  | { readonly kind: "aborted" };

export function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve({ kind: "tooLarge" });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
      if (result.kind !== "ok") req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) finish({ kind: "tooLarge" });
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish({ kind: "ok", bytes: Buffer.concat(chunks) });
    const onError = (): void => finish({ kind: "aborted" });
    const onClose = (): void => finish(req.complete ? { kind: "ok", bytes: Buffer.concat(chunks) } : { kind: "aborted" });
    const timer = setTimeout(() => finish({ kind: "timeout" }), timeoutMs);
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}
