import { X509Certificate } from "node:crypto";
import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CERTIFICATE_COMMON_NAME } from "./certificateName.js";

/**
 * Where the CLI's `--https` mode puts the certificate PEM for clients to trust:
 * next to the `--data` file (FILE.cert.pem) or in a fresh temporary folder. A
 * file the emulator did not write is never overwritten.
 */

export interface WrittenCertificate {
  readonly path: string;
  /** Removes what was written if it lives in a temporary folder of its own; a no-op otherwise. */
  cleanUp(): Promise<void>;
}

/** True when `pem` is a certificate this emulator made (its subject and issuer name). */
function isEmulatorCertificate(pem: string): boolean {
  try {
    const certificate = new X509Certificate(pem);
    const name = `CN=${CERTIFICATE_COMMON_NAME}`;
    return certificate.subject === name && certificate.issuer === name;
  } catch {
    return false;
  }
}

export async function writeCertificateFile(pem: string, dataFile: string | undefined): Promise<WrittenCertificate> {
  if (dataFile === undefined) {
    const dir = await mkdtemp(join(tmpdir(), "acs-emulator-"));
    const path = join(dir, "emulator-cert.pem");
    await writeFile(path, pem, { flag: "wx", mode: 0o644 });
    return { path, cleanUp: () => rm(dir, { recursive: true, force: true }) };
  }
  const path = `${dataFile}.cert.pem`;
  let existing: string | undefined;
  try {
    existing = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (existing === undefined) {
    await writeFile(path, pem, { flag: "wx", mode: 0o644 });
  } else if (isEmulatorCertificate(existing)) {
    // Ours from an earlier start: replace it atomically.
    const tmp = `${path}.tmp`;
    await writeFile(tmp, pem, { mode: 0o644 });
    await rename(tmp, path);
  } else {
    throw new Error(`--https: ${path} exists and is not a certificate the emulator wrote; it is left as it is (move it away to start).`);
  }
  return { path, cleanUp: async () => undefined };
}
