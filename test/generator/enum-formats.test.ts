/**
 * An `enum` on a string schema whose format the client decodes (date-time, date, RFC 1123, byte,
 * base64url) lists spellings of values, not the values: such a schema is read as its format (a Date,
 * bytes), not as a constant or a string enum whose literal the service need not send (body-datetime
 * declares "0001-01-01t00:00:00+14:00" and the test server sends "0001-01-01T00:00:00+14:00").
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import type { TypeRef } from "../../generator/model/types.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { inMemory } from "../fixtures/model/load.js";

const spec = (schemas: Record<string, JsonObject>): JsonObject => ({
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  host: "localhost",
  paths: Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      `/${name}`,
      { get: { operationId: name, responses: { "200": { description: "ok", schema } } } },
    ]),
  ),
});

const work = mkdtempSync(join(tmpdir(), "acs-gen-enum-formats-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function bodyTypes(schemas: Record<string, JsonObject>): Record<string, TypeRef | undefined> {
  const model = readCodeModel([inMemory(spec(schemas))], { clientName: "C" });
  return Object.fromEntries(model.operationGroups.flatMap((g) => g.operations).map((o) => [o.name, o.responses[0]?.bodyType]));
}

describe("enums of a decoded format", () => {
  it("a single-value enum of a date or bytes format is that format, not a constant", () => {
    expect(
      bodyTypes({
        dateTime: { type: "string", format: "date-time", enum: ["0001-01-01t00:00:00+14:00"], "x-ms-enum": { modelAsString: false } },
        date: { type: "string", format: "date", enum: ["0000-01-01"] },
        rfc1123: { type: "string", format: "date-time-rfc1123", enum: ["Sun, 1 Jan 0001 00:00:00 GMT"] },
        bytes: { type: "string", format: "byte", enum: ["AAE="] },
        base64url: { type: "string", format: "base64url", enum: ["AAE", "AAI"] },
      }),
    ).toStrictEqual({
      dateTime: { kind: "date", format: "date-time" },
      date: { kind: "date", format: "date" },
      rfc1123: { kind: "date", format: "date-time-rfc1123" },
      bytes: { kind: "bytes", format: "byte" },
      base64url: { kind: "bytes", format: "base64url" },
    });
  });

  it("other single-value enums stay constants, and other enums enums", () => {
    const types = bodyTypes({
      plain: { type: "string", enum: ["only"] },
      uuid: { type: "string", format: "uuid", enum: ["6dcc7237-45fe-45c4-8a6b-3a8a3f625652"] },
      duration: { type: "string", format: "duration", enum: ["P1D"] },
      colors: { type: "string", enum: ["red", "blue"], "x-ms-enum": { name: "Colors", modelAsString: false } },
    });
    expect(types).toStrictEqual({
      plain: { kind: "constant", value: "only" },
      uuid: { kind: "constant", value: "6dcc7237-45fe-45c4-8a6b-3a8a3f625652" },
      duration: { kind: "constant", value: "P1D" },
      colors: { kind: "enum", name: "Colors" },
    });
  });

  it("the operation returns a Date, parsed from the text sent", async () => {
    const file = join(work, "spec.json");
    writeFileSync(file, JSON.stringify(spec({ minDate: { type: "string", format: "date-time", enum: ["0001-01-01t00:00:00+14:00"] } })));
    const files = await generateInMemory(file, work);
    const operations = files.find((f) => f.path === "src/operations/operations.ts")?.content ?? "";
    expect(operations).toContain(
      "export async function minDate(context: OperationContext, options: OperationOptions = {}): Promise<Date> {",
    );
    expect(operations).toContain("return wire === undefined ? wire : parseDate(wire);");
    expect(operations).not.toContain("0001-01-01t00:00:00+14:00");
  });
});
