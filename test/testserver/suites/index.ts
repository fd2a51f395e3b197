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
import { clientEnumSuite } from "./clientEnum.js";
import { clientOptionsSuite } from "./clientOptions.js";
import { constantsSuite } from "./constants.js";
import { customBaseUrlSuite } from "./customBaseUrl.js";
import { headSuite } from "./head.js";
import { headerSuite } from "./header.js";
import { httpInfrastructureSuite } from "./httpInfrastructure.js";
import { lroSuite } from "./lro.js";
import { lroParameterizedEndpointsSuite } from "./lroParameterizedEndpoints.js";
import { multiapiCustomBaseUrlSuite } from "./multiapiCustomBaseUrl.js";
import { parameterizedEndpointSuite } from "./parameterizedEndpoint.js";
import { requiredOptionalSuite } from "./requiredOptional.js";
import { securitySuite } from "./security.js";
import { subscriptionIdApiVersionSuite } from "./subscriptionIdApiVersion.js";
import { urlPathsSuite } from "./urlPaths.js";
import { urlQueriesSuite } from "./urlQueries.js";

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
  clientOptionsSuite,
  customBaseUrlSuite,
  parameterizedEndpointSuite,
  multiapiCustomBaseUrlSuite,
  securitySuite,
  subscriptionIdApiVersionSuite,
  constantsSuite,
  clientEnumSuite,
  lroParameterizedEndpointsSuite,
];
