import { describe, expect, it } from "vitest";
import { parseConnectionString } from "../../src/connectionString.js";

const KEY = Buffer.from("connection string test key").toString("base64");

describe("parseConnectionString", () => {
  it("parses the canonical form", () => {
    const parsed = parseConnectionString(`endpoint=https://contoso.communication.azure.com/;accesskey=${KEY}`);
    expect(parsed.endpoint).toBe("https://contoso.communication.azure.com");
    expect(parsed.credential.key).toBe(KEY);
  });

  it("accepts any key case, surrounding spaces, either order, and a trailing ';'", () => {
    const parsed = parseConnectionString(`  AccessKey = ${KEY} ; ENDPOINT= http://127.0.0.1:8080 ;`);
    expect(parsed.endpoint).toBe("http://127.0.0.1:8080");
    expect(parsed.credential.key).toBe(KEY);
  });

  const cases: Array<[string, string, string]> = [
    ["empty", "", 'Invalid connection string: it is empty; expected "endpoint=https://<resource>;accesskey=<base64 key>".'],
    ["blank", "   ", 'Invalid connection string: it is empty; expected "endpoint=https://<resource>;accesskey=<base64 key>".'],
    ["no endpoint", `accesskey=${KEY}`, 'Invalid connection string: "endpoint" is missing.'],
    ["no accesskey", "endpoint=https://h.example", 'Invalid connection string: "accesskey" is missing.'],
    ["empty endpoint", `endpoint=;accesskey=${KEY}`, 'Invalid connection string: "endpoint" is empty.'],
    ["empty accesskey", "endpoint=https://h.example;accesskey= ", 'Invalid connection string: "accesskey" is empty.'],
    ["segment without =", "endpoint=https://h.example;justtextnoequals", "Invalid connection string: segment 2 is not of the form key=value."],
    ["empty middle segment", `endpoint=https://h.example;;accesskey=${KEY}`, "Invalid connection string: segment 2 is empty."],
    ["unknown key", `endpoint=https://h.example;acceskey=${KEY}`, 'Invalid connection string: segment 2 has an unknown key; expected "endpoint" or "accesskey".'],
    ["duplicate key", `endpoint=https://a.example;Endpoint=https://b.example;accesskey=${KEY}`, 'Invalid connection string: "endpoint" is given more than once.'],
    ["relative endpoint", `endpoint=contoso.communication.azure.com;accesskey=${KEY}`, 'Invalid connection string: "endpoint" must be an absolute http(s) URL, got "contoso.communication.azure.com".'],
    ["ftp endpoint", `endpoint=ftp://h.example;accesskey=${KEY}`, 'Invalid connection string: "endpoint" must be an absolute http(s) URL, got "ftp://h.example".'],
    ["key not base64", "endpoint=https://h.example;accesskey=not*base64!", 'Invalid connection string: "accesskey" is not valid base64.'],
    ["key badly padded", "endpoint=https://h.example;accesskey=abcde", 'Invalid connection string: "accesskey" is not valid base64.'],
  ];
  it.each(cases)("rejects %s with an exact message", (_name, input, message) => {
    expect(() => parseConnectionString(input)).toThrow(new TypeError(message));
  });

  it("never puts the key in an error", () => {
    const secret = "c2VjcmV0IGtleSBtYXRlcmlhbA==";
    const inputs = [
      `endpoint=https://h.example;${secret}`,
      `endpoint=nope;accesskey=${secret}`,
      `endpoint=https://h.example;accesskey=${secret};accesskey=${secret}`,
      `endpoint=https://h.example;accesskey=${secret}*`,
      `${secret};endpoint=https://h.example`,
    ];
    for (const input of inputs) {
      let message = "";
      try {
        parseConnectionString(input);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/^Invalid connection string: /);
      expect(message).not.toContain(secret);
      expect(message).not.toContain("c2VjcmV0");
    }
  });
});
