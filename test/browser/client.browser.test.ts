import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type ReceivedRequest, type RunningEmulator } from "../../emulator/index.js";
import { defaultApiVersion } from "../../src/index.js";
import type { CaughtError, ScenarioResult } from "./entry.js";

/**
 * The client in a real browser: test/browser/entry.ts is bundled by esbuild for the browser, served
 * from one origin, and run in headless Chromium against the emulator on another origin (CORS mode),
 * the way a web app would call the service.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** CI installs Chromium first (.ci/run), so there a missing browser fails; elsewhere it is a loud skip. */
const REQUIRED = (process.env.CI ?? "") !== "" && process.env.CI !== "false";
const MISSING =
  `Chromium not found at ${CHROMIUM}: the browser test needs it. Install Debian's package as root ` +
  "(`apt-get update && apt-get install -y chromium`; .ci/run does this), or set CHROMIUM_PATH.";
if (!HAVE_CHROMIUM && !REQUIRED) console.warn(`test/browser SKIPPED: ${MISSING} (with CI set, this fails)`);
const ENTRY = fileURLToPath(new URL("./entry.ts", import.meta.url));
/** Flags for this machine's closed network and a root user (see the README's Set up). */
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>identity client</title></head>
<body><script type="module">
import * as app from "./bundle.js";
globalThis.app = app;
globalThis.appReady = true;
</script></body></html>
`;

interface App {
  scenario(connectionString: string): Promise<ScenarioResult>;
  createUserError(connectionString: string): Promise<CaughtError | undefined>;
  modularScenario(connectionString: string): Promise<{ userId: string; tokens: number; expiresOn: string }>;
}

let workDir: string;
let bundle: string;
let site: Server;
let siteOrigin: string;
let emulator: RunningEmulator;
const received: ReceivedRequest[] = [];
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

beforeAll(async () => {
  if (!HAVE_CHROMIUM) {
    if (!REQUIRED) return;
    throw new Error(MISSING);
  }
  workDir = await mkdtemp(join(tmpdir(), "identity-browser-"));
  const outfile = join(workDir, "bundle.js");
  await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "esm",
    platform: "browser",
    outfile,
    logLevel: "silent",
  });
  bundle = await readFile(outfile, "utf8");

  site = createServer((req, res) => {
    if (req.url === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (req.url === "/bundle.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle);
    } else {
      res.writeHead(404).end();
    }
  });
  siteOrigin = `http://127.0.0.1:${await listen(site)}`;
  emulator = await startEmulator({ accessKey: "random", cors: true, onRequest: (r) => received.push(r) });

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${siteOrigin}/`);
  await page.waitForFunction(() => (globalThis as { appReady?: boolean }).appReady === true);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const HMAC_AUTHORIZATION = /^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=[A-Za-z0-9+/]{43}=$/;

describe.skipIf(!HAVE_CHROMIUM && !REQUIRED)("CommunicationIdentityClient in headless Chromium", () => {
  it("the browser bundle has no Node built-ins", () => {
    expect(bundle.length).toBeGreaterThan(0);
    expect(bundle.includes("node:crypto")).toBe(false);
    expect(bundle.match(/from\s*"node:[a-z_]+"|require\("node:/g)).toBeNull();
  });

  it("runs the lifecycle cross-origin, signing with Web Crypto, and maps errors", async () => {
    const result = await page.evaluate((cs) => (globalThis as unknown as { app: App }).app.scenario(cs), emulator.connectionString);
    expect(pageErrors).toEqual([]);
    expect(result.hasWebCrypto).toBe(true);

    const idPrefix = `8:acs:${emulator.resourceId}_`;
    expect(result.userId.startsWith(idPrefix)).toBe(true);
    expect(result.bothUserId.startsWith(idPrefix)).toBe(true);
    expect(result.bothUserId).not.toBe(result.userId);
    expect(result.token.split(".")).toHaveLength(3);
    expect(result.bothToken.split(".")).toHaveLength(3);
    const sixtyMinutes = result.requestedAt + 60 * 60_000;
    expect(Math.abs(Date.parse(result.tokenExpiresOn) - sixtyMinutes)).toBeLessThan(60_000);
    // createUserAndToken without an expiry: the service default, 24 h.
    expect(Math.abs(Date.parse(result.bothExpiresOn) - (result.requestedAt + 24 * 3_600_000))).toBeLessThan(60_000);

    expect(result.afterDelete).toEqual({
      name: "RestError",
      message: "Provided identity doesn't exist.",
      statusCode: 404,
      code: "IdentityNotFound",
    });
    expect(result.rejectedByService).toEqual({
      name: "RestError",
      message: "Invalid scopes - Scopes field is required.",
      statusCode: 400,
      code: "ValidationError",
    });

    // What the emulator saw: preflights from the page's origin, then HMAC-signed calls it verified
    // (an unverified one would have been a 401 and the lifecycle above would have thrown).
    const calls = received.filter((r) => r.method !== "OPTIONS");
    const preflights = received.filter((r) => r.method === "OPTIONS");
    expect(calls.map((r) => `${r.method} ${r.url.replace(/\/identities\/[^/?]+/, "/identities/{id}")}`)).toEqual([
      `POST /identities?api-version=${defaultApiVersion}`,
      `POST /identities/{id}/:issueAccessToken?api-version=${defaultApiVersion}`,
      `POST /identities?api-version=${defaultApiVersion}`,
      `POST /identities/{id}/:revokeAccessTokens?api-version=${defaultApiVersion}`,
      `DELETE /identities/{id}?api-version=${defaultApiVersion}`,
      `POST /identities/{id}/:issueAccessToken?api-version=${defaultApiVersion}`,
      `POST /identities/{id}/:issueAccessToken?api-version=${defaultApiVersion}`,
    ]);
    expect(preflights.length).toBeGreaterThan(0);
    const header = (r: ReceivedRequest, name: string): string | undefined => r.headers.find(([n]) => n === name)?.[1];
    for (const r of received) expect(header(r, "origin")).toBe(siteOrigin);
    for (const r of calls) expect(header(r, "authorization")).toMatch(HMAC_AUTHORIZATION);
  });

  it("gets the emulator's 401 when the page signs with the wrong key", async () => {
    const wrongKey = emulator.connectionString.replace(/accesskey=.*$/, `accesskey=${Buffer.alloc(64, 7).toString("base64")}`);
    const error = await page.evaluate((cs) => (globalThis as unknown as { app: App }).app.createUserError(cs), wrongKey);
    expect(error).toEqual({
      name: "RestError",
      message: "The request signature is not valid.",
      statusCode: 401,
      code: "Denied",
    });
  });

  it("runs the modular API (./api) cross-origin, HMAC-signed", async () => {
    const before = received.length;
    const requestedAt = Date.now();
    const result = await page.evaluate((cs) => (globalThis as unknown as { app: App }).app.modularScenario(cs), emulator.connectionString);
    expect(pageErrors).toEqual([]);
    expect(result.userId.startsWith(`8:acs:${emulator.resourceId}_`)).toBe(true);
    expect(result.tokens).toBe(2);
    expect(Math.abs(Date.parse(result.expiresOn) - (requestedAt + 120 * 60_000))).toBeLessThan(60_000);
    const calls = received.slice(before).filter((r) => r.method !== "OPTIONS");
    expect(calls.map((r) => `${r.method} ${r.url.replace(/\/identities\/[^/?]+/, "/identities/{id}")} ${r.body.toString("utf8")}`)).toEqual(
      [
        `POST /identities?api-version=${defaultApiVersion} {"createTokenWithScopes":["voip"]}`,
        `POST /identities/{id}/:issueAccessToken?api-version=${defaultApiVersion} {"scopes":["chat"],"expiresInMinutes":120}`,
      ],
    );
    for (const r of calls) expect(r.headers.find(([n]) => n === "authorization")?.[1]).toMatch(HMAC_AUTHORIZATION);
  });
});
