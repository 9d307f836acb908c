/** Rows per statement: large enough to amortise the round trip, small enough for PostgreSQL's parameters. */
export const WRITE_BATCH = 5_000;

export function* batches<T>(items: readonly T[], size = WRITE_BATCH): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
