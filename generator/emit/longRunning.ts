/**
 * Long-running operations (x-ms-long-running-operation): the function returns core-lro's poller, started
 * on the initial request (`longRunningOperation`, which sends it and each poll through the pipeline); its
 * result is the final response's body, deserialized, or for a pageable one the iterator over the pages.
 */
import type { Operation } from "../model/types.js";
import { operationContext } from "./anonymous.js";
import { contextWithParts } from "./bodies.js";
import type { EmitContext } from "./context.js";
import { pagedLongRunningStatements, type PagedParts } from "./paging.js";
import type { OperationResult } from "./result.js";
import { stringLiteral } from "./text.js";
import { wireType } from "./typeExpressions.js";
import type { UsedNames } from "./usedNames.js";
import { mappingExpression } from "./wireMapping.js";

/**
 * `processResult` of a long-running operation's poller: the final response's parsed body
 * (`body`, unknown to core-lro) as the operation's result, deserialized with the model's mapper.
 */
function processResult(result: OperationResult | undefined, resultTypeText: string, context: EmitContext, uses: UsedNames): string {
  if (result === undefined) {
    return "() => undefined";
  }
  const mapped = mappingExpression(result.type, "wire", "deserialize", context, uses);
  if (mapped === undefined) {
    return `(body) => body as ${resultTypeText}`;
  }
  const wire = wireType(result.type, context, uses);
  if (!result.always) {
    return `(body) => {\nconst wire = body as ${wire} | undefined;\nreturn wire === undefined ? undefined : ${mapped};\n}`;
  }
  return /^\w+\(wire\)$/.test(mapped)
    ? `(body) => ${mapped.replace("(wire)", `(body as ${wire})`)}`
    : `(body) => {\nconst wire = body as ${wire};\nreturn ${mapped};\n}`;
}

/**
 * The statements after the checks and the URL of a long-running operation, and the type its function
 * returns. `request`: the lines of the request's object literal; `headers`: its header lines (next pages
 * of a pageable one are sent with them); `returnType`: the type of the final result.
 */
export function longRunningStatements(args: {
  operation: Operation;
  result: OperationResult | undefined;
  paged: PagedParts | undefined;
  request: readonly string[];
  headers: string[];
  bodyParts: readonly string[];
  returnType: string;
  context: EmitContext;
  uses: UsedNames;
}): { statements: string[]; returnTypeText: string } {
  const { result, paged, context, uses } = args;
  // core-lro polls; each request (the initial one, polls, the final GET) goes through sendOperation.
  const finalStateVia = args.operation.longRunning?.finalStateVia;
  const pollerOptions = [
    ...(finalStateVia === undefined ? [] : [`resourceLocationConfig: ${stringLiteral(finalStateVia)},`]),
    "intervalInMs: options.updateIntervalInMs,",
  ];
  const sendContext = operationContext(args.operation, context, uses);
  const initial = `${uses.call("longRunningOperation")}(${contextWithParts(args.bodyParts, uses, sendContext)}, {\n${args.request.join("\n")}\n}, options)`;
  let returnType = args.returnType;
  const statements: string[] = [];
  if (paged !== undefined && result !== undefined) {
    // The final result is the first page: the poller resolves with the iterator over every page.
    const lro = pagedLongRunningStatements({
      paged,
      pageTypeRef: result.type,
      context,
      headers: args.headers,
      operation: initial,
      sendContext,
      pollerOptions,
      uses,
    });
    returnType = lro.resultType;
    statements.push(...lro.statements);
  } else {
    pollerOptions.push(`processResult: ${processResult(result, returnType, context, uses)},`);
    statements.push(
      `return ${uses.lro("createHttpPoller")}<${returnType}, OperationState<${returnType}>>(${initial}, {\n${pollerOptions.join("\n")}\n});`,
    );
  }
  return { statements, returnTypeText: `Promise<SimplePollerLike<OperationState<${returnType}>, ${returnType}>>` };
}
