import { CommunicationIdentityClient } from "@azure/communication-identity";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { access, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { runCli, spawnEmulator } from "./child.js";
import { call, signedCall } from "./helpers.js";

/**
 * `https: true` / `--https`: TLS with a self-signed certificate, so that Entra ID (TokenCredential)
 * flows run: core-rest-pipeline sends bearer tokens over https only.
 */

const BEARER = "test-entra-admin-token";

/** A TokenCredential that hands out one fixed token, and counts how often it was asked. */
class FixedTokenCredential implements TokenCredential {
  scopes: string[] = [];
  constructor(private readonly token: string) {}
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: this.token, expiresOnTimestamp: Date.now() + 3600_000 };
  }
}

let emu: RunningEmulator;
let dir: string;
beforeAll(async () => {
  emu = await startEmulator({ https: true, accessKey: "random", trustedBearerTokens: [BEARER] });
  dir = await mkdtemp(join(tmpdir(), "acs-https-"));
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

describe("startEmulator({ https: true })", () => {
  it("serves https on 127.0.0.1 with a certificate for 127.0.0.1, ::1 and localhost", () => {
    expect(emu.endpoint).toBe(`https://127.0.0.1:${emu.port}/`);
    expect(emu.connectionString).toBe(`endpoint=https://127.0.0.1:${emu.port}/;accesskey=${emu.accessKey}`);
    const pem = emu.tlsCertificatePem ?? "";
    expect(pem.startsWith("-----BEGIN CERTIFICATE-----\n")).toBe(true);
    expect(pem.endsWith("-----END CERTIFICATE-----\n")).toBe(true);
    const certificate = new X509Certificate(pem);
    expect(certificate.subjectAltName).toBe("IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:localhost");
    expect(certificate.subject).toBe("CN=ACS Identity emulator (localhost)");
    expect(certificate.ca).toBe(false);
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    const days = (Date.parse(certificate.validTo) - Date.parse(certificate.validFrom)) / 86_400_000;
    expect(Math.round(days * 24)).toBe(7 * 24 + 1);
  });

  it("has no certificate without https", async () => {
    const plain = await startEmulator();
    try {
      expect(plain.tlsCertificatePem).toBeUndefined();
      expect(plain.endpoint.startsWith("http://127.0.0.1:")).toBe(true);
    } finally {
      await plain.close();
    }
  });

  it("the official client runs createUser + getToken with a bearer token (TokenCredential)", async () => {
    const credential = new FixedTokenCredential(BEARER);
    const client = new CommunicationIdentityClient(emu.endpoint, credential, { tlsOptions: { ca: emu.tlsCertificatePem } });
    const user = await client.createUser();
    expect(user.communicationUserId.startsWith(`8:acs:${emu.resourceId}_`)).toBe(true);
    const token = await client.getToken(user, ["chat"]);
    expect(token.token.split(".")).toHaveLength(3);
    expect(credential.scopes).toContain("https://communication.azure.com//.default");
    const introspect = await call(emu.endpoint, {
      method: "POST",
      path: "/_emulator/introspect",
      body: { token: token.token },
      ca: emu.tlsCertificatePem ?? "",
    });
    expect(introspect.json).toMatchObject({ active: true, claims: { sub: user.communicationUserId, scp: "chat" } });
  });

  it("an untrusted bearer token is refused over https", async () => {
    const client = new CommunicationIdentityClient(emu.endpoint, new FixedTokenCredential("not-trusted"), {
      tlsOptions: { ca: emu.tlsCertificatePem },
      retryOptions: { maxRetries: 0 },
    });
    await expect(client.createUser()).rejects.toMatchObject({
      statusCode: 401,
      code: "Denied",
      message: "The bearer token is not trusted by the emulator.",
    });
  });

  it("HMAC signing works over https (official client with the connection string, and a raw signed call)", async () => {
    const client = new CommunicationIdentityClient(emu.connectionString, { tlsOptions: { ca: emu.tlsCertificatePem } });
    const { user, token } = await client.createUserAndToken(["voip"]);
    expect(token.split(".")).toHaveLength(3);
    await client.revokeTokens(user);
    await client.deleteUser(user);
    const raw = await signedCall(emu, "POST", "/identities?api-version=2023-10-01", {});
    expect(raw.status).toBe(201);
  });

  it("a client that does not trust the certificate fails the TLS handshake", async () => {
    const client = new CommunicationIdentityClient(emu.connectionString, { retryOptions: { maxRetries: 0 } });
    await expect(client.createUser()).rejects.toMatchObject({ code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
  });
});

/** `https.get` from a fresh Node process that trusts the emulator only through NODE_EXTRA_CA_CERTS. */
function getWithExtraCa(url: string, caFile: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = `require("node:https").get(${JSON.stringify(url)}, (res) => { let b = ""; res.on("data", (d) => (b += d)); res.on("end", () => console.log(res.statusCode, b)); }).on("error", (e) => { console.error(e.code); process.exit(1); });`;
  const child = spawn(process.execPath, ["-e", script], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

function stop(child: { process: import("node:child_process").ChildProcess }): Promise<number | null> {
  return new Promise((resolve) => {
    child.process.once("exit", (code) => resolve(code));
    child.process.kill("SIGTERM");
  });
}

describe("npm run emulator -- --https", () => {
  it("writes the certificate to a temporary folder, prints the NODE_EXTRA_CA_CERTS hint, removes it on exit", async () => {
    const child = await spawnEmulator(["--https", "--port", "0"], { ACS_EMULATOR_BEARER_TOKENS: BEARER });
    const lines = child.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`ACS Identity emulator listening on ${child.endpoint}`);
    const path = /^TLS certificate \(self-signed, new on every start\): (.+)$/.exec(lines[2] ?? "")?.[1] ?? "";
    expect(dirname(dirname(path))).toBe(tmpdir());
    expect(path.endsWith("emulator-cert.pem")).toBe(true);
    expect(lines[3]).toBe(`  trust it in Node clients: NODE_EXTRA_CA_CERTS=${path}`);
    expect(lines).toHaveLength(4);
    const health = await getWithExtraCa(`${child.endpoint}_emulator/health`, path);
    expect(health.stderr).toBe("");
    expect(health.stdout.startsWith('200 {"status":"ok"')).toBe(true);
    // The printed file is the served certificate: the official client trusts it as `ca`.
    const ca = await readFile(path, "utf8");
    const client = new CommunicationIdentityClient(child.endpoint, new FixedTokenCredential(BEARER), { tlsOptions: { ca } });
    expect((await client.createUser()).communicationUserId.startsWith("8:acs:")).toBe(true);
    expect(await stop(child)).toBe(0);
    await expect(access(dirname(path))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("with --data, writes FILE.cert.pem, replaces its own on the next start, and never a foreign file", async () => {
    const data = join(dir, "state.jsonl");
    const first = await spawnEmulator(["--https", "--data", data]);
    expect(first.stdout).toContain(`  trust it in Node clients: NODE_EXTRA_CA_CERTS=${data}.cert.pem\n`);
    const firstPem = await readFile(`${data}.cert.pem`, "utf8");
    expect(await stop(first)).toBe(0);
    expect(await readFile(`${data}.cert.pem`, "utf8")).toBe(firstPem); // kept: it sits next to the data
    const second = await spawnEmulator(["--https", "--data", data]);
    const secondPem = await readFile(`${data}.cert.pem`, "utf8");
    expect(secondPem).not.toBe(firstPem);
    expect(await stop(second)).toBe(0);

    const foreign = join(dir, "foreign.jsonl");
    await writeFile(`${foreign}.cert.pem`, "my own notes\n");
    const refused = await runCli(["--https", "--data", foreign]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `emulator failed to start: --https: ${foreign}.cert.pem exists and is not a certificate the emulator wrote; it is left as it is (move it away to start).\n`,
    );
    expect(await readFile(`${foreign}.cert.pem`, "utf8")).toBe("my own notes\n");
  });
});
