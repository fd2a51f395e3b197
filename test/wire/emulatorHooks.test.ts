/** The emulator options the wire recording relies on: idSeed and onRequest. */
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type ReceivedRequest, type RunningEmulator } from "../../emulator/index.js";
import { CommunicationIdentityClient } from "../../src/index.js";
import { defaultApiVersion } from "../../generated/src/index.js";

const started: RunningEmulator[] = [];
afterEach(async () => {
  for (const e of started.splice(0)) await e.close();
});

async function idsFrom(idSeed: string | undefined, count: number): Promise<string[]> {
  const emulator = await startEmulator(idSeed === undefined ? {} : { idSeed });
  started.push(emulator);
  const client = new CommunicationIdentityClient(emulator.connectionString);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await client.createUser()).communicationUserId);
  return ids;
}

describe("emulator idSeed", () => {
  it("the n-th id depends only on the seed and n (sha256 of `acs-emulator-id:<seed>:<n>`)", async () => {
    const a = await idsFrom("seed-a", 2);
    expect(await idsFrom("seed-a", 2)).toEqual(a);
    expect(a).toEqual([
      "8:acs:2320ce15-0125-9ee9-5053-b57d09018220_cef97202-0f03-30ed-71ea-fb39b00aff2b",
      "8:acs:2320ce15-0125-9ee9-5053-b57d09018220_876d419d-fca3-74cf-ad74-e27e7459e92c",
    ]);
    const b = await idsFrom("seed-b", 2);
    expect(b[0]).not.toBe(a[0]);
  });

  it("without a seed ids are random", async () => {
    const [x] = await idsFrom(undefined, 1);
    const [y] = await idsFrom(undefined, 1);
    expect(x).not.toBe(y);
  });
});

describe("emulator onRequest", () => {
  it("receives method, path and query, lower-case headers and the body bytes", async () => {
    const seen: ReceivedRequest[] = [];
    const emulator = await startEmulator({ idSeed: "hook", onRequest: (r) => seen.push(r) });
    started.push(emulator);
    const client = new CommunicationIdentityClient(emulator.connectionString);
    await client.createUserAndToken(["chat"]);
    expect(seen.length).toBe(1);
    const [request] = seen as [ReceivedRequest];
    expect([request.method, request.url, request.body.toString("utf8")]).toEqual([
      "POST",
      `/identities?api-version=${defaultApiVersion}`,
      '{"createTokenWithScopes":["chat"]}',
    ]);
    expect(request.headers.filter(([name]) => name === "content-type")).toEqual([["content-type", "application/json"]]);
    expect(request.headers.every(([name]) => name === name.toLowerCase())).toBe(true);
  });
});
