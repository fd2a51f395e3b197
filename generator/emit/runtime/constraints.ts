// Checks of the service's constraints before a request is sent. Emitted (appended to runtime.ts) only
// for a client generated with constraint validation on: spec/manifest.json "client.validateConstraints"
// or `npm run generate -- --validate-constraints`. By default the service checks its own constraints.

/** Numeric bounds of a parameter or property. */
export interface NumberBounds {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
}

/** Throws a RangeError naming `path` and the allowed range when `value` is outside `bounds`. */
export function assertInRange(value: number, path: string, bounds: NumberBounds): void {
  const { minimum, maximum, exclusiveMinimum = false, exclusiveMaximum = false } = bounds;
  const tooLow = minimum !== undefined && (exclusiveMinimum ? value <= minimum : value < minimum);
  const tooHigh = maximum !== undefined && (exclusiveMaximum ? value >= maximum : value > maximum);
  if (tooLow || tooHigh || Number.isNaN(value)) {
    throw new RangeError(`${path} must be ${describeRange(minimum, maximum, exclusiveMinimum, exclusiveMaximum)}, got ${value}`);
  }
}

/** Throws a RangeError when the length of a string is outside the bounds (the value itself is never shown). */
export function assertLength(value: string, path: string, minLength?: number, maxLength?: number): void {
  if ((minLength !== undefined && value.length < minLength) || (maxLength !== undefined && value.length > maxLength)) {
    throw new RangeError(`${path} length must be ${describeRange(minLength, maxLength, false, false)}, got ${value.length}`);
  }
}

/** Throws a RangeError when an array has too few or too many items. */
export function assertItemCount(value: readonly unknown[], path: string, minItems?: number, maxItems?: number): void {
  if ((minItems !== undefined && value.length < minItems) || (maxItems !== undefined && value.length > maxItems)) {
    throw new RangeError(`${path} item count must be ${describeRange(minItems, maxItems, false, false)}, got ${value.length}`);
  }
}

/** Throws a RangeError when a string does not match `pattern` (the value itself is never shown). */
export function assertPattern(value: string, path: string, pattern: string): void {
  if (!new RegExp(pattern, "u").test(value)) {
    throw new RangeError(`${path} must match the pattern ${pattern}`);
  }
}

function describeRange(
  minimum: number | undefined,
  maximum: number | undefined,
  exclusiveMinimum: boolean,
  exclusiveMaximum: boolean,
): string {
  if (minimum !== undefined && maximum !== undefined) {
    return `within ${exclusiveMinimum ? "(" : "["}${minimum}, ${maximum}${exclusiveMaximum ? ")" : "]"}`;
  }
  if (minimum !== undefined) {
    return `${exclusiveMinimum ? ">" : ">="} ${minimum}`;
  }
  return `${exclusiveMaximum ? "<" : "<="} ${maximum}`;
}
