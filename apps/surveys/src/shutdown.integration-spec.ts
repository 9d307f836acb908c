import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { EventConsumer, OutboxRelay } from '@homeroom/platform/messaging';
import { SURVEYS_ENTITIES, SURVEYS_MIGRATIONS } from '@homeroom/surveys/data-access';
import { SurveysAppModule } from './surveys-app.module';
import { testSurveysConfig } from './testing/surveys-suite';

/**
 * A service's messaging stops while its database pool is still open: a batch in hand commits, and the relay
 * marks what Kafka took, instead of failing against a pool the shutdown closed under them (every rolling
 * update logged those failures). The whole surveys app, as it runs, since the order of Nest's shutdown
 * hooks follows how its modules depend on each other.
 */
describe('surveys: stopping', () => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('surveys-shutdown', {
      migrations: SURVEYS_MIGRATIONS,
      entities: SURVEYS_ENTITIES,
    });
    const config = testSurveysConfig(database, 'surveys-shutdown');
    app = await NestFactory.create(SurveysAppModule.forRoot(config), { logger: false });
    await app.init();
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await database.drop();
  });

  it('stops taking and publishing events before its database pool closes', async () => {
    const dataSource = app.get(DataSource);
    const poolOpenAtStop: Record<string, boolean> = {};
    for (const [name, prototype] of [
      ['consumer', EventConsumer.prototype],
      ['relay', OutboxRelay.prototype],
    ] as const) {
      const stop = prototype.stop;
      jest.spyOn(prototype, 'stop').mockImplementation(async function (this: never) {
        poolOpenAtStop[name] = dataSource.isInitialized;
        await stop.call(this);
      });
    }
    await app.close();
    expect(dataSource.isInitialized).toBe(false);
    expect(poolOpenAtStop).toEqual({ consumer: true, relay: true });
  });
});
