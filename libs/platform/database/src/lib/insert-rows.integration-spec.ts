import { Column, Entity, PrimaryColumn } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../testing';
import { inTransaction } from './transaction';
import { insertEntities, insertRows, type InsertColumn } from './insert-rows';

@Entity({ name: 'sample_entity' })
class SampleEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', nullable: true })
  caseNumber!: string | null;

  @Column({ type: 'timestamptz' })
  sentAt!: Date;

  @Column({ type: 'integer', nullable: true })
  score!: number | null;
}

interface Sample {
  id: number;
  label: string | null;
  doc: unknown;
  at: Date | null;
  tags: string | null;
}

const COLUMNS: InsertColumn<Sample>[] = [
  { name: 'id', type: 'int', value: (row) => row.id },
  { name: 'label', type: 'text', value: (row) => row.label },
  { name: 'doc', type: 'jsonb', value: (row) => row.doc },
  { name: 'at', type: 'timestamptz', value: (row) => row.at },
  { name: 'tags', type: 'text', value: (row) => row.tags },
];

describe('insertRows', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('insert_rows', { migrations: [], entities: [SampleEntity] });
    await database.dataSource.query(
      'CREATE TABLE sample (id int PRIMARY KEY, label text, doc jsonb, at timestamptz, tags text)',
    );
    await database.dataSource.query(
      'CREATE TABLE sample_entity (id uuid PRIMARY KEY, case_number text, sent_at timestamptz NOT NULL, score int)',
    );
  });

  afterAll(() => database.drop());

  it('writes each row as given, in one statement inside the transaction', async () => {
    const awkward = 'comma, "quote", {brace}, back\\slash, NULL, Nguyễn 🙂';
    const at = new Date('2026-12-07T20:15:00.123Z');
    const statements: string[] = [];
    await inTransaction(database.dataSource, async (manager) => {
      const query = manager.query.bind(manager);
      manager.query = (sql: string, parameters?: unknown[]) => {
        statements.push(sql);
        return query(sql, parameters);
      };
      await insertRows(manager, 'sample', COLUMNS, [
        { id: 1, label: awkward, doc: { list: [1, 'x"y'], nested: { a: null } }, at, tags: '{a,b}' },
        { id: 2, label: null, doc: null, at: null, tags: null },
        { id: 3, label: 'NULL', doc: ['an', 'array'], at, tags: '' },
      ]);
    });
    expect(statements).toHaveLength(1);
    expect(await database.dataSource.query('SELECT * FROM sample ORDER BY id')).toEqual([
      { id: 1, label: awkward, doc: { list: [1, 'x"y'], nested: { a: null } }, at, tags: '{a,b}' },
      { id: 2, label: null, doc: null, at: null, tags: null },
      { id: 3, label: 'NULL', doc: ['an', 'array'], at, tags: '' },
    ]);
  });

  it('writes nothing, and sends nothing, for no rows; and is undone with its transaction', async () => {
    await inTransaction(database.dataSource, (manager) => insertRows(manager, 'no_such_table', COLUMNS, []));
    await expect(
      inTransaction(database.dataSource, async (manager) => {
        await insertRows(manager, 'sample', COLUMNS, [
          { id: 9, label: 'gone', doc: null, at: null, tags: null },
        ]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await database.dataSource.query('SELECT id FROM sample WHERE id = 9')).toEqual([]);
  });

  it('refuses array columns, which unnest would flatten', async () => {
    await expect(
      inTransaction(database.dataSource, (manager) =>
        insertRows(manager, 'sample', [{ name: 'tags', type: 'text[]', value: () => ['a'] }], [{}]),
      ),
    ).rejects.toThrow('insertRows: tags is an array column');
  });

  it('inserts entities by their columns, named as the naming strategy names them', async () => {
    const sentAt = new Date('2026-12-07T21:00:00.000Z');
    const entities: SampleEntity[] = [
      { id: '0b6f7a3e-25a4-4b0f-9f55-0f4c8a8b1a01', caseNumber: 'HR-2026-000001', sentAt, score: 7 },
      { id: '0b6f7a3e-25a4-4b0f-9f55-0f4c8a8b1a02', caseNumber: null, sentAt, score: null },
    ];
    await inTransaction(database.dataSource, (manager) => insertEntities(manager, SampleEntity, entities));
    expect(await database.dataSource.manager.find(SampleEntity, { order: { id: 'ASC' } })).toEqual(
      entities.map((entity) => Object.assign(new SampleEntity(), entity)),
    );
  });
});
