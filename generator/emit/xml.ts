/**
 * XML bodies: which operations send or read XML, and the XML shape (`src/xmlModels.ts`) of every model
 * they reach, as data for the helpers of `src/xml.ts` (generator/emit/runtime/xml.ts, copied only into
 * clients that have XML operations). The shapes map between a model's JSON wire form (what the
 * `serialize*` / `deserialize*` mappers produce and read) and core-xml's object form of the XML.
 */
import { StructureKind, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import type { Operation, Property, TypeRef, XmlInfo } from "../model/types.js";
import type { EmitContext } from "./context.js";
import { jsDoc } from "./docs.js";
import { propertyKey, stringLiteral } from "./text.js";

const xmlMediaType = /^(application|text)\/([\w.+-]+\+)?xml\b/i;

export function isXmlMediaType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && xmlMediaType.test(mediaType);
}

/** The operation sends its body as XML (its first request media type is XML). */
export function sendsXml(operation: Operation): boolean {
  return operation.body !== undefined && isXmlMediaType(operation.consumes[0]);
}

/** The operation's success body is XML (its first response media type is XML). */
export function readsXml(operation: Operation): boolean {
  return isXmlMediaType(operation.produces[0]);
}

/** `prefix:name`, or `name` without a prefix. */
function qualified(name: string, xml: XmlInfo | undefined): string {
  return xml?.prefix === undefined ? name : `${xml.prefix}:${name}`;
}

/**
 * The element name of a value of `type`: its own XML name, else its model's XML name, else (for a root
 * or an array item, `modelName`) the model's definition name, else `fallback` (a property's wire name).
 */
function elementName(type: TypeRef, fallback: string, context: EmitContext, modelName = true): string {
  if (type.xml?.name !== undefined) return qualified(type.xml.name, type.xml);
  if (type.kind === "model") {
    const object = context.objects.get(type.name);
    const name = object?.xml?.name ?? (modelName ? object?.serializedName : undefined) ?? fallback;
    return object?.xml?.name !== undefined ? qualified(name, object.xml) : qualified(name, type.xml);
  }
  return qualified(fallback, type.xml);
}

/** The root element of a body of `type`: its own XML name, its model's, or the model's definition name. */
export function xmlRootName(type: TypeRef, context: EmitContext): string {
  return elementName(type, type.kind === "array" ? elementName(type.items, "items", context) : "root", context);
}

/**
 * The `XmlType` literal of `type`. `name` is the element the value is written in: array items without
 * an XML name of their own (nor a model's) repeat it.
 */
export function xmlTypeText(type: TypeRef, name: string, context: EmitContext): string {
  switch (type.kind) {
    case "integer":
    case "number":
      return `{ kind: "number" }`;
    case "boolean":
      return `{ kind: "boolean" }`;
    case "constant":
      return typeof type.value === "string" ? `{ kind: "string" }` : `{ kind: ${stringLiteral(typeof type.value)} }`;
    case "enum":
      return context.enums.get(type.name)?.valueType === "number" ? `{ kind: "number" }` : `{ kind: "string" }`;
    case "array": {
      const itemName = elementName(type.items, name, context);
      const wrapped = type.xml?.wrapped === true ? ", wrapped: true" : "";
      return `{ kind: "array", items: ${xmlTypeText(type.items, itemName, context)}, itemName: ${stringLiteral(itemName)}${wrapped} }`;
    }
    case "dictionary":
      return `{ kind: "dictionary", values: ${xmlTypeText(type.values, name, context)} }`;
    case "model":
      return `{ kind: "model", name: ${stringLiteral(type.name)} }`;
    default:
      return `{ kind: "string" }`;
  }
}

/** `["xmlns", uri]` or `["xmlns:prefix", uri]` for metadata that declares a namespace. */
function namespaceText(xml: XmlInfo | undefined): string | undefined {
  if (xml?.namespace === undefined) return undefined;
  return `[${stringLiteral(xml.prefix === undefined ? "xmlns" : `xmlns:${xml.prefix}`)}, ${stringLiteral(xml.namespace)}]`;
}

function propertyText(property: Property, context: EmitContext): string {
  const xml = property.type.xml;
  const name =
    xml?.attribute === true || xml?.text === true
      ? qualified(xml.name ?? property.serializedName, xml)
      : elementName(property.type, property.serializedName, context, false);
  const namespace = xml?.attribute === true ? undefined : namespaceText(xml);
  return `{ ${[
    `key: ${stringLiteral(property.serializedName)}`,
    `name: ${stringLiteral(name)}`,
    `type: ${xmlTypeText(property.type, name, context)}`,
    ...(xml?.attribute === true ? ["attribute: true"] : []),
    ...(xml?.text === true ? ["text: true"] : []),
    ...(namespace === undefined ? [] : [`namespace: ${namespace}`]),
  ].join(", ")} }`;
}

/** Names of the object models a type refers to (through arrays and dictionaries). */
function modelsIn(type: TypeRef): string[] {
  return type.kind === "model"
    ? [type.name]
    : type.kind === "array"
      ? modelsIn(type.items)
      : type.kind === "dictionary"
        ? modelsIn(type.values)
        : [];
}

/** The models the XML operations send or read, and the ones those refer to, in model order. */
function xmlModelNames(context: EmitContext): string[] {
  const operations = context.model.operationGroups.flatMap((g) => g.operations);
  const queue = operations.flatMap((o) => [
    ...(sendsXml(o) && o.body !== undefined ? modelsIn(o.body.type) : []),
    ...(readsXml(o) ? o.responses.flatMap((r) => (r.bodyType === undefined ? [] : modelsIn(r.bodyType))) : []),
  ]);
  const found = new Set<string>();
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (found.has(name) || !context.objects.has(name)) continue;
    found.add(name);
    const object = context.objects.get(name);
    queue.push(...(context.properties.get(name) ?? []).flatMap((p) => modelsIn(p.type)));
    if (object?.additionalProperties !== undefined) queue.push(...modelsIn(object.additionalProperties));
  }
  return context.model.objects.filter((o) => found.has(o.name)).map((o) => o.name);
}

/** True when some operation sends or reads XML (the client then has `src/xml.ts` and `src/xmlModels.ts`). */
export function hasXmlOperations(context: EmitContext): boolean {
  return context.model.operationGroups.some((g) => g.operations.some((o) => sendsXml(o) || readsXml(o)));
}

/** Statements of `src/xmlModels.ts`: the XML shape of every model an XML operation reaches. */
export function xmlModelsStatements(context: EmitContext): StatementStructures[] {
  const entries = xmlModelNames(context).map((name) => {
    const object = context.objects.get(name)!;
    const properties = (context.properties.get(name) ?? []).map((p) => propertyText(p, context));
    const namespace = namespaceText(object.xml);
    const fields = [
      `name: ${stringLiteral(elementName({ kind: "model", name }, name, context))}`,
      ...(namespace === undefined ? [] : [`namespace: ${namespace}`]),
      `properties: [${properties.length === 0 ? "" : `\n${properties.join(",\n")},\n`}]`,
      ...(object.additionalProperties === undefined ? [] : [`additional: ${xmlTypeText(object.additionalProperties, name, context)}`]),
    ];
    return `${propertyKey(name)}: {\n${fields.join(",\n")},\n},`;
  });
  return [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./xml.js", isTypeOnly: true, namedImports: ["XmlModels"] },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: jsDoc(
        undefined,
        "The XML shape of each model an XML operation sends or reads: element and attribute names, lists, text content.",
      ),
      declarations: [{ name: "xmlModels", type: "XmlModels", initializer: `{\n${entries.join("\n")}\n}` }],
    },
  ];
}
