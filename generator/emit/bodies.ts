/**
 * Request and response bodies that are not one JSON (or text) value: binary bodies and streamed binary
 * responses, bodies that may be sent as several media types (a `contentType` option), and form fields
 * (urlencoded or multipart). Operations whose body is plain JSON or text are written by requestBody.ts
 * as before; this module decides which are not and writes their code.
 */
import type { BodyKind, BodyMediaType, CodeModel, Operation, Parameter, TypeRef } from "../model/types.js";
import { isBinaryType } from "../model/bodies.js";
import type { EmitContext } from "./context.js";
import { binaryBodyType } from "./runtimeNames.js";
import type { MethodArgument } from "./methodArgument.js";
import { headerValueOr, isHeaderNamed, type HeaderValue } from "./headerValues.js";
import { stringLiteral } from "./text.js";
import { modelTypeNames, publicType } from "./typeExpressions.js";
import { UsedNames } from "./usedNames.js";
import { mappingExpression } from "./wireMapping.js";

/** The body's media types, when they are not all one kind of plain JSON or all text (those stay with requestBody.ts). */
function specialVariants(operation: Operation): BodyMediaType[] | undefined {
  const variants = operation.bodyMediaTypes;
  if (variants === undefined || variants.length === 0) {
    return undefined;
  }
  const kinds = new Set(variants.map((v) => v.kind));
  const first = variants[0]!.kind;
  return kinds.size === 1 && (first === "json" || first === "text") ? undefined : variants;
}

/** A success response's body is bytes or a stream: it is returned unread (`BinaryResponse`). */
export function hasBinaryResult(operation: Operation): boolean {
  return operation.responses.some((r) => r.bodyType?.kind === "binary");
}

/** Whether runtime.ts needs generator/emit/runtime/bodies.ts appended (some operation uses its helpers or types). */
export function needsBodyRuntime(model: CodeModel): boolean {
  return model.operationGroups.some((g) => g.operations.some((o) => specialVariants(o) !== undefined || hasBinaryResult(o)));
}

/**
 * The `contentType` option of an operation whose body may be sent as several media types, or undefined.
 * Named `contentType` unless a parameter of the operation already is (then `bodyContentType`). None when
 * the operation has a `Content-Type` header parameter of its own: that one chooses the media type.
 */
export function contentTypeArgument(operation: Operation, takenNames: ReadonlySet<string>): MethodArgument | undefined {
  const variants = specialVariants(operation);
  if (variants === undefined || variants.length < 2 || operation.body === undefined) {
    return undefined;
  }
  if (operation.parameters.some((p) => isHeaderNamed(p, "content-type"))) {
    return undefined;
  }
  return {
    name: takenNames.has("contentType") ? "bodyContentType" : "contentType",
    serializedName: "Content-Type",
    type: { kind: "string" },
    required: false,
    description: `Media type the body is sent as (default ${stringLiteral(defaultVariant(operation.body.type, variants).mediaType)}): ${describeKinds(variants)}.`,
    contentTypes: variants.map((v) => v.mediaType),
  };
}

function describeKinds(variants: readonly BodyMediaType[]): string {
  const said: Record<BodyKind, string> = {
    json: "the value as JSON",
    text: "the string as it is",
    binary: "the bytes or stream as they are",
    form: "the fields urlencoded",
    multipart: "the fields as multipart parts",
  };
  return variants.map((v) => `${v.mediaType}: ${said[v.kind]}`).join("; ");
}

/** The media type used when the caller names none: the first whose kind fits the body's declared type, else the first. */
function defaultVariant(type: TypeRef, variants: readonly BodyMediaType[]): BodyMediaType {
  const natural: BodyKind = type.kind === "binary" ? "binary" : type.kind === "string" ? "text" : "json";
  return variants.find((v) => v.kind === natural) ?? variants.find((v) => v.kind === "json") ?? variants[0]!;
}

/** The TypeScript type of one kind of body. */
function kindType(kind: BodyKind, type: TypeRef, context: EmitContext, uses: UsedNames): string {
  if (kind === "binary") return uses.type(binaryBodyType);
  return kind === "text" ? "string" : uses.modelType(publicType(type, context.unions), modelTypeNames(type, context.unions));
}

/** The type of a form field: a file is a `BinaryBody` (several files an array of them). */
function fieldType(type: TypeRef, context: EmitContext, uses: UsedNames): string {
  if (type.kind === "binary") return uses.type(binaryBodyType);
  if (type.kind === "array" && type.items.kind === "binary") return `${uses.type(binaryBodyType)}[]`;
  return publicType(type, context.unions);
}

/**
 * The TypeScript type of an operation argument (what operationsFile.ts and the options bag declare); a
 * `BinaryBody` it names is noted in `uses`.
 */
export function argumentType(argument: MethodArgument, operation: Operation, context: EmitContext, uses: UsedNames): string {
  if (argument.contentTypes !== undefined) {
    return argument.contentTypes.map(stringLiteral).join(" | ");
  }
  if (argument.parameter?.location === "form") {
    return fieldType(argument.type, context, uses);
  }
  const variants = argument.body !== undefined ? specialVariants(operation) : undefined;
  if (variants === undefined) {
    return publicType(argument.type, context.unions);
  }
  if (argument.type.kind === "unknown") {
    return "unknown";
  }
  const types = [...new Set(variants.map((v) => kindType(v.kind, argument.type, context, uses)))];
  return types.join(" | ");
}

/** What requestBody.ts puts in a request with such a body. */
export interface SpecialBody {
  /** Header lines (`"Content-Type": ...,`). */
  headers: string[];
  /** `body: ...,` line of the OperationRequest (a string body), or "". */
  bodyLine: string;
  /** Properties of the PipelineRequest set by `withRequestParts` (a binary or multipart body, streamed statuses). */
  parts: string[];
}

/**
 * The code of a request whose body is binary, form fields, or one of several media types; undefined for a
 * plain JSON or text body (or none). `absent` is the condition under which no body is sent ("" when always sent).
 * `contentType`: the operation's own `Content-Type` header parameter, sent whenever given, and the media type
 * the body is written as (the default's when it is not given).
 */
export function specialBody(
  operation: Operation,
  all: readonly MethodArgument[],
  sourceOf: (a: MethodArgument) => string,
  absent: (bodySource: string | undefined) => string,
  urlValue: (type: TypeRef, source: string) => string,
  context: EmitContext,
  uses: UsedNames,
  contentType?: HeaderValue,
): SpecialBody | undefined {
  const variants = specialVariants(operation);
  if (variants === undefined) {
    return undefined;
  }
  const guard = (condition: string, expression: string): string =>
    condition === "" ? expression : `${condition} ? undefined : ${expression}`;
  const first = variants[0]!;
  if (first.kind === "form" || first.kind === "multipart") {
    const fields = formFields(operation, all, sourceOf, urlValue, uses);
    const condition = absent(undefined);
    const mediaType = guard(condition, stringLiteral(first.mediaType));
    const header = `"Content-Type": ${headerValueOr(contentType, mediaType)},`;
    return first.kind === "form"
      ? { headers: [header], bodyLine: `body: ${guard(condition, `${uses.call("formBody")}([\n${fields}\n])`)},`, parts: [] }
      : {
          headers: [header],
          bodyLine: "",
          parts: [`multipartBody: ${guard(condition, `${uses.call("multipartFormBody")}([\n${fields}\n])`)},`],
        };
  }
  const argument = all.find((a) => a.body !== undefined);
  if (argument === undefined) {
    return undefined;
  }
  const source = sourceOf(argument);
  const condition = absent(source);
  const option = all.find((a) => a.contentTypes !== undefined);
  const fallback = stringLiteral(defaultVariant(argument.type, variants).mediaType);
  const chosen =
    contentType !== undefined
      ? headerValueOr(contentType, fallback)
      : option === undefined
        ? stringLiteral(first.mediaType)
        : `${sourceOf(option)} ?? ${fallback}`;
  // whether the caller chooses the media type (then the body's type is a union, narrowed where it is written)
  const choosable = option !== undefined || (contentType !== undefined && variants.length > 1);
  const written = (kind: BodyKind): string => {
    // (built only where it is written: the types it names are imported)
    const typed = (): string => `(${source} as ${kindType(kind, argument.type, context, uses)})`;
    if (kind === "json") {
      // the cast is written only when the body is mapped: what it names is noted only then
      const castUses = new UsedNames();
      const cast = `(${source} as ${kindType(kind, argument.type, context, castUses)})`;
      const mapped = mappingExpression(argument.type, cast, "serialize", context, uses);
      if (mapped !== undefined) uses.add(castUses);
      return `JSON.stringify(${mapped ?? source})`;
    }
    return choosable ? typed() : source;
  };
  const kinds = [...new Set(variants.map((v) => v.kind))];
  let expression = written(kinds[kinds.length - 1]!);
  for (const kind of kinds.slice(0, -1).reverse()) {
    const types = variants.filter((v) => v.kind === kind).map((v) => stringLiteral(v.mediaType));
    const test =
      types.length === 1
        ? `${chosen.includes("??") ? `(${chosen})` : chosen} === ${types[0]}`
        : `[${types.join(", ")}].includes(${chosen})`;
    expression = `${test} ? ${written(kind)} : ${expression}`;
  }
  return {
    headers: [
      `"Content-Type": ${contentType === undefined ? guard(condition, chosen) : headerValueOr(contentType, guard(condition, fallback))},`,
    ],
    bodyLine: "",
    // an optional body passed as it is needs no guard: undefined is no body
    parts: [`body: ${expression === source && condition === `${source} === undefined` ? source : guard(condition, expression)},`],
  };
}

/** The `[name, value]` entries of a form body, in the operation's parameter order (constants written in). */
function formFields(
  operation: Operation,
  all: readonly MethodArgument[],
  sourceOf: (a: MethodArgument) => string,
  urlValue: (type: TypeRef, source: string) => string,
  uses: UsedNames,
): string {
  return operation.parameters
    .filter((p): p is Parameter => p.location === "form")
    .map((parameter) => {
      const name = stringLiteral(parameter.serializedName);
      if (parameter.type.kind === "constant") {
        return `[${name}, ${JSON.stringify(parameter.type.value)}],`;
      }
      const argument = all.find((a) => a.parameter === parameter);
      if (argument === undefined) {
        return "";
      }
      const source = sourceOf(argument);
      if (isBinaryType(parameter.type)) {
        return `[${name}, ${source}],`;
      }
      const value = urlValue(parameter.type, source);
      const joined =
        parameter.type.kind === "array" && parameter.collectionFormat !== "multi"
          ? `${uses.call("joinCollection")}(${value}${parameter.collectionFormat === undefined || parameter.collectionFormat === "csv" ? "" : `, ${stringLiteral(parameter.collectionFormat)}`})`
          : value;
      return `[${name}, ${!argument.required && joined !== source ? `${source} === undefined ? undefined : ${joined}` : joined}],`;
    })
    .filter((line) => line !== "")
    .join("\n");
}

/** The `streamResponseStatusCodes` part that keeps a binary success response unread (its statuses). */
export function binaryResultPart(operation: Operation): string {
  const statuses = operation.responses.filter((r) => r.bodyType?.kind === "binary").map((r) => r.status);
  return `streamResponseStatusCodes: new Set([${statuses.join(", ")}]),`;
}

/** The statements returning a streamed binary response: core-rest-pipeline's two stream properties, unread. */
export function binaryResultStatements(send: string): string[] {
  return [
    `const { response } = await ${send};`,
    "return { blobBody: response.blobBody, readableStreamBody: response.readableStreamBody };",
  ];
}

/**
 * Wraps the operation's context (`base`: `context`, or without the credential) so the pipeline adds `parts` to the
 * request (the sendOperation call's first argument).
 */
export function contextWithParts(parts: readonly string[], uses: UsedNames, base: string): string {
  return parts.length === 0 ? base : `${uses.call("withRequestParts")}(${base}, {\n${parts.join("\n")}\n})`;
}
