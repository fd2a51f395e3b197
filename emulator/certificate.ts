import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";
import { CERTIFICATE_COMMON_NAME } from "./certificateName.js";

/**
 * A short-lived self-signed TLS certificate for `--https`, made at start: the
 * RSA key comes from node:crypto (fast, native) and node-forge encodes and
 * signs the X.509 certificate (Node's crypto can read certificates but cannot
 * issue them).
 */

export interface SelfSignedCertificate {
  /** The certificate, PEM; trust it as `ca` or through NODE_EXTRA_CA_CERTS. */
  readonly certificatePem: string;
  /** The private key, PKCS#8 PEM; it never leaves the emulator process. */
  readonly privateKeyPem: string;
}

/** The names a local client may use: both loopback addresses and localhost. */
const SUBJECT_ALT_NAMES = [
  { type: 7, ip: "127.0.0.1" },
  { type: 7, ip: "::1" },
  { type: 2, value: "localhost" },
];

const HOUR_MS = 3600_000;

/** Valid from one hour before `nowMs` (clock skew) until `validDays` after it. */
export function createSelfSignedCertificate(nowMs: number, validDays = 7): SelfSignedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // A positive serial (high bit clear), 16 random bytes.
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString("hex");
  cert.validity.notBefore = new Date(nowMs - HOUR_MS);
  cert.validity.notAfter = new Date(nowMs + validDays * 24 * HOUR_MS);
  const subject = [{ name: "commonName", value: CERTIFICATE_COMMON_NAME }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    { name: "subjectAltName", altNames: SUBJECT_ALT_NAMES },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { certificatePem: forge.pki.certificateToPem(cert).replace(/\r\n/g, "\n"), privateKeyPem: privateKey };
}
