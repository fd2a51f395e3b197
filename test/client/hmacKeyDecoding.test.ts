import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { base64ToBytes } from "../../src/base64.js";
import { hmacSigner as nodeSigner } from "../../src/nodeCryptoSigner.js";
import { hmacSigner as webSigner } from "../../src/webCryptoSigner.js";

/**
 * Access keys are decoded as Node's Buffer.from(key, "base64") decodes them, by both signers: the
 * Web Crypto signer through base64ToBytes, compared here with Buffer.from itself on many strings
 * made of base64 characters, padding, whitespace, punctuation and non-ASCII characters.
 */
const ALPHABET = "ABCXYZabcxyz0189+/-_=  \n\t\r!.,:\u00e9\u0100\u0141\u013d\u{1F600}";

/** Deterministic strings (a linear congruential generator), so a failure names a reproducible input. */
function* sampleStrings(count: number, maxLength: number): Generator<string> {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const chars = [...ALPHABET];
  for (let n = 0; n < count; n += 1) {
    let text = "";
    const length = Math.floor(next() * (maxLength + 1));
    for (let i = 0; i < length; i += 1) text += chars[Math.floor(next() * chars.length)];
    yield text;
  }
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("base64ToBytes", () => {
  it('gives the bytes Buffer.from(text, "base64") gives, for 20 000 sample strings', () => {
    const mismatches: string[] = [];
    for (const text of sampleStrings(20_000, 24)) {
      if (hex(base64ToBytes(text)) !== Buffer.from(text, "base64").toString("hex")) mismatches.push(JSON.stringify(text));
    }
    expect(mismatches).toEqual([]);
  });

  it("decodes a 64-byte key in every spelling Node accepts", () => {
    const bytes = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 251) % 256));
    const canonical = bytes.toString("base64");
    for (const spelling of [
      canonical,
      canonical.replace(/=+$/, ""),
      bytes.toString("base64url"),
      canonical.replace(/(.{10})/g, "$1\n"),
      `${canonical}garbage after the padding`,
    ]) {
      expect(hex(base64ToBytes(spelling)), spelling).toBe(bytes.toString("hex"));
    }
  });
});

describe("the two signers", () => {
  it('sign alike, as node:crypto does with Buffer.from(key, "base64"), for 300 sample keys', async () => {
    const text =
      "POST\n/identities?api-version=2023-10-01\nTue, 02 Jan 2024 03:04:05 GMT;h.example;47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    const mismatches: string[] = [];
    for (const key of sampleStrings(300, 40)) {
      const expected = createHmac("sha256", Buffer.from(key, "base64")).update(text, "utf8").digest("base64");
      const [fromNode, fromWeb] = await Promise.all([nodeSigner.hmacSha256(key)(text), webSigner.hmacSha256(key)(text)]);
      if (fromNode !== expected || fromWeb !== expected) mismatches.push(JSON.stringify({ key, fromNode, fromWeb, expected }));
    }
    expect(mismatches).toEqual([]);
  });

  it("hash alike: strings as UTF-8, bytes as given", async () => {
    for (const data of ["", "{}", '{"x":"caf\u00e9 \u{1F600}"}', new Uint8Array([0, 1, 254, 255])]) {
      const expected = (await import("node:crypto")).createHash("sha256").update(data).digest("base64");
      expect([await nodeSigner.sha256(data), await webSigner.sha256(data)]).toEqual([expected, expected]);
    }
  });
});
