/** The scenario suites, in the order they run (each defines describe blocks over the shared harness). */
import type { Harness } from "../harness.js";
import { azureSpecialPropertiesSuite } from "./azureSpecialProperties.js";
import { bodyArraySuite } from "./bodyArray.js";
import { bodyBooleanSuite } from "./bodyBoolean.js";
import { bodyComplexSuite } from "./bodyComplex.js";
import { bodyDictionarySuite } from "./bodyDictionary.js";
import { bodyIntegerSuite } from "./bodyInteger.js";
import { bodyNumberSuite } from "./bodyNumber.js";
import { bodyPrimitivesSuite } from "./bodyPrimitives.js";
import { bodyStringSuite } from "./bodyString.js";
import { dpgSuite } from "./dpg.js";
import { errorWithSecretsSuite } from "./errorWithSecrets.js";
import { headSuite } from "./head.js";
import { headerSuite } from "./header.js";
import { httpInfrastructureSuite } from "./httpInfrastructure.js";
import { lroSuite } from "./lro.js";
import { multiapiSuite } from "./multiapi.js";
import { requiredOptionalSuite } from "./requiredOptional.js";
import { urlPathsSuite } from "./urlPaths.js";
import { urlQueriesSuite } from "./urlQueries.js";
import { validationSuite } from "./validation.js";
import { xmsErrorResponsesSuite } from "./xmsErrorResponses.js";

export const scenarioSuites: ReadonlyArray<(harness: () => Harness) => void> = [
  bodyBooleanSuite,
  bodyStringSuite,
  bodyIntegerSuite,
  bodyNumberSuite,
  bodyPrimitivesSuite,
  bodyArraySuite,
  bodyDictionarySuite,
  bodyComplexSuite,
  headerSuite,
  headSuite,
  httpInfrastructureSuite,
  requiredOptionalSuite,
  urlPathsSuite,
  urlQueriesSuite,
  lroSuite,
  azureSpecialPropertiesSuite,
  xmsErrorResponsesSuite,
  errorWithSecretsSuite,
  validationSuite,
  multiapiSuite,
  dpgSuite,
];
