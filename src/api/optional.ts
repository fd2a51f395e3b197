/** `{ [name]: value }`, or `{}` when the value is undefined: an absent option is never sent (not even as null). */
export function optional<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: V };
}
