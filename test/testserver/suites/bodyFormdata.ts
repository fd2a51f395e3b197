/** body-formdata.json against the test server's /formdata routes (its "optional" scenarios): multipart and binary uploads. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { readStreamed, utf8 } from "./streams.js";

export function bodyFormdataSuite(harness: () => Harness): void {
  describe("body-formdata", () => {
    it("a file form field goes as a multipart part; the server's echo of it is streamed back", async () => {
      const h = harness();
      const m = await h.load("body-formdata.json");
      const got = await readStreamed(await m["formdataUploadFile"]!(h.context(), utf8("Test file"), "UploadFile.txt"));
      expect({ ...got, bytes: got.bytes.toString("utf8") }).toStrictEqual({ blobBody: "absent", bytes: "Test file" });
    });

    it("a file sent as the whole body (application/octet-stream) comes back streamed", async () => {
      const h = harness();
      const m = await h.load("body-formdata.json");
      const got = await readStreamed(await m["formdataUploadFileViaBody"]!(h.context(), utf8("Test file")));
      expect({ ...got, bytes: got.bytes.toString("utf8") }).toStrictEqual({ blobBody: "absent", bytes: "Test file" });
    });
  });
}
