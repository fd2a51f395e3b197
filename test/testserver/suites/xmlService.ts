/** xml-service.json against the test server's /xml routes (XML bodies; two operations of the spec are JSON). */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

const slideshow = {
  title: "Sample Slide Show",
  date: "Date of publication",
  author: "Yours Truly",
  slides: [
    { type: "all", title: "Wake up to WonderWidgets!" },
    { type: "all", title: "Overview", items: ["Why WonderWidgets are great", "", "Who buys WonderWidgets"] },
  ],
};

const bananaExpiration = new Date("2018-02-28T00:40:00.123Z");
const bananas = [
  { name: "Cavendish", flavor: "Sweet", expiration: bananaExpiration },
  { name: "Plantain", flavor: "Savory", expiration: bananaExpiration },
];

const retention = { enabled: true, days: 7 };
const serviceProperties = {
  logging: { version: "1.0", delete: true, read: false, write: true, retentionPolicy: retention },
  hourMetrics: { version: "1.0", enabled: true, includeAPIs: false, retentionPolicy: retention },
  minuteMetrics: { version: "1.0", enabled: true, includeAPIs: true, retentionPolicy: retention },
};

const signedIdentifiers = [
  {
    id: "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=",
    accessPolicy: { start: new Date("2009-09-28T08:49:37.123Z"), expiry: new Date("2009-09-29T08:49:37.123Z"), permission: "rwd" },
  },
];

const containerModified = new Date("Wed, 26 Oct 2016 20:39:39 GMT");

/** The properties blob2.txt has in all three of its listings (the route's second to fourth `<Blob>`). */
const blob2Properties = {
  lastModified: new Date("Wed, 09 Sep 2009 09:20:02 GMT"),
  etag: "0x8CBFF45D8B4C212",
  contentLength: 5000,
  contentType: "application/octet-stream",
  contentEncoding: "gzip",
  contentLanguage: "",
  contentMd5: "",
  cacheControl: "",
  blobType: "BlockBlob",
};
const metadata = (color: string, number: string): Record<string, string> => ({
  Color: color,
  BlobNumber: number,
  SomeMetadataName: "SomeMetadataValue",
});

export function xmlServiceSuite(harness: () => Harness): void {
  describe("xml-service", () => {
    it("simple document: attributes, unwrapped lists of models and of strings, an empty item", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      const ctx = h.context();
      expect(await m["xmlGetSimple"]!(ctx)).toStrictEqual(slideshow);
      expect(await m["xmlPutSimple"]!(ctx, slideshow)).toBeUndefined();
    });

    it("wrapped lists, and empty wrapped lists", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      const ctx = h.context();
      const barrel = { goodApples: ["Fuji", "Gala"], badApples: ["Red Delicious"] };
      expect(await m["xmlGetWrappedLists"]!(ctx)).toStrictEqual(barrel);
      expect(await m["xmlPutWrappedLists"]!(ctx, barrel)).toBeUndefined();
      expect(await m["xmlGetEmptyWrappedLists"]!(ctx)).toStrictEqual({ goodApples: [], badApples: [] });
      expect(await m["xmlPutEmptyWrappedLists"]!(ctx, { goodApples: [], badApples: [] })).toBeUndefined();
    });

    it("an empty unwrapped list is an empty element", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      const ctx = h.context();
      expect(await m["xmlGetEmptyList"]!(ctx)).toStrictEqual({});
      expect(await m["xmlPutEmptyList"]!(ctx, { slides: [] })).toBeUndefined();
    });

    it("lists at the root: several items, a single item, none", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      const ctx = h.context();
      expect(await m["xmlGetRootList"]!(ctx)).toStrictEqual(bananas);
      expect(await m["xmlPutRootList"]!(ctx, bananas)).toBeUndefined();
      expect(await m["xmlGetRootListSingleItem"]!(ctx)).toStrictEqual([bananas[0]]);
      expect(await m["xmlPutRootListSingleItem"]!(ctx, [bananas[0]])).toBeUndefined();
      expect(await m["xmlGetEmptyRootList"]!(ctx)).toStrictEqual([]);
      expect(await m["xmlPutEmptyRootList"]!(ctx, [])).toBeUndefined();
    });

    it("an empty child element is the empty string", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      const ctx = h.context();
      const banana = { name: "Unknown Banana", flavor: "", expiration: new Date("2012-02-24T00:53:52.789Z") };
      expect(await m["xmlGetEmptyChildElement"]!(ctx)).toStrictEqual(banana);
      expect(await m["xmlPutEmptyChildElement"]!(ctx, banana)).toBeUndefined();
    });

    it("a property referencing a model: named by the property, or by the model's xml name", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      const ctx = h.context();
      const root = { refToModel: { id: "myid" }, something: "else" };
      expect(await m["xmlGetComplexTypeRefNoMeta"]!(ctx)).toStrictEqual(root);
      expect(await m["xmlPutComplexTypeRefNoMeta"]!(ctx, root)).toBeUndefined();
      expect(await m["xmlGetComplexTypeRefWithMeta"]!(ctx)).toStrictEqual(root);
      expect(await m["xmlPutComplexTypeRefWithMeta"]!(ctx, root)).toBeUndefined();
    });

    it("storage: list containers (attribute, wrapped list of models, RFC 1123 dates, numbers)", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      // required properties the document leaves out are read as undefined (toEqual: present or not)
      expect(await m["xmlListContainers"]!(h.context())).toEqual({
        serviceEndpoint: "https://myaccount.blob.core.windows.net/",
        maxResults: 3,
        containers: [
          { name: "audio", properties: { lastModified: containerModified, etag: "0x8CACB9BD7C6B1B2", publicAccess: "container" } },
          { name: "images", properties: { lastModified: containerModified, etag: "0x8CACB9BD7C1EEEC" } },
          { name: "textfiles", properties: { lastModified: containerModified, etag: "0x8CACB9BD7BACAC3" } },
        ],
        nextMarker: "video",
      });
    });

    it("storage: service properties (nested models, booleans), read and written", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      const ctx = h.context();
      expect(await m["xmlGetServiceProperties"]!(ctx)).toStrictEqual(serviceProperties);
      expect(await m["xmlPutServiceProperties"]!(ctx, serviceProperties)).toBeUndefined();
    });

    it("storage: container ACL (a wrapped list at the root), read and written", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      const ctx = h.context();
      expect(await m["xmlGetAcls"]!(ctx)).toStrictEqual(signedIdentifiers);
      expect(await m["xmlPutAcls"]!(ctx, signedIdentifiers)).toBeUndefined();
    });

    it("storage: list blobs (dictionaries of elements, empty elements, unknown elements left out)", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      expect(await m["xmlListBlobs"]!(h.context())).toEqual({
        containerName: "https://myaccount.blob.core.windows.net/mycontainer",
        blobs: {
          blob: [
            {
              name: "blob1.txt",
              properties: {
                lastModified: new Date("Wed, 09 Sep 2009 09:20:02 GMT"),
                etag: "0x8CBFF45D8A29A19",
                contentLength: 100,
                contentType: "text/html",
                contentEncoding: "",
                contentLanguage: "en-US",
                contentMd5: "",
                cacheControl: "no-cache",
                blobType: "BlockBlob",
                leaseStatus: "unlocked",
              },
              metadata: metadata("blue", "01"),
            },
            {
              name: "blob2.txt",
              snapshot: "2009-09-09T09:20:03.0427659Z",
              properties: blob2Properties,
              metadata: { ...metadata("green", "02"), "x-ms-invalid-name": "nasdf$@#$$" },
            },
            { name: "blob2.txt", snapshot: "2009-09-09T09:20:03.1587543Z", properties: blob2Properties, metadata: metadata("green", "02") },
            { name: "blob2.txt", properties: { ...blob2Properties, leaseStatus: "unlocked" }, metadata: metadata("green", "02") },
            {
              name: "blob3.txt",
              properties: {
                lastModified: new Date("Wed, 09 Sep 2009 09:20:03 GMT"),
                etag: "0x8CBFF45D911FADF",
                contentLength: 16384,
                contentType: "image/jpeg",
                contentEncoding: "",
                contentLanguage: "",
                contentMd5: "",
                cacheControl: "",
                blobSequenceNumber: 3,
                blobType: "PageBlob",
                leaseStatus: "locked",
              },
              metadata: metadata("yellow", "03"),
            },
          ],
        },
        nextMarker: "",
      });
    });

    it("x-ms-text: the element's text next to an attribute", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      expect(await m["xmlGetXMsText"]!(h.context())).toStrictEqual({ language: "english", content: "I am text" });
    });

    it("bytes (base64 text) and a url property, read and written", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      const ctx = h.context();
      const hello = new TextEncoder().encode("Hello world");
      expect(await m["xmlGetBytes"]!(ctx)).toStrictEqual({ bytes: hello });
      expect(await m["xmlPutBinary"]!(ctx, { bytes: hello })).toBeUndefined();
      const url = { url: "https://myaccount.blob.core.windows.net/" };
      expect(await m["xmlGetUri"]!(ctx)).toStrictEqual(url);
      expect(await m["xmlPutUri"]!(ctx, url)).toBeUndefined();
    });

    it("operations of the XML spec whose body is JSON stay JSON", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      const ctx = h.context();
      expect(await m["xmlJsonInput"]!(ctx, { id: 42 })).toBeUndefined();
      expect(await m["xmlJsonOutput"]!(ctx)).toStrictEqual({ id: 42 });
    });

    it("a bodiless XML operation returns its declared header; onResponse sees the XML as sent", async () => {
      const h = harness();
      const m = await h.load("xml-service.json");
      const ctx = h.context();
      expect(await m["xmlGetHeaders"]!(ctx)).toStrictEqual({ customHeader: "custom-value" });
      const seen: Array<string | null | undefined> = [];
      await m["xmlGetXMsText"]!(ctx, { onResponse: (response: { bodyAsText?: string | null }) => seen.push(response.bodyAsText) });
      expect(seen).toStrictEqual([`<?xml version='1.0' encoding='UTF-8'?>\n    <Data language="english">I am text</Data>`]);
    });
  });
}
