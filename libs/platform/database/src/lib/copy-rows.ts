import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

/** A cell as COPY's text format takes it: null is NULL; objects and arrays go as JSON (for json/jsonb columns). */
export type CopyCell = string | number | boolean | null | object;

/**
 * Writes many rows with `COPY … FROM STDIN` on the connection of the manager's open transaction: several
 * times faster than INSERT for tens of thousands of rows (bulk imports), and part of the same transaction.
 * Cells are escaped for COPY's text format (backslash, tab, newline, carriage return; `\N` for null).
 */
export async function copyRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyCell[]>,
): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive)
    throw new Error('copyRows needs the EntityManager of an open transaction');
  const client = (await runner.connect()) as PoolClient;
  const statement = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
  await pipeline(Readable.from(lines(rows, columns.length)), client.query(copyFrom(statement)));
}

function* lines(rows: Iterable<readonly CopyCell[]>, width: number): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    if (row.length !== width) throw new Error(`copyRows: a row has ${row.length} cells, not ${width}`);
    chunk += `${row.map(cell).join('\t')}\n`;
    // Strings of ~64 KB: few enough writes, small enough to stream.
    if (chunk.length > 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function cell(value: CopyCell): string {
  if (value === null) return '\\N';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/[\\\t\n\r]/g, (char) => ESCAPES[char]!);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
