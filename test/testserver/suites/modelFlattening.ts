/** model-flattening.json against the test server's /model-flatten routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

const tags = { tag1: "value1", tag2: "value3" };
/** What the server's first resource reads as: its `properties` flattened onto the product. */
const product = (id: string, name: string): Record<string, unknown> => ({
  id,
  location: "Building 44",
  name,
  pName: name.replace("Resource", "Product"),
  type2: "Flat",
  provisioningStateValues: "OK",
  provisioningState: "Succeeded",
  tags,
  type: "Microsoft.Web/sites",
});
const sentDictionary = {
  Resource1: { location: "West US", tags, pName: "Product1", type2: "Flat" },
  Resource2: { location: "Building 44", pName: "Product2", type2: "Flat" },
};
const simpleProduct = {
  productId: "123",
  description: "product description",
  maxProductDisplayName: "max name",
  capacity: "Large",
  odataValue: "http://foo",
};

export function modelFlatteningSuite(harness: () => Harness): void {
  describe("model-flattening", () => {
    it("flattened properties are read from `properties` in arrays, dictionaries and collections", async () => {
      const h = harness();
      const m = await h.load("model-flattening.json");
      const ctx = h.context();
      expect(await m["getArray"]!(ctx)).toStrictEqual([
        product("1", "Resource1"),
        { id: "2", name: "Resource2", location: "Building 44" },
        { id: "3", name: "Resource3" },
      ]);
      expect(await m["getDictionary"]!(ctx)).toStrictEqual({
        Product1: product("1", "Resource1"),
        Product2: { id: "2", name: "Resource2", location: "Building 44" },
        Product3: { id: "3", name: "Resource3" },
      });
      expect(await m["getResourceCollection"]!(ctx)).toStrictEqual({
        dictionaryofresources: {
          Product1: product("1", "Resource1"),
          Product2: { id: "2", name: "Resource2", location: "Building 44" },
          Product3: { id: "3", name: "Resource3" },
        },
        arrayofresources: [
          product("4", "Resource4"),
          { id: "5", name: "Resource5", location: "Building 44" },
          { id: "6", name: "Resource6" },
        ],
        productresource: { id: "7", name: "Resource7", location: "Building 44" },
      });
    });

    it("flattened properties are sent nested under `properties` in arrays, dictionaries and collections", async () => {
      const h = harness();
      const m = await h.load("model-flattening.json");
      const ctx = h.context();
      await expect(
        m["putArray"]!(ctx, { resourceArray: [{ location: "West US", tags }, { location: "Building 44" }] }),
      ).resolves.toBeUndefined();
      await expect(m["putDictionary"]!(ctx, { resourceDictionary: sentDictionary })).resolves.toBeUndefined();
      await expect(
        m["putResourceCollection"]!(ctx, {
          resourceComplexObject: {
            arrayofresources: [
              { location: "West US", tags, pName: "Product1", type2: "Flat" },
              { location: "East US", pName: "Product2", type2: "Flat" },
            ],
            dictionaryofresources: sentDictionary,
            productresource: { location: "India", pName: "Azure", type2: "Flat" },
          },
        }),
      ).resolves.toBeUndefined();
    });

    it("a body model with inherited and nested flattened properties goes both ways", async () => {
      const h = harness();
      const m = await h.load("model-flattening.json");
      const sent = { ...simpleProduct, genericValue: "https://generic" };
      expect(await m["putSimpleProduct"]!(h.context(), { simpleBodyProduct: sent })).toStrictEqual(sent);
    });

    it("a flattened body parameter: its model's properties are parameters, the required one positional", async () => {
      const h = harness();
      const m = await h.load("model-flattening.json");
      const { productId, ...options } = simpleProduct;
      expect(await m["postFlattenedSimpleProduct"]!(h.context(), productId, options)).toStrictEqual(simpleProduct);
    });

    it("a flattened body parameter in a parameter group: the group holds the path parameter and the body's properties", async () => {
      const h = harness();
      const m = await h.load("model-flattening.json");
      expect(await m["putSimpleProductWithGrouping"]!(h.context(), { name: "groupproduct", ...simpleProduct })).toStrictEqual(
        simpleProduct,
      );
    });
  });
}
