/**
 * A spread body (`BodyParameter.spread`, parameter flattening): each writable property of the body model
 * is a parameter of the operation, and the operation builds the body object from them, then serializes
 * it like any body of that model. A required constant property is no parameter: its value is written in.
 * The body is always sent (its properties' absence is the serializer's business).
 */
import type { BodyParameter, Operation } from "../model/types.js";
import { argumentSource, type MethodArgument } from "./methodArgument.js";
import { propertyKey } from "./text.js";

/** The parameters of a spread body, in the model's property order. */
export function spreadArguments(body: BodyParameter): MethodArgument[] {
  return (body.spread ?? [])
    .filter((p) => !(p.required && p.type.kind === "constant"))
    .map((p) => ({
      name: p.name,
      serializedName: p.property,
      type: p.type,
      required: p.required,
      description: p.description,
      spreadOf: body,
      ...(body.group !== undefined ? { inGroup: body.group } : {}),
    }));
}

/** `values` and, for a spread body, the body built from its properties' values (an object literal of the model's type). */
export function withSpreadBody(operation: Operation, values: MethodArgument[]): MethodArgument[] {
  const body = operation.body;
  if (body?.spread === undefined) return values;
  const entries = body.spread.map((p) => {
    const value = values.find((v) => v.spreadOf === body && v.name === p.name);
    const source = value !== undefined ? argumentSource(value) : p.type.kind === "constant" ? JSON.stringify(p.type.value) : "undefined";
    return `${propertyKey(p.property)}: ${source},`;
  });
  return [
    ...values,
    {
      name: body.name,
      serializedName: body.serializedName,
      type: body.type,
      required: true,
      description: body.description,
      body,
      source: `{\n${entries.join("\n")}\n}`,
    },
  ];
}
