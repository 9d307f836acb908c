import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import { testDatabaseServerUrl, uniqueName } from '@homeroom/platform/testing';
import { databaseUrl, dropDatabase, ensureDatabase } from '../lib/database-admin';
import { createServiceDataSource } from '../lib/data-source';
import { migrate } from '../lib/migrations';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | EntitySchema>;
  poolSize?: number;
}

/** A fresh database for one suite on the test server, migrated exactly as production would be. */
export async function createTestDatabase(label: string, options: TestDatabaseOptions): Promise<TestDatabase> {
  const url = databaseUrl(testDatabaseServerUrl(), uniqueName(`t_${label}`));
  await ensureDatabase(url);
  const dataSource = createServiceDataSource({
    url,
    applicationName: `test:${label}`,
    entities: options.entities ?? [],
    migrations: options.migrations,
    poolSize: options.poolSize ?? 10,
  });
  await dataSource.initialize();
  await migrate(dataSource);
  return {
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}
