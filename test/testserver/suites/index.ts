/** The scenario suites, in the order they run (each defines describe blocks over the shared harness). */
import type { Harness } from "../harness.js";
import { additionalPropertiesSuite } from "./additionalProperties.js";
import { anyTypeSuite } from "./anyType.js";
import { azureParameterGroupingSuite } from "./azureParameterGrouping.js";
import { azureSpecialPropertiesSuite } from "./azureSpecialProperties.js";
import { bodyArraySuite } from "./bodyArray.js";
import { bodyBinarySuite } from "./bodyBinary.js";
import { bodyBooleanSuite } from "./bodyBoolean.js";
import { bodyComplexSuite } from "./bodyComplex.js";
import { bodyDatetimeSuite } from "./bodyDatetime.js";
import { bodyDictionarySuite } from "./bodyDictionary.js";
import { bodyFileSuite } from "./bodyFile.js";
import { bodyFormdataSuite } from "./bodyFormdata.js";
import { bodyFormdataUrlencodedSuite } from "./bodyFormdataUrlencoded.js";
import { bodyIntegerSuite } from "./bodyInteger.js";
import { bodyNumberSuite } from "./bodyNumber.js";
import { bodyPrimitivesSuite } from "./bodyPrimitives.js";
import { bodyStringSuite } from "./bodyString.js";
import { extensibleEnumsSuite } from "./extensibleEnums.js";
import { customBaseUrlPagingSuite } from "./customBaseUrlPaging.js";
import { clientEnumSuite } from "./clientEnum.js";
import { clientOptionsSuite } from "./clientOptions.js";
import { constantsSuite } from "./constants.js";
import { customBaseUrlSuite } from "./customBaseUrl.js";
import { dpgSuite } from "./dpg.js";
import { errorWithSecretsSuite } from "./errorWithSecrets.js";
import { headSuite } from "./head.js";
import { incorrectErrorResponseSuite } from "./incorrectErrorResponse.js";
import { headerSuite } from "./header.js";
import { httpInfrastructureSuite } from "./httpInfrastructure.js";
import { lroSuite } from "./lro.js";
import { mergePatchSuite } from "./mergePatch.js";
import { multipleInheritanceSuite } from "./multipleInheritance.js";
import { nonStringEnumSuite } from "./nonStringEnum.js";
import { objectTypeSuite } from "./objectType.js";
import { pagingSuite } from "./paging.js";
import { modelFlatteningSuite } from "./modelFlattening.js";
import { mediaTypesSuite } from "./mediaTypes.js";
import { multiapiSuite } from "./multiapi.js";
import { requiredOptionalSuite } from "./requiredOptional.js";
import { reservedWordsSuite } from "./reservedWords.js";
import { lroParameterizedEndpointsSuite } from "./lroParameterizedEndpoints.js";
import { multiapiCustomBaseUrlSuite } from "./multiapiCustomBaseUrl.js";
import { parameterizedEndpointSuite } from "./parameterizedEndpoint.js";
import { securitySuite } from "./security.js";
import { subscriptionIdApiVersionSuite } from "./subscriptionIdApiVersion.js";
import { urlPathsSuite } from "./urlPaths.js";
import { urlMultiCollectionFormatSuite } from "./urlMultiCollectionFormat.js";
import { urlQueriesSuite } from "./urlQueries.js";
import { xmlServiceSuite } from "./xmlService.js";
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
  bodyDatetimeSuite,
  multipleInheritanceSuite,
  additionalPropertiesSuite,
  anyTypeSuite,
  objectTypeSuite,
  extensibleEnumsSuite,
  nonStringEnumSuite,
  mergePatchSuite,
  pagingSuite,
  customBaseUrlPagingSuite,
  azureParameterGroupingSuite,
  modelFlatteningSuite,
  urlMultiCollectionFormatSuite,
  xmlServiceSuite,
  bodyBinarySuite,
  bodyFileSuite,
  mediaTypesSuite,
  reservedWordsSuite,
  bodyFormdataSuite,
  bodyFormdataUrlencodedSuite,
  clientOptionsSuite,
  customBaseUrlSuite,
  parameterizedEndpointSuite,
  multiapiCustomBaseUrlSuite,
  securitySuite,
  subscriptionIdApiVersionSuite,
  constantsSuite,
  clientEnumSuite,
  lroParameterizedEndpointsSuite,
  xmsErrorResponsesSuite,
  errorWithSecretsSuite,
  validationSuite,
  multiapiSuite,
  dpgSuite,
  incorrectErrorResponseSuite,
];
