import { parseXML, stringifyXML, XML_ATTRKEY, XML_CHARKEY } from "@azure/core-xml";
import { RestError, type PipelineResponse } from "@azure/core-rest-pipeline";
import { sendOperation, type OperationContext, type OperationOptions, type OperationRequest, type OperationResponse } from "./runtime.js";

/**
 * How a value is written in XML. The other side of the mapping is the value's JSON wire form (wire
 * names, dates and bytes as text), the one the `serialize*` / `deserialize*` mappers read and write:
 * XML is converted to and from it here, so the mappers are the same for JSON and XML.
 */
export type XmlType =
  /** Text content, read back as a string, a number or a boolean. */
  | { kind: "string" | "number" | "boolean" }
  /**
   * A list. `wrapped`: its items (elements named `itemName`) sit in one element of their own; else they
   * repeat in the enclosing element. At the root, the root element is the wrapper.
   */
  | { kind: "array"; items: XmlType; itemName: string; wrapped?: boolean }
  /** Child elements named by the keys. */
  | { kind: "dictionary"; values: XmlType }
  /** An object model, by its name in the spec's {@link XmlModels}. */
  | { kind: "model"; name: string };

/** One property of a model: where its value sits in the model's element. */
export interface XmlProperty {
  /** The property's name in the JSON wire form. */
  key: string;
  /** Element or attribute name (with its prefix, `prefix:name`). */
  name: string;
  type: XmlType;
  /** An attribute of the model's element. */
  attribute?: boolean;
  /** The text content of the model's element (`x-ms-text`). */
  text?: boolean;
  /** `xmlns` (or `xmlns:prefix`) declared on the property's element: [attribute name, namespace]. */
  namespace?: readonly [string, string];
}

/** An object model in XML: its element name as a root, and its properties in document order. */
export interface XmlModel {
  name: string;
  namespace?: readonly [string, string];
  properties: readonly XmlProperty[];
  /** `additionalProperties`: child elements beyond the properties, named by their keys. */
  additional?: XmlType;
}

/** The XML shapes of a spec's models, by model name. */
export type XmlModels = Readonly<Record<string, XmlModel>>;

type XmlNode = Record<string, unknown>;

const asNode = (value: unknown): XmlNode =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as XmlNode) : {};
const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The text of an element as parsed: a string, or an object (attributes) holding it. */
function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  const text = asNode(value)[XML_CHARKEY];
  return typeof text === "string" ? text : "";
}

/** Reads a parsed element (core-xml's object form) into the JSON wire form of `type`. */
export function readXmlValue(value: unknown, type: XmlType, models: XmlModels): unknown {
  switch (type.kind) {
    case "string":
      return textOf(value);
    case "number": {
      const text = textOf(value).trim();
      return text === "" ? undefined : Number(text);
    }
    case "boolean": {
      const text = textOf(value).trim().toLowerCase();
      return text === "" ? undefined : text === "true" || text === "1";
    }
    case "array":
      return asList(asNode(value)[type.itemName]).map((item) => readXmlValue(item, type.items, models));
    case "dictionary":
      return Object.fromEntries(
        Object.entries(asNode(value))
          .filter(([key]) => key !== XML_ATTRKEY && key !== XML_CHARKEY)
          .map(([key, item]) => [key, readXmlValue(Array.isArray(item) ? item[0] : item, type.values, models)]),
      );
    case "model":
      // an element with text and no attributes or children is parsed as its text
      return readModel(typeof value === "string" && value !== "" ? { [XML_CHARKEY]: value } : asNode(value), models[type.name], models);
  }
}

function readModel(node: XmlNode, model: XmlModel | undefined, models: XmlModels): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  const known = new Set<string>([XML_ATTRKEY, XML_CHARKEY]);
  for (const property of model?.properties ?? []) {
    let value: unknown;
    if (property.attribute === true) {
      value = asNode(node[XML_ATTRKEY])[property.name];
    } else if (property.text === true) {
      value = node[XML_CHARKEY];
    } else if (property.type.kind === "array" && property.type.wrapped !== true) {
      // unwrapped: the items repeat in this element; none means the list is absent
      known.add(property.type.itemName);
      const items = node[property.type.itemName];
      value = items === undefined ? undefined : { [property.type.itemName]: items };
    } else {
      known.add(property.name);
      value = node[property.name];
      // an element repeated where one is expected: the first one counts
      value = Array.isArray(value) && property.type.kind !== "array" ? value[0] : value;
    }
    if (value === undefined) continue;
    const read = readXmlValue(value, property.type, models);
    if (read !== undefined) wire[property.key] = read;
  }
  if (model?.additional !== undefined) {
    const rest = Object.fromEntries(Object.entries(node).filter(([key]) => !known.has(key)));
    Object.assign(wire, readXmlValue(rest, { kind: "dictionary", values: model.additional }, models));
  }
  return wire;
}

/** Writes the JSON wire form of `type` as core-xml's object form of an element (undefined: no element). */
export function writeXmlValue(value: unknown, type: XmlType, models: XmlModels): unknown {
  if (value === undefined || value === null) return undefined;
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
      return String(value);
    case "array":
      return { [type.itemName]: (value as unknown[]).map((item) => writeXmlValue(item, type.items, models) ?? "") };
    case "dictionary":
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, writeXmlValue(item, type.values, models)]),
      );
    case "model":
      return writeModel(value as Record<string, unknown>, models[type.name], models);
  }
}

function writeModel(wire: Record<string, unknown>, model: XmlModel | undefined, models: XmlModels): XmlNode {
  const node: XmlNode = {};
  const attributes: Record<string, string> = {};
  if (model?.namespace !== undefined) attributes[model.namespace[0]] = model.namespace[1];
  const known = new Set<string>();
  for (const property of model?.properties ?? []) {
    known.add(property.key);
    const value = wire[property.key];
    if (value === undefined || value === null) continue;
    if (property.attribute === true) {
      attributes[property.name] = String(value);
    } else if (property.text === true) {
      node[XML_CHARKEY] = String(value);
    } else if (property.type.kind === "array" && property.type.wrapped !== true) {
      Object.assign(node, writeXmlValue(value, property.type, models));
    } else {
      const element = writeXmlValue(value, property.type, models);
      node[property.name] = property.namespace === undefined ? element : withNamespace(element, property.namespace);
    }
  }
  if (model?.additional !== undefined) {
    const rest = Object.fromEntries(Object.entries(wire).filter(([key]) => !known.has(key)));
    Object.assign(node, writeXmlValue(rest, { kind: "dictionary", values: model.additional }, models));
  }
  if (Object.keys(attributes).length > 0) node[XML_ATTRKEY] = attributes;
  return node;
}

function withNamespace(element: unknown, [name, uri]: readonly [string, string]): XmlNode {
  const node = typeof element === "string" ? { [XML_CHARKEY]: element } : asNode(element);
  return { ...node, [XML_ATTRKEY]: { ...asNode(node[XML_ATTRKEY]), [name]: uri } };
}

/** An XML request body: the JSON wire form of `type` as a document whose root element is `rootName`. */
export function writeXml(value: unknown, type: XmlType, rootName: string, models: XmlModels): string {
  const root = writeXmlValue(value, type, models);
  return stringifyXML(typeof root === "object" && root !== null ? root : { [XML_CHARKEY]: root ?? "" }, { rootName });
}

/** Reads an XML document into the JSON wire form of `type`. */
export async function readXml(text: string, type: XmlType, models: XmlModels): Promise<unknown> {
  // an empty root element (`<list/>`) is parsed as the empty string
  return readXmlValue(await parseXML(text), type, models);
}

/**
 * `sendOperation` for an operation whose success response is XML: the same request, pipeline, options
 * and error mapping; the body is read as XML (into the JSON wire form of `type`) instead of JSON.
 * `onResponse` sees the response as it came.
 */
export async function sendXmlOperation(
  context: OperationContext,
  request: OperationRequest,
  options: OperationOptions,
  type: XmlType,
  models: XmlModels,
): Promise<OperationResponse> {
  let raw: PipelineResponse | undefined;
  let text: string | null | undefined;
  const onResponse = (response: PipelineResponse): void => {
    options.onResponse?.(response);
    // sendOperation parses the body as JSON after this hook: it gets none, the XML is read below.
    raw = response;
    text = response.bodyAsText;
    response.bodyAsText = undefined;
  };
  try {
    const sent = await sendOperation(context, request, { ...options, onResponse });
    if (!text) return sent;
    try {
      return { ...sent, body: await readXml(text, type, models) };
    } catch {
      throw new RestError(`The response body of status ${sent.status} is not valid XML`, {
        code: RestError.PARSE_ERROR,
        statusCode: sent.status,
        request: sent.response.request,
        response: sent.response,
      });
    }
  } finally {
    if (raw !== undefined) raw.bodyAsText = text;
  }
}
