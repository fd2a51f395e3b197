/**
 * validation.json against the test server's /validation routes: constants in the path and in the body
 * are sent. (Its constraint operations are not exercised: the generated client leaves ranges, lengths
 * and patterns to the service, and the server has no route for them.)
 */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { settle } from "./errors.js";

export function validationSuite(harness: () => Harness): void {
  describe("validation", () => {
    it("getWithConstantInPath: the constant path parameter is no argument and is written into the path", async () => {
      const h = harness();
      const m = await h.load("validation.json");
      const sent: string[] = [];
      expect(
        await settle(
          m["getWithConstantInPath"]!(h.context(), { onResponse: (r: { request: { url: string } }) => sent.push(r.request.url) }),
        ),
      ).toStrictEqual({
        value: undefined,
      });
      expect(sent).toEqual([`${h.url}/validation/constantsInPath/constant/value`]);
    });

    it("postWithConstantInBody: the body's constant properties are sent, and the echoed Product is read back", async () => {
      const h = harness();
      const m = await h.load("validation.json");
      const body = {
        constString: "constant",
        constInt: 0,
        child: { constProperty: "constant" },
        constChild: { constProperty: "constant", constProperty2: "constant2" },
      };
      expect(await settle(m["postWithConstantInBody"]!(h.context(), { body }))).toStrictEqual({
        value: {
          child: { constProperty: "constant" },
          constChild: { constProperty: "constant", constProperty2: "constant2" },
          constInt: 0,
          constString: "constant",
        },
      });
    });
  });
}
