import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../testing';
import { createServiceDataSource } from './data-source';
import { inTransaction } from './transaction';

describe('inTransaction', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('isolation', { migrations: [], entities: [] });
    // A DBA's default for the database, which a service's connections must not inherit.
    await database.dataSource.query(
      `ALTER DATABASE "${database.url.split('/').pop()}" SET default_transaction_isolation = 'serializable'`,
    );
  });

  afterAll(() => database.drop());

  /** A service's connection opened after the database's default changed. */
  async function withFreshConnection<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const dataSource = createServiceDataSource({
      url: database.url,
      applicationName: 'isolation-test',
      entities: [],
      migrations: [],
      poolSize: 1,
    });
    await dataSource.initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  /** The isolation a transaction ran at, and the statements the driver sent for it. */
  const isolationIn = (
    run: (dataSource: DataSource, work: (manager: EntityManager) => Promise<unknown>) => Promise<unknown>,
  ) =>
    withFreshConnection(async (dataSource) => {
      const sent: string[] = [];
      const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
      const original = prototype.query;
      prototype.query = function (this: unknown, ...args: unknown[]) {
        sent.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text));
        return original.apply(this, args);
      };
      try {
        const rows = (await run(dataSource, (manager) => manager.query('SHOW transaction_isolation'))) as {
          transaction_isolation: string;
        }[];
        return { level: rows[0]!.transaction_isolation, sent };
      } finally {
        prototype.query = original;
      }
    });

  it('runs READ COMMITTED by default, whatever the database’s own default, without asking each time', async () => {
    const { level, sent } = await isolationIn((dataSource, work) => inTransaction(dataSource, work));
    expect(level).toBe('read committed');
    expect(sent).toEqual(['START TRANSACTION', 'SHOW transaction_isolation', 'COMMIT']);
  });

  it('runs at the level a transaction asks for', async () => {
    const { level } = await isolationIn((dataSource, work) =>
      inTransaction(dataSource, work, 'REPEATABLE READ'),
    );
    expect(level).toBe('repeatable read');
  });

  it('leaves the database’s default to other clients (an operator’s psql)', async () => {
    const [{ default_transaction_isolation: level }] = await database.dataSource.query(
      `SELECT setting AS default_transaction_isolation FROM pg_db_role_setting s
         JOIN pg_database d ON d.oid = s.setdatabase, unnest(s.setconfig) AS setting
        WHERE d.datname = current_database()`,
    );
    expect(level).toBe('default_transaction_isolation=serializable');
  });
});
