/** body-complex.json against the test server's /complex routes: every GET and PUT, one exact result each. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { normalize, outcome, type Outcome } from "./normalize.js";

/** The siblings every polymorphic fish of the server has (see `sharks()`), as `normalize` writes them. */
const sharksAsRead = [
  { fishtype: "shark", species: "predator", length: 20, age: 6, birthday: "Date(2012-01-05T01:00:00.000Z)" },
  {
    fishtype: "sawshark",
    species: "dangerous",
    length: 10,
    age: 105,
    birthday: "Date(1900-01-05T01:00:00.000Z)",
    picture: "bytes(fffffffffe)",
  },
  {
    fishtype: "goblin",
    species: "scary",
    length: 30,
    age: 1,
    birthday: "Date(2015-08-08T00:00:00.000Z)",
    jawsize: 5,
    color: "pinkish-gray",
  },
];

/** The cat the server's inheritance routes send and expect (the same object both ways). */
const siamese = {
  breed: "persian",
  color: "green",
  hates: [
    { food: "tomato", id: 1, name: "Potato" },
    { food: "french fries", id: -1, name: "Tomato" },
  ],
  id: 2,
  name: "Siameeee",
};

/**
 * Every GET of body-complex but the one below, as `normalize` writes its result: models with their
 * client property names, polymorphic models by discriminator, additional properties kept. Values of the
 * wrong type (basicGetInvalid) are passed through. flattencomplexGetValid: this server version has no
 * route for it (404).
 */
const expected: Record<string, Outcome> = {
  basicGetEmpty: { value: {} },
  basicGetInvalid: { value: { id: "a", name: "abc" } },
  basicGetNotProvided: { value: undefined },
  basicGetNull: { value: { id: null, name: null } },
  basicGetValid: { value: { id: 2, name: "abc", color: "YELLOW" } },
  primitiveGetBool: { value: { fieldTrue: true, fieldFalse: false } },
  primitiveGetByte: { value: { field: "bytes(fffefdfc00faf9f8f7f6)" } },
  primitiveGetDate: { value: { field: "Date(0001-01-01T00:00:00.000Z)", leap: "Date(2016-02-29T00:00:00.000Z)" } },
  primitiveGetDateTime: { value: { field: "Date(0001-01-01T00:00:00.000Z)", now: "Date(2015-05-18T18:38:00.000Z)" } },
  primitiveGetDouble: {
    value: { field1: 3e-100, field56ZerosAfterTheDotAndNegativeZeroBeforeDotAndThisIsALongFieldNameOnPurpose: -5e-57 },
  },
  primitiveGetDuration: { value: { field: "P123DT22H14M12.011S" } },
  primitiveGetFloat: { value: { field1: 1.05, field2: -0.003 } },
  primitiveGetInt: { value: { field1: -1, field2: 2 } },
  primitiveGetLong: { value: { field1: 1099511627775, field2: -999511627788 } },
  primitiveGetString: { value: { field: "goodrequest", empty: "", null: null } },
  arrayGetEmpty: { value: { array: [] } },
  arrayGetNotProvided: { value: {} },
  arrayGetValid: { value: { array: ["1, 2, 3, 4", "", null, "&S#$(*Y", "The quick brown fox jumps over the lazy dog"] } },
  dictionaryGetEmpty: { value: { defaultProgram: {} } },
  dictionaryGetNotProvided: { value: {} },
  dictionaryGetNull: { value: { defaultProgram: null } },
  dictionaryGetValid: { value: { defaultProgram: { txt: "notepad", bmp: "mspaint", xls: "excel", exe: "", "": null } } },
  inheritanceGetValid: { value: siamese },
  polymorphismGetComplicated: {
    value: {
      additionalProperty1: 1,
      additionalProperty2: false,
      additionalProperty3: "hello",
      additionalProperty4: { a: 1, b: 2 },
      additionalProperty5: [1, 3],
      fishtype: "smart_salmon",
      species: "king",
      length: 1,
      siblings: sharksAsRead,
      location: "alaska",
      iswild: true,
    },
  },
  polymorphismGetComposedWithDiscriminator: {
    value: {
      sampleSalmon: { fishType: "DotSalmon", species: "king", location: "sweden", iswild: false },
      salmons: [
        { fishType: "DotSalmon", species: "king", location: "sweden", iswild: false },
        { fishType: "DotSalmon", species: "king", location: "atlantic", iswild: true },
      ],
      sampleFish: { fishType: "DotSalmon", species: "king", location: "australia", iswild: false },
      fishes: [
        { fishType: "DotSalmon", species: "king", location: "australia", iswild: false },
        { fishType: "DotSalmon", species: "king", location: "canada", iswild: true },
      ],
    },
  },
  polymorphismGetComposedWithoutDiscriminator: {
    value: {
      sampleSalmon: { species: "king", location: "sweden", iswild: false },
      salmons: [
        { species: "king", location: "sweden", iswild: false },
        { species: "king", location: "atlantic", iswild: true },
      ],
      sampleFish: { species: "king" },
      fishes: [{ species: "king" }, { species: "king" }],
    },
  },
  polymorphismGetDotSyntax: { value: { fishType: "DotSalmon", species: "king", location: "sweden", iswild: true } },
  polymorphismGetValid: {
    value: {
      fishtype: "salmon",
      species: "king",
      length: 1,
      siblings: sharksAsRead,
      location: "alaska",
      iswild: true,
    },
  },
  polymorphicrecursiveGetValid: {
    value: {
      fishtype: "salmon",
      species: "king",
      length: 1,
      siblings: [
        {
          fishtype: "shark",
          species: "predator",
          length: 20,
          siblings: [
            {
              fishtype: "salmon",
              species: "coho",
              length: 2,
              siblings: [
                { fishtype: "shark", species: "predator", length: 20, age: 6, birthday: "Date(2012-01-05T01:00:00.000Z)" },
                {
                  fishtype: "sawshark",
                  species: "dangerous",
                  length: 10,
                  age: 105,
                  birthday: "Date(1900-01-05T01:00:00.000Z)",
                  picture: "bytes(fffffffffe)",
                },
              ],
              location: "atlantic",
              iswild: true,
            },
            {
              fishtype: "sawshark",
              species: "dangerous",
              length: 10,
              siblings: [],
              age: 105,
              birthday: "Date(1900-01-05T01:00:00.000Z)",
              picture: "bytes(fffffffffe)",
            },
          ],
          age: 6,
          birthday: "Date(2012-01-05T01:00:00.000Z)",
        },
        {
          fishtype: "sawshark",
          species: "dangerous",
          length: 10,
          siblings: [],
          age: 105,
          birthday: "Date(1900-01-05T01:00:00.000Z)",
          picture: "bytes(fffffffffe)",
        },
      ],
      location: "alaska",
      iswild: true,
    },
  },
  readonlypropertyGetValid: { value: { id: "1234", size: 2 } },
  flattencomplexGetValid: { error: "RestError 404: The service responded with status 404" },
};

const bytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, "hex"));
const date = (iso: string): Date => new Date(iso);

/** The siblings every polymorphic fish of the server has (a shark, a sawshark, a goblin shark). */
function sharks(): unknown[] {
  return [
    { fishtype: "shark", age: 6, birthday: date("2012-01-05T01:00:00Z"), length: 20, species: "predator" },
    {
      fishtype: "sawshark",
      age: 105,
      birthday: date("1900-01-05T01:00:00Z"),
      length: 10,
      picture: bytes("fffffffffe"),
      species: "dangerous",
    },
    // A colour the enum does not list: sent as it is.
    { fishtype: "goblin", age: 1, birthday: date("2015-08-08T00:00:00Z"), length: 30, species: "scary", jawsize: 5, color: "pinkish-gray" },
  ];
}

/**
 * Every PUT of body-complex (client property names, Dates, bytes) and what it gives; the server answers
 * 400 unless the body is exactly the one it expects. polymorphismPutValidMissingRequired is left out: the
 * route always answers 400 (the client does not validate required properties) and counts no scenario.
 */
const puts: Record<string, { body: unknown; result: Outcome }> = {
  basicPutValid: { body: { id: 2, name: "abc", color: "Magenta" }, result: { value: undefined } },
  primitivePutInt: { body: { field1: -1, field2: 2 }, result: { value: undefined } },
  primitivePutLong: { body: { field1: 1099511627775, field2: -999511627788 }, result: { value: undefined } },
  primitivePutFloat: { body: { field1: 1.05, field2: -0.003 }, result: { value: undefined } },
  primitivePutDouble: {
    body: { field1: 3e-100, field56ZerosAfterTheDotAndNegativeZeroBeforeDotAndThisIsALongFieldNameOnPurpose: -5e-57 },
    result: { value: undefined },
  },
  primitivePutBool: { body: { fieldTrue: true, fieldFalse: false }, result: { value: undefined } },
  primitivePutString: { body: { field: "goodrequest", empty: "", null: null }, result: { value: undefined } },
  primitivePutDate: { body: { field: date("0001-01-01T00:00:00Z"), leap: date("2016-02-29T00:00:00Z") }, result: { value: undefined } },
  primitivePutDateTime: { body: { field: date("0001-01-01T00:00:00Z"), now: date("2015-05-18T18:38:00Z") }, result: { value: undefined } },
  // Sent as "Mon, 01 Jan 0001 00:00:00 GMT": the year keeps its four digits.
  primitivePutDateTimeRfc1123: {
    body: { field: date("0001-01-01T00:00:00Z"), now: date("2015-05-18T11:38:00Z") },
    result: { value: undefined },
  },
  primitivePutDuration: { body: { field: "P123DT22H14M12.011S" }, result: { value: undefined } },
  primitivePutByte: { body: { field: bytes("fffefdfc00faf9f8f7f6") }, result: { value: undefined } },
  arrayPutValid: {
    body: { array: ["1, 2, 3, 4", "", null, "&S#$(*Y", "The quick brown fox jumps over the lazy dog"] },
    result: { value: undefined },
  },
  arrayPutEmpty: { body: { array: [] }, result: { value: undefined } },
  dictionaryPutValid: {
    body: { defaultProgram: { txt: "notepad", bmp: "mspaint", xls: "excel", exe: "", "": null } },
    result: { value: undefined },
  },
  dictionaryPutEmpty: { body: { defaultProgram: {} }, result: { value: undefined } },
  inheritancePutValid: {
    body: siamese,
    result: { value: undefined },
  },
  polymorphismPutValid: {
    body: { fishtype: "salmon", location: "alaska", iswild: true, species: "king", length: 1, siblings: sharks() },
    result: { value: undefined },
  },
  // A smart salmon's additional properties go on the wire next to its declared ones.
  polymorphismPutComplicated: {
    body: {
      fishtype: "smart_salmon",
      location: "alaska",
      iswild: true,
      species: "king",
      length: 1,
      siblings: sharks(),
      additionalProperty1: 1,
      additionalProperty2: false,
      additionalProperty3: "hello",
      additionalProperty4: { a: 1, b: 2 },
      additionalProperty5: [1, 3],
    },
    result: { value: undefined },
  },
  // The server answers with the salmon without its discriminator: read as a plain Salmon.
  polymorphismPutMissingDiscriminator: {
    body: { fishtype: "salmon", location: "alaska", iswild: true, species: "king", length: 1, siblings: sharks() },
    result: {
      value: {
        species: "king",
        length: 1,
        siblings: sharksAsRead,
        location: "alaska",
        iswild: true,
      },
    },
  },
  polymorphicrecursivePutValid: {
    body: {
      fishtype: "salmon",
      location: "alaska",
      iswild: true,
      species: "king",
      length: 1,
      siblings: [
        {
          fishtype: "shark",
          age: 6,
          birthday: date("2012-01-05T01:00:00Z"),
          species: "predator",
          length: 20,
          siblings: [
            {
              fishtype: "salmon",
              location: "atlantic",
              iswild: true,
              species: "coho",
              length: 2,
              siblings: [
                { fishtype: "shark", age: 6, birthday: date("2012-01-05T01:00:00Z"), species: "predator", length: 20 },
                {
                  fishtype: "sawshark",
                  age: 105,
                  birthday: date("1900-01-05T01:00:00Z"),
                  picture: bytes("fffffffffe"),
                  species: "dangerous",
                  length: 10,
                },
              ],
            },
            {
              fishtype: "sawshark",
              age: 105,
              birthday: date("1900-01-05T01:00:00Z"),
              picture: bytes("fffffffffe"),
              species: "dangerous",
              length: 10,
              siblings: [],
            },
          ],
        },
        {
          fishtype: "sawshark",
          age: 105,
          birthday: date("1900-01-05T01:00:00Z"),
          picture: bytes("fffffffffe"),
          species: "dangerous",
          length: 10,
          siblings: [],
        },
      ],
    },
    result: { value: undefined },
  },
  // `id` is read-only: the server answers 400 if it is sent.
  readonlypropertyPutValid: { body: { id: "1234", size: 2 }, result: { value: undefined } },
};

export function bodyComplexSuite(harness: () => Harness): void {
  describe("body-complex", () => {
    it("every GET returns exactly what the server sent, mapped to the models", async () => {
      const h = harness();
      const m = await h.load("body-complex.json");
      const got: Record<string, Outcome> = {};
      for (const name of Object.keys(expected)) {
        got[name] = await outcome(m[name]!(h.context()));
      }
      // toEqual, not toStrictEqual: models without a discriminator value on the wire come back with
      // the discriminator property present and undefined (composedWithoutDiscriminator).
      expect(got).toEqual(expected);
    });

    it("every PUT sends exactly the body the server expects (wire names, dates, bytes, discriminators)", async () => {
      const h = harness();
      const m = await h.load("body-complex.json");
      const got: Record<string, Outcome> = {};
      for (const [name, { body }] of Object.entries(puts)) {
        got[name] = await outcome(m[name]!(h.context(), body));
      }
      // toEqual: the salmon read back without a discriminator has `fishtype: undefined`.
      expect(got).toEqual(Object.fromEntries(Object.entries(puts).map(([name, { result }]) => [name, result])));
    });

    // "Mon, 01 Jan 0001 00:00:00 GMT" is read field by field (new Date would read the year 2001).
    it("an RFC 1123 date-time in the year 1 stays in the year 1", async () => {
      const h = harness();
      const m = await h.load("body-complex.json");
      expect(normalize(await m["primitiveGetDateTimeRfc1123"]!(h.context()))).toEqual({
        field: "Date(0001-01-01T00:00:00.000Z)",
        now: "Date(2015-05-18T11:38:00.000Z)",
      });
    });
  });
}
