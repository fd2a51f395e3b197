/**
 * Re-expresses azure-sdk-for-js
 * sdk/communication/communication-identity/test/public/node/getTokenWithCustomExpiration.node.spec.ts
 * (same test names). The live test allows 5% deviation from the asked lifetime; the emulator runs
 * on a fixed clock, so the expiry is checked exactly, and out-of-range lifetimes get the
 * emulator's 400 with its exact code and message (the service decides the range, not the client).
 */
import { describe, expect, it } from "vitest";
import { AUTH_MODES, CLIENTS, MINUTE, jwtClaims, serviceError, useCompatEnvironment } from "./harness.js";

const env = useCompatEnvironment();

const valid = [
  { tokenExpiresInMinutes: 60, description: "min valid" },
  { tokenExpiresInMinutes: 1440, description: "max valid" },
];
const invalid = [
  { tokenExpiresInMinutes: 59, description: "lo inval" },
  { tokenExpiresInMinutes: 1441, description: "hi inval" },
];

const outOfRange = (minutes: number) => ({
  statusCode: 400,
  code: "ValidationError",
  message: `ExpiresInMinutes value ${minutes} is invalid. Value must be within the [60, 1440] interval.`,
});

describe.each(CLIENTS)("%s", (_name, clientUnderTest) => {
  describe.each(AUTH_MODES)("Get Token With Custom Expiration [Emulator] (%s)", (_mode, useAad) => {
    const setup = (skip: (note: string) => never) => env.client(clientUnderTest, useAad, skip);

    const expectExpiry = (token: string, expiresOn: Date, minutes: number) => {
      expect(expiresOn).toBeInstanceOf(Date);
      expect(expiresOn.getTime()).toBe(env.t0 + minutes * MINUTE);
      expect(jwtClaims(token).exp).toBe((env.t0 + minutes * MINUTE) / 1000);
    };

    for (const input of valid) {
      it(`successfully gets a valid custom expiration token <${input.description}>`, async ({ skip }) => {
        const { client } = setup(skip);
        const user = await client.createUser();
        const { token, expiresOn } = await client.getToken(user, ["chat"], {
          tokenExpiresInMinutes: input.tokenExpiresInMinutes,
        });
        expectExpiry(token, expiresOn, input.tokenExpiresInMinutes);
      });
    }

    for (const input of valid) {
      it(`successfully gets user and valid custom expiration token <${input.description}>`, async ({ skip }) => {
        const { client } = setup(skip);
        const { token, expiresOn } = await client.createUserAndToken(["chat"], {
          tokenExpiresInMinutes: input.tokenExpiresInMinutes,
        });
        expectExpiry(token, expiresOn, input.tokenExpiresInMinutes);
      });
    }

    for (const input of invalid) {
      it(`throws error when attempting to issue an invalid expiration token <${input.description}>`, async ({ skip }) => {
        const { client } = setup(skip);
        const user = await client.createUser();
        const call = client.getToken(user, ["chat"], { tokenExpiresInMinutes: input.tokenExpiresInMinutes });
        expect(await serviceError(call)).toEqual(outOfRange(input.tokenExpiresInMinutes));
      });
    }

    for (const input of invalid) {
      it(`throws error when attempting to issue user and invalid expiration token <${input.description}>`, async ({ skip }) => {
        const { client } = setup(skip);
        const call = client.createUserAndToken(["chat"], { tokenExpiresInMinutes: input.tokenExpiresInMinutes });
        expect(await serviceError(call)).toEqual(outOfRange(input.tokenExpiresInMinutes));
      });
    }
  });
});
