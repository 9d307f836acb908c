import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface ServiceDataSourceSettings {
  /** The service's own database (one per service; no service reads another's tables). */
  url: string;
  /** Shown in pg_stat_activity, so operators can tell the services' connections apart. */
  applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/**
 * The options every service's DataSource uses: PostgreSQL, snake_case names, migrations only (schema
 * changes never happen implicitly; `synchronize` stays off everywhere, tests included).
 */
export function serviceDataSourceOptions(settings: ServiceDataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    applicationName: settings.applicationName,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    poolSize: settings.poolSize ?? 10,
    extra: {
      connectionTimeoutMillis: 5_000,
      idle_in_transaction_session_timeout: 60_000,
      // Every transaction is READ COMMITTED unless it asks for more, whatever the database's own default
      // (a DBA's ALTER DATABASE … SET default_transaction_isolation): the services are written for it.
      options: '-c default_transaction_isolation=read\\ committed',
    },
  };
}

export function createServiceDataSource(settings: ServiceDataSourceSettings): DataSource {
  return new DataSource(serviceDataSourceOptions(settings));
}
