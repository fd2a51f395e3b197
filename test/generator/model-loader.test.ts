import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { readCodeModel } from "../../generator/input/index.js";
import { IDENTITY_CONFIG, SPECS_ROOT, identityVersion } from "../fixtures/model/load.js";

const VERSIONS = ["2021-03-07", "2022-06-01", "2022-10-01", "2023-10-01", "2025-03-02-preview", "2025-06-30", "2026-09-23"];

describe("the model built from the real loader's output", () => {
  it.each(VERSIONS)("%s equals the model built from the test loader", async (version) => {
    const fixture = identityVersion(version);
    const loaded = await loadSpec(`${SPECS_ROOT}/${fixture.manifest.path}`, { root: SPECS_ROOT });
    expect(readCodeModel([{ manifest: fixture.manifest, spec: loaded }], IDENTITY_CONFIG)).toEqual(
      readCodeModel([fixture], IDENTITY_CONFIG),
    );
  });
});
