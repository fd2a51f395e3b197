import { describe, expect, it } from "vitest";
import { AzureKeyCredential, CommunicationIdentityClient, parseConnectionString } from "../../src/index.js";
import { createIdentityContext, createIdentityContextFromConnectionString } from "../../src/api/index.js";

const KEY = Buffer.from("connection string test key").toString("base64");

describe("parseConnectionString", () => {
  it("parses the canonical form and keeps the endpoint exactly as given, trailing slash included", () => {
    const parsed = parseConnectionString(`endpoint=https://contoso.communication.azure.com/;accesskey=${KEY}`);
    expect(parsed.endpoint).toBe("https://contoso.communication.azure.com/");
    expect(parsed.credential.key).toBe(KEY);
    expect(parseConnectionString(`endpoint=https://x.azure.com:443/;accesskey=${KEY}`).endpoint).toBe("https://x.azure.com:443/");
  });

  it("accepts any key case, surrounding spaces, either order, and empty segments (a trailing ';')", () => {
    const parsed = parseConnectionString(`  AccessKey = ${KEY} ; ENDPOINT= http://127.0.0.1:8080 ;`);
    expect(parsed.endpoint).toBe("http://127.0.0.1:8080");
    expect(parsed.credential.key).toBe(KEY);
    expect(parseConnectionString(`endpoint=https://h.example;;accesskey=${KEY};`).endpoint).toBe("https://h.example");
  });

  it("accepts an access key that is not strict base64, as the official client does (the signer decodes it)", () => {
    const parsed = parseConnectionString("endpoint=https://contoso.spool.azure.local;accesskey=banana");
    expect(parsed).toMatchObject({ endpoint: "https://contoso.spool.azure.local" });
    expect(parsed.credential.key).toBe("banana");
    expect(parseConnectionString("endpoint=https://h.example;accesskey=abcde").credential.key).toBe("abcde");
  });

  const cases: Array<[string, string, string]> = [
    ["empty", "", "Invalid connection string: it is empty or not a string."],
    ["blank", "   ", "Invalid connection string: it is empty or not a string."],
    ["not a string", 7 as never, "Invalid connection string: it is empty or not a string."],
    [
      "an endpoint without a credential",
      "https://x.communication.azure.com",
      "Invalid connection string: it is an endpoint, which needs a credential.",
    ],
    ["no endpoint", `accesskey=${KEY}`, 'Invalid connection string: "endpoint" is missing or empty.'],
    ["no accesskey", "endpoint=https://h.example", 'Invalid connection string: "accesskey" is missing or empty.'],
    ["empty endpoint", `endpoint=;accesskey=${KEY}`, 'Invalid connection string: "endpoint" is missing or empty.'],
    ["empty accesskey", "endpoint=https://h.example;accesskey= ", 'Invalid connection string: "accesskey" is missing or empty.'],
    [
      "segment without =",
      "endpoint=https://h.example;justtextnoequals",
      "Invalid connection string: segment 2 is not endpoint=… or accesskey=….",
    ],
    ["unknown key", `endpoint=https://h.example;acceskey=${KEY}`, "Invalid connection string: segment 2 is not endpoint=… or accesskey=…."],
    [
      "duplicate key",
      `endpoint=https://a.example;Endpoint=https://b.example;accesskey=${KEY}`,
      'Invalid connection string: "endpoint" is given twice.',
    ],
    [
      "relative endpoint",
      `endpoint=contoso.communication.azure.com;accesskey=${KEY}`,
      "Invalid endpoint in the connection string: it is not an absolute URL.",
    ],
    [
      "ftp endpoint",
      `endpoint=ftp://h.example;accesskey=${KEY}`,
      "Invalid endpoint in the connection string: its scheme must be http or https.",
    ],
    [
      "file endpoint",
      "endpoint=file://banana/fofana.txt;accesskey=banana",
      "Invalid endpoint in the connection string: its scheme must be http or https.",
    ],
  ];
  it.each(cases)("rejects %s with an exact message", (_name, input, message) => {
    expect(() => parseConnectionString(input)).toThrow(new TypeError(message));
  });
});

describe("an invalid endpoint argument", () => {
  it.each([
    ["file://banana/fofana.txt", "Invalid endpoint: its scheme must be http or https."],
    ["contoso.communication.azure.com", "Invalid endpoint: it is not an absolute URL."],
    ["", "Invalid endpoint: it is empty or not a string."],
  ])("%j: %s", (endpoint, message) => {
    expect(() => new CommunicationIdentityClient(endpoint, new AzureKeyCredential(KEY))).toThrow(new TypeError(message));
    expect(() => createIdentityContext(endpoint, new AzureKeyCredential(KEY))).toThrow(new TypeError(message));
  });
});

/**
 * Issue 10 item 5: the access key, and any value that may be the key, never appears in an error
 * message or stack, whether the string goes to parseConnectionString, the client constructor or
 * createIdentityContextFromConnectionString, or is passed as an endpoint with a credential.
 */
describe("no error message or stack holds a value that may be the key", () => {
  const SECRET = "c2VjcmV0IGtleSBtYXRlcmlhbA==";
  const thrown = (run: () => unknown): Error => {
    try {
      run();
    } catch (error) {
      return error as Error;
    }
    throw new Error("expected a throw");
  };
  const connectionStringCases: Array<[string, string, string]> = [
    [
      "the key as a bare segment",
      `endpoint=https://h.example;${SECRET}`,
      "Invalid connection string: segment 2 is not endpoint=… or accesskey=….",
    ],
    [
      "the key as the endpoint",
      `endpoint=${SECRET};accesskey=${SECRET}`,
      "Invalid endpoint in the connection string: it is not an absolute URL.",
    ],
    [
      "a space instead of ';'",
      `endpoint=https://h.example/ accesskey=${SECRET}`,
      'Invalid connection string: "accesskey" is missing or empty.',
    ],
    [
      "a space instead of ';', key first",
      `accesskey=${SECRET} endpoint=https://h.example/`,
      'Invalid connection string: "endpoint" is missing or empty.',
    ],
    [
      "the key twice",
      `endpoint=https://h.example;accesskey=${SECRET};accesskey=${SECRET}`,
      'Invalid connection string: "accesskey" is given twice.',
    ],
    [
      "the key before the endpoint, no key name",
      `${SECRET};endpoint=https://h.example`,
      "Invalid connection string: segment 1 is not endpoint=… or accesskey=….",
    ],
    [
      "a key without padding as a bare segment",
      `endpoint=https://h.example;${SECRET.replace(/=+$/, "")}`,
      "Invalid connection string: segment 2 is not endpoint=… or accesskey=….",
    ],
    [
      "a malformed endpoint",
      `endpoint=nope${SECRET};accesskey=${SECRET}`,
      "Invalid endpoint in the connection string: it is not an absolute URL.",
    ],
  ];
  it.each(connectionStringCases)("%s", (_name, connectionString, message) => {
    for (const run of [
      () => parseConnectionString(connectionString),
      () => new CommunicationIdentityClient(connectionString),
      () => createIdentityContextFromConnectionString(connectionString),
    ]) {
      const error = thrown(run);
      expect(error).toEqual(new TypeError(message));
      expect(error.message).not.toContain(SECRET);
      expect(error.stack).not.toContain(SECRET);
    }
  });

  it("a connection string passed as the endpoint, with the key as credential", () => {
    const connectionString = `endpoint=https://x.com/;accesskey=${SECRET}`;
    const message = "Invalid endpoint: it is a connection string, which is passed alone, without a credential.";
    for (const run of [
      () => new CommunicationIdentityClient(connectionString, new AzureKeyCredential(SECRET)),
      () => createIdentityContext(connectionString, new AzureKeyCredential(SECRET)),
    ]) {
      const error = thrown(run);
      expect(error).toEqual(new TypeError(message));
      expect(error.message).not.toContain(SECRET);
      expect(error.stack).not.toContain(SECRET);
      expect(error.stack).not.toContain("accesskey=");
    }
  });
});
