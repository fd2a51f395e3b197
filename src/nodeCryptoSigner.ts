// The build compiles src/ without Node's types (types: []) so that code meant for browsers cannot
// use Node APIs by accident; this file is the Node-only exception. (Not kept in the emitted .d.ts.)
/// <reference types="node" />
import { createHash, createHmac, createSecretKey } from "node:crypto";
import type { HmacSigner } from "./hmacSigner.js";

/**
 * The HMAC signer for Node (`#hmacSigner` under the `node` condition): `node:crypto` hashes and
 * signs synchronously on the calling thread, where Node runs each Web Crypto call through its
 * thread pool at several times the CPU cost. The key is decoded with `Buffer.from(key, "base64")`,
 * as `@azure/communication-common` does on Node.
 */
export const hmacSigner: HmacSigner = {
  name: "node:crypto",
  hmacSha256(accessKey) {
    const key = createSecretKey(Buffer.from(accessKey, "base64"));
    return (text) => createHmac("sha256", key).update(text, "utf8").digest("base64");
  },
  sha256(data) {
    return typeof data === "string"
      ? createHash("sha256").update(data, "utf8").digest("base64")
      : createHash("sha256").update(data).digest("base64");
  },
};
