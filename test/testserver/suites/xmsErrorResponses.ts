/**
 * xms-error-responses.json against the test server's /errorStatusCodes routes: success bodies, and
 * typed error bodies per status (`x-ms-error-response` statuses, else `default`) reaching the caller as
 * the RestError's `details`.
 */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { settle } from "./errors.js";

/** None of these bodies has an Azure `error` object or a top-level `message`: the message names the status. */
const statusMessage = (status: number): string => `The service responded with status ${status}`;

export function xmsErrorResponsesSuite(harness: () => Harness): void {
  describe("xms-error-responses", () => {
    it("petGetPetById: 200 gives the Pet, 202 nothing; 404, 400 and 501 give their declared error models as details", async () => {
      const h = harness();
      const m = await h.load("xms-error-responses.json");
      const got: Record<string, unknown> = {};
      for (const petId of ["tommy", "django", "coyoteUgly", "weirdAlYankovic", "ringo", "alien123"]) {
        got[petId] = await settle(m["petGetPetById"]!(h.context(), petId));
      }
      expect(got).toStrictEqual({
        tommy: { value: { name: "Tommy Tomson", aniType: "Dog" } },
        django: { value: undefined },
        // 404: NotFoundErrorBase, told apart by whatNotFound (AnimalNotFound, LinkNotFound as "InvalidResourceLink").
        coyoteUgly: {
          thrown: {
            name: "RestError",
            statusCode: 404,
            message: statusMessage(404),
            details: {
              someBaseProp: "problem finding animal",
              reason: "the type of animal requested is not available",
              name: "coyote",
              whatNotFound: "AnimalNotFound",
            },
          },
        },
        weirdAlYankovic: {
          thrown: {
            name: "RestError",
            statusCode: 404,
            message: statusMessage(404),
            details: {
              someBaseProp: "problem finding pet",
              reason: "link to pet not found",
              whatSubAddress: "pet/yourpet was not found",
              whatNotFound: "InvalidResourceLink",
            },
          },
        },
        // 400: a string; 501: an integer.
        ringo: { thrown: { name: "RestError", statusCode: 400, message: statusMessage(400), details: "ringo is missing" } },
        alien123: { thrown: { name: "RestError", statusCode: 501, message: statusMessage(501), details: 123 } },
      });
    });

    it("petDoSomething: 200 gives the PetAction; the declared 500 and the default (a 404) give a PetActionError; the server's own 400 gives its top-level message", async () => {
      const h = harness();
      const m = await h.load("xms-error-responses.json");
      const got: Record<string, unknown> = {};
      for (const action of ["stay", "jump", "fetch", "sit"]) {
        got[action] = await settle(m["petDoSomething"]!(h.context(), action));
      }
      expect(got).toStrictEqual({
        // The server answers with a Pet; a PetAction has no required property, so it is returned as sent.
        stay: { value: { name: "Tommy Tomson", aniType: "Dog" } },
        jump: {
          thrown: {
            name: "RestError",
            statusCode: 500,
            message: statusMessage(500),
            details: { actionResponse: "grrrr", errorType: "PetSadError", errorMessage: "casper aint happy", reason: "need more treats" },
          },
        },
        fetch: {
          thrown: {
            name: "RestError",
            statusCode: 404,
            message: statusMessage(404),
            details: {
              actionResponse: "howl",
              errorType: "PetHungryOrThirstyError",
              errorMessage: "scooby is low",
              reason: "need more everything",
              hungryOrThirsty: "hungry and thirsty",
            },
          },
        },
        // Not Azure-shaped ({ message, status }): the message is the body's `message`.
        sit: {
          thrown: {
            name: "RestError",
            statusCode: 400,
            message: "Action cannot be performed sit",
            details: { message: "Action cannot be performed sit", status: 400 },
          },
        },
      });
    });

    it("petHasModelsParam: a query parameter named `models` does not disturb reading the 500's PetActionError", async () => {
      const h = harness();
      const m = await h.load("xms-error-responses.json");
      expect(await settle(m["petHasModelsParam"]!(h.context(), { models: "value1" }))).toStrictEqual({
        thrown: {
          name: "RestError",
          statusCode: 500,
          message: statusMessage(500),
          details: { actionResponse: "grrrr", errorType: "PetSadError", errorMessage: "casper aint happy", reason: "need more treats" },
        },
      });
    });

    it("petHasModelsParam without options sends the x-ms-client-default `models=value1`", async () => {
      const h = harness();
      const m = await h.load("xms-error-responses.json");
      const sent: string[] = [];
      const result = await settle(
        m["petHasModelsParam"]!(h.context(), { onResponse: (r: { request: { url: string } }) => sent.push(r.request.url) }),
      );
      expect(result).toStrictEqual({
        thrown: {
          name: "RestError",
          statusCode: 500,
          message: statusMessage(500),
          details: { actionResponse: "grrrr", errorType: "PetSadError", errorMessage: "casper aint happy", reason: "need more treats" },
        },
      });
      expect(sent).toEqual([`${h.url}/errorStatusCodes/Pets/hasModelsParam?models=value1`]);
    });
  });
}
