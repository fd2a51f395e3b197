import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { killHard, spawnEmulator } from "./child.js";
import { call, signedCall } from "./helpers.js";

const V = "2023-10-01";
const ORIGIN = "http://127.0.0.1:5173";
const EXPOSED = "x-ms-request-id, x-ms-client-request-id, api-supported-versions, content-type";

/** Only the CORS-related response headers, for exact comparison. */
function corsPart(headers: Record<string, string | string[] | undefined>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith("access-control-") || name === "vary"));
}

let plain: RunningEmulator;
let cors: RunningEmulator;
beforeAll(async () => {
  plain = await startEmulator({ accessKey: "random" });
  cors = await startEmulator({ accessKey: "random", cors: true });
});
afterAll(async () => {
  await plain.close();
  await cors.close();
});

describe("CORS mode off (default)", () => {
  it("adds no CORS headers and treats OPTIONS as an ordinary (unauthenticated) request", async () => {
    const preflight = await call(plain.endpoint, {
      method: "OPTIONS",
      path: `/identities?api-version=${V}`,
      headers: { origin: ORIGIN, "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(401);
    expect(preflight.json.error.code).toBe("Denied");
    expect(corsPart(preflight.headers)).toEqual({});

    const created = await signedCall(plain, "POST", `/identities?api-version=${V}`, {}, { origin: ORIGIN });
    expect(created.status).toBe(201);
    expect(corsPart(created.headers)).toEqual({});
  });
});

describe("CORS mode on", () => {
  it("answers a preflight for any path with 204, echoing the origin and the requested headers", async () => {
    const res = await call(cors.endpoint, {
      method: "OPTIONS",
      path: `/identities/8%3Aacs%3Ax/:issueAccessToken?api-version=${V}`,
      headers: {
        origin: ORIGIN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type,x-ms-content-sha256,x-ms-date",
      },
    });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(corsPart(res.headers)).toEqual({
      "access-control-allow-origin": ORIGIN,
      "access-control-expose-headers": EXPOSED,
      "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
      "access-control-allow-headers": "authorization,content-type,x-ms-content-sha256,x-ms-date",
      "access-control-max-age": "600",
      vary: "Origin",
    });
    expect(res.headers["api-supported-versions"]).toBe(cors.supportedVersionsHeader);

    const unknownPath = await call(cors.endpoint, { method: "OPTIONS", path: "/no/such/path", headers: { origin: ORIGIN } });
    expect(unknownPath.status).toBe(204);
  });

  it("allows * when the preflight has no Origin, and omits Allow-Headers when none were requested", async () => {
    const res = await call(cors.endpoint, { method: "OPTIONS", path: "/identities" });
    expect(res.status).toBe(204);
    expect(corsPart(res.headers)).toEqual({
      "access-control-allow-origin": "*",
      "access-control-expose-headers": EXPOSED,
      "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
      "access-control-max-age": "600",
    });
  });

  it("adds Allow-Origin and Expose-Headers to successes and errors, and still requires HMAC", async () => {
    const created = await signedCall(cors, "POST", `/identities?api-version=${V}`, {}, { origin: ORIGIN });
    expect(created.status).toBe(201);
    expect(corsPart(created.headers)).toEqual({
      "access-control-allow-origin": ORIGIN,
      "access-control-expose-headers": EXPOSED,
      vary: "Origin",
    });

    const unsigned = await call(cors.endpoint, {
      method: "POST",
      path: `/identities?api-version=${V}`,
      body: {},
      headers: { origin: ORIGIN },
    });
    expect(unsigned.status).toBe(401);
    expect(unsigned.json.error.code).toBe("Denied");
    expect(corsPart(unsigned.headers)).toEqual({
      "access-control-allow-origin": ORIGIN,
      "access-control-expose-headers": EXPOSED,
      vary: "Origin",
    });
  });

  it("is switched on by --cors on the command line", async () => {
    const child = await spawnEmulator(["--port", "0", "--cors"]);
    try {
      const res = await call(child.endpoint, { method: "OPTIONS", path: "/identities", headers: { origin: ORIGIN } });
      expect(res.status).toBe(204);
      expect(res.headers["access-control-allow-origin"]).toBe(ORIGIN);
    } finally {
      await killHard(child);
    }
  });
});
