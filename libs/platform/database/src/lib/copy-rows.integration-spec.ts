import { createTestDatabase, type TestDatabase } from '../testing';
import { inTransaction } from './transaction';
import { copyRows } from './copy-rows';

describe('copyRows', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('copy_rows', { migrations: [], entities: [] });
    await database.dataSource.query('CREATE TABLE sample (id int, label text, doc jsonb, flag boolean)');
  });

  afterAll(() => database.drop());

  it('writes what it was given, byte for byte, inside the transaction', async () => {
    const awkward = 'tab\there, line\nbreak, back\\slash, CR\r, \\N, "quotes", Nguyễn 🙂';
    await inTransaction(database.dataSource, (manager) =>
      copyRows(
        manager,
        'sample',
        ['id', 'label', 'doc', 'flag'],
        [
          [1, awkward, { address: 'a\tb@example.org', list: [1, 'x\ny'] }, true],
          [2, null, null, false],
        ],
      ),
    );
    expect(await database.dataSource.query('SELECT * FROM sample ORDER BY id')).toEqual([
      { id: 1, label: awkward, doc: { address: 'a\tb@example.org', list: [1, 'x\ny'] }, flag: true },
      { id: 2, label: null, doc: null, flag: false },
    ]);
  });

  it('is undone with the transaction it ran in', async () => {
    await expect(
      inTransaction(database.dataSource, async (manager) => {
        await copyRows(manager, 'sample', ['id', 'label', 'doc', 'flag'], [[3, 'gone', null, true]]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await database.dataSource.query('SELECT count(*)::int AS n FROM sample WHERE id = 3')).toEqual([
      { n: 0 },
    ]);
  });
});
