/**
 * JSON with every object's keys in code-point order, so two documents that differ only in key order (as
 * jsonb returns them, or as two code paths build them) compare equal as strings.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
