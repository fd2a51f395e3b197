/**
 * Operations without an operationId get one from their method and path (generator/input/derivedOperationId.ts),
 * unique among every operationId of the spec.
 */
import { describe, expect, it } from "vitest";
import { derivedOperationId } from "../../generator/input/derivedOperationId.js";
import { readCodeModel } from "../../generator/input/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import { inMemory } from "../fixtures/model/load.js";

const ok = { "200": { description: "ok" } };
const param = (name: string): JsonObject => ({ name, in: "path", required: true, type: "string" });

function operations(paths: JsonObject): Array<[string, string, string, string]> {
  const model = readCodeModel([inMemory({ swagger: "2.0", info: { title: "t", version: "1.0" }, paths })], { clientName: "C" });
  return model.operationGroups.flatMap((g) =>
    g.operations.map((o): [string, string, string, string] => [g.name, o.name, o.operationId, `${o.method} ${o.path}`]),
  );
}

describe("derivedOperationId: method, then the path's words, parameters as By<Name>", () => {
  it("plain segments and parameters", () => {
    expect(derivedOperationId("get", "/users")).toBe("getUsers");
    expect(derivedOperationId("delete", "/users/{user-id}/keys")).toBe("deleteUsersByUserIdKeys");
    expect(derivedOperationId("put", "/v1/API_keys/{ID}")).toBe("putV1ApiKeysById");
  });

  it("segments mixing text and parameters, file extensions, odd punctuation", () => {
    expect(derivedOperationId("get", "/search/{versionNumber}/additionalData.{ext}")).toBe("getSearchByVersionNumberAdditionalDataByExt");
    expect(derivedOperationId("get", "/name/{concept-type}/{specific-concept}.json")).toBe("getNameByConceptTypeBySpecificConceptJson");
    expect(derivedOperationId("get", "/api/resources/carrier@{capacityType}@{shippingPolicyId}/time-frames")).toBe(
      "getApiResourcesCarrierByCapacityTypeByShippingPolicyIdTimeFrames",
    );
    expect(derivedOperationId("get", "//openapi")).toBe("getOpenapi");
  });

  it("the root path", () => {
    expect(derivedOperationId("get", "/")).toBe("getRoot");
    expect(derivedOperationId("post", "")).toBe("postRoot");
  });
});

describe("operations without operationId in a spec", () => {
  it("get derived names in no group, next to named ones", () => {
    expect(
      operations({
        "/fact": { get: { responses: ok }, post: { operationId: "Facts_Add", responses: ok } },
        "/fact/{id}.json": { get: { parameters: [param("id")], responses: ok } },
      }),
    ).toEqual([
      ["", "getFact", "getFact", "get /fact"],
      ["", "getFactByIdJson", "getFactByIdJson", "get /fact/{id}.json"],
      ["facts", "add", "Facts_Add", "post /fact"],
    ]);
  });

  it("a derived name taken by a stated operationId, even a later one, or by another derived name, gets 2, 3, ...", () => {
    expect(
      operations({
        "/a-b": { get: { responses: ok } },
        "/a_b": { get: { responses: ok } },
        "/x": { get: { operationId: "getAB", responses: ok } },
      }),
    ).toEqual([
      ["", "getAB2", "getAB2", "get /a-b"],
      ["", "getAB3", "getAB3", "get /a_b"],
      ["", "getAB", "getAB", "get /x"],
    ]);
  });

  it("digits joined with _ do not split a derived name into a group", () => {
    expect(operations({ "/v1/2": { get: { responses: ok } } })).toEqual([["", "getV1_2", "getV1_2", "get /v1/2"]]);
  });
});
