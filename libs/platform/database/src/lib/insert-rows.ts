import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** A column `insertRows` writes: its name, its PostgreSQL type, and its value in a row. */
export interface InsertColumn<Row> {
  name: string;
  type: string;
  value(row: Row): unknown;
}

/**
 * Inserts rows in one statement of one array parameter a column (`INSERT … SELECT * FROM unnest(…)`): the
 * batch's hundred rows in one round trip, with a statement text that does not grow with them, and no entity
 * metadata walked per cell (TypeORM's multi-row `insert` spends longer building the statement than
 * PostgreSQL running it). For tens of thousands of rows, `copyRows` is faster still. Not for array columns
 * (`unnest` would flatten them): those tables take `jsonb_to_recordset`.
 */
export async function insertRows<Row>(
  manager: EntityManager,
  table: string,
  columns: readonly InsertColumn<Row>[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.filter(({ type }) => type.endsWith('[]') || type.startsWith('_'));
  // unnest flattens an array of arrays: array columns need a JSON recordset instead.
  if (arrays.length)
    throw new Error(`insertRows: ${arrays.map(({ name }) => name).join(', ')} is an array column`);
  const json = (type: string) => type === 'json' || type === 'jsonb';
  await manager.query(
    `INSERT INTO ${table} (${columns.map(({ name }) => name).join(', ')})
     SELECT * FROM unnest(${columns.map(({ type }, index) => `$${index + 1}::${type}[]`).join(', ')})`,
    columns.map(({ type, value }) =>
      rows.map((row) => {
        const cell = value(row);
        // node-postgres would write an object inside an array as a composite, not as JSON.
        return json(type) && cell !== null && cell !== undefined ? JSON.stringify(cell) : (cell ?? null);
      }),
    ),
  );
}

/**
 * Inserts entities as `insertRows` does, every column of the entity's table from its metadata. Every column
 * is written: a property left undefined is NULL, and no column default applies.
 */
export async function insertEntities<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  entities: readonly Entity[],
): Promise<void> {
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.map((column): InsertColumn<Entity> => ({
    name: `"${column.databaseName}"`,
    type: `${manager.connection.driver.normalizeType(column)}${column.isArray ? '[]' : ''}`,
    value: (entity) => column.getEntityValue(entity),
  }));
  await insertRows(manager, metadata.tablePath, columns, entities);
}
