import pg from 'pg';
import type { DataSource } from 'typeorm';

/** The statements (and their parameters) the pg driver sends while `work` runs, from every connection. */
export async function statementsOf(
  work: () => Promise<unknown>,
): Promise<{ text: string; values: unknown[] }[]> {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  const sent: { text: string; values: unknown[] }[] = [];
  prototype.query = function (this: unknown, ...args: unknown[]) {
    if (typeof args[0] === 'string') sent.push({ text: args[0], values: (args[1] as unknown[]) ?? [] });
    return original.apply(this, args);
  };
  try {
    await work();
    return sent;
  } finally {
    prototype.query = original;
  }
}

/**
 * What `work` returned, and PostgreSQL's plan (EXPLAIN, not run) of every statement it sent that `about`
 * picks: how a test shows a query uses an index at any input, without timing it.
 */
export async function withStatementPlans<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
  about: (sql: string) => boolean,
): Promise<{ result: T; plans: string[] }> {
  let result: T | undefined;
  const statements = await statementsOf(async () => {
    result = await work();
  });
  const plans: string[] = [];
  for (const { text, values } of statements.filter((statement) => about(statement.text))) {
    const rows: { 'QUERY PLAN': string }[] = await dataSource.query(`EXPLAIN ${text}`, values);
    plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
  }
  return { result: result as T, plans };
}
