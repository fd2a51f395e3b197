/**
 * How an operation's request body is written, per media type it consumes: the body kinds of the
 * code model (`json`, `text`, `binary`, `form`, `multipart`). Pure functions of the built operation.
 */
import type { BodyKind, BodyMediaType, BodyParameter, Parameter, TypeRef } from "./types.js";

const jsonMediaType = /^application\/([\w.+-]+\+)?json\b/i;
const textMediaType = /^text\//i;
const multipartMediaType = /^multipart\//i;
const formMediaType = /^application\/x-www-form-urlencoded\b/i;
const xmlMediaType = /^(application|text)\/([\w.+-]+\+)?xml\b/i;

/** Types a text body can carry as they are (a model or an array is JSON whatever the media type says). */
const textKinds = new Set<TypeRef["kind"]>(["string", "enum", "constant", "unknown", "duration"]);

/** A binary value: `type: file`, `format: binary`, or an array of them (several files of one form field). */
export function isBinaryType(type: TypeRef): boolean {
  return type.kind === "binary" || (type.kind === "array" && type.items.kind === "binary");
}

/** The kind of a body of type `type` sent as `mediaType`. */
export function bodyKindOf(mediaType: string, type: TypeRef): BodyKind {
  if (type.kind === "binary") {
    // bytes or a stream are sent as they are, whatever the media type says they hold
    return "binary";
  }
  if (jsonMediaType.test(mediaType)) {
    return "json";
  }
  if (textMediaType.test(mediaType)) {
    return textKinds.has(type.kind) ? "text" : "json";
  }
  return "binary";
}

/**
 * The media types a request body may be sent as and the body kind of each, or undefined when the
 * operation sends no body. Form fields make one form body: the first multipart or urlencoded media type
 * the operation consumes (multipart/form-data when none is listed and a field is a file, else urlencoded).
 * Otherwise each consumed media type (application/json when none) gets the kind of the body's type. XML media
 * types are left out (XML bodies are not one of these kinds); a body consumed as XML only has none, and so has
 * a body that is JSON for every media type (the common case).
 */
export function bodyMediaTypes(
  consumes: readonly string[],
  body: BodyParameter | undefined,
  parameters: readonly Parameter[],
): BodyMediaType[] | undefined {
  const fields = parameters.filter((p) => p.location === "form");
  if (fields.length > 0) {
    const listed = consumes.find((m) => multipartMediaType.test(m) || formMediaType.test(m));
    const mediaType = listed ?? (fields.some((f) => isBinaryType(f.type)) ? "multipart/form-data" : "application/x-www-form-urlencoded");
    return [{ mediaType, kind: multipartMediaType.test(mediaType) ? "multipart" : "form" }];
  }
  if (body === undefined) {
    return undefined;
  }
  const listed = (consumes.length > 0 ? consumes : ["application/json"]).filter((m) => !xmlMediaType.test(m));
  const variants = listed.map((mediaType): BodyMediaType => ({ mediaType, kind: bodyKindOf(mediaType, body.type) }));
  // a JSON body (the common case) needs no list: `consumes` says it all
  return variants.every((v) => v.kind === "json") ? undefined : variants;
}
