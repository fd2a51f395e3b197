/**
 * XML metadata of a schema (Swagger's `xml` object, plus `x-ms-text`), read into the format-neutral
 * {@link XmlInfo} the code model carries on object models and on the types of the places that use a
 * schema (properties, array items, bodies). What the media type of an operation is stays in
 * `Operation.consumes` / `produces`; the emitter decides from them whether a body is XML.
 */
import type { JsonObject } from "../../load/types.js";
import { compact, isObject, str } from "./json.js";
import type { TypeRef, XmlInfo } from "../../model/types.js";

/** The XML metadata a schema declares, or undefined when it declares none. */
export function xmlInfoOf(schema: JsonObject): XmlInfo | undefined {
  const xml = isObject(schema["xml"]) ? schema["xml"] : undefined;
  const text = xml?.["x-ms-text"] === true || schema["x-ms-text"] === true;
  if (xml === undefined && !text) return undefined;
  const info: XmlInfo = compact({
    name: xml === undefined ? undefined : str(xml, "name"),
    namespace: xml === undefined ? undefined : str(xml, "namespace"),
    prefix: xml === undefined ? undefined : str(xml, "prefix"),
    attribute: xml?.["attribute"] === true ? true : undefined,
    wrapped: xml?.["wrapped"] === true ? true : undefined,
    text: text ? true : undefined,
  });
  return Object.keys(info).length > 0 ? info : undefined;
}

/** `type` carrying the XML metadata `schema` declares at this place (unchanged when none). */
export function withXml(type: TypeRef, schema: JsonObject): TypeRef {
  const xml = xmlInfoOf(schema);
  return xml === undefined ? type : { ...type, xml };
}
