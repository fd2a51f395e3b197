/** body-file.json against the test server's /files routes: binary responses come back as unread streams. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../fixtures/emit/compile.js";
import type { Harness } from "../harness.js";
import { readStreamed } from "./streams.js";

const samplePng = join(repoRoot, "node_modules/@microsoft.azure/autorest.testserver/legacy/routes/sample.png");

export function bodyFileSuite(harness: () => Harness): void {
  describe("body-file", () => {
    it("a file response is the server's bytes, read from readableStreamBody", async () => {
      const h = harness();
      const m = await h.load("body-file.json");
      const got = await readStreamed(await m["filesGetFile"]!(h.context()));
      expect(got).toStrictEqual({ blobBody: "absent", bytes: readFileSync(samplePng) });
    });

    it("an empty file response is an empty stream", async () => {
      const h = harness();
      const m = await h.load("body-file.json");
      const got = await readStreamed(await m["filesGetEmptyFile"]!(h.context()));
      expect(got).toStrictEqual({ blobBody: "absent", bytes: Buffer.alloc(0) });
    });

    it("a very large file is not buffered: the operation returns before the body is read, and the caller may stop reading", async () => {
      const h = harness();
      const m = await h.load("body-file.json");
      const result = (await m["filesGetFileLarge"]!(h.context())) as { readableStreamBody: NodeJS.ReadableStream & { destroy(): void } };
      const stream = result.readableStreamBody;
      const first = await new Promise<Buffer>((resolve, reject) => {
        stream.once("data", (chunk: Buffer) => resolve(chunk));
        stream.once("error", reject);
      });
      stream.destroy();
      // the server writes 3000 MiB of zero bytes; the first chunk is some of them
      expect(first.length > 0 && first.every((b) => b === 0)).toBe(true);
    });
  });
}
