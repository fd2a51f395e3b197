/**
 * The service writes date-times with seven fractional digits and an explicit
 * offset, e.g. `2022-11-16T09:47:52.8723509+00:00`.
 */
export function formatServiceDate(epochMs: number): string {
  const iso = new Date(epochMs).toISOString(); // 2022-11-16T09:47:52.872Z
  return `${iso.slice(0, 23)}0000+00:00`;
}

/** RFC 7231 / toUTCString date or ISO date; NaN when unparseable. */
export function parseHttpDate(value: string): number {
  return Date.parse(value);
}
