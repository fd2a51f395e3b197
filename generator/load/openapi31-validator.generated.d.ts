/** Precompiled ajv validator (see ./build-validator.ts). */
import type { ValidateFunction } from "ajv-draft-04";
export declare const validate: ValidateFunction;
export default validate;
