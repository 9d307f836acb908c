import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { createServiceDataSource } from '@homeroom/platform/database';
import {
  CASES_ENTITIES,
  CASES_MIGRATIONS,
  seedDemoHistory,
  seedDemoRoutingRules,
} from '@homeroom/cases/data-access';
import { starterTrainingSet } from '@homeroom/cases/triage';
import { OutboxWriter } from '@homeroom/platform/messaging';

/**
 * The demo district's starter routing rules and a year of its contact history, once the running cases
 * service has learned the district's schools and people from the directory's events (it waits for them, up
 * to two minutes, and as long again for the department teams the rules name). Rules that cannot be made
 * (a team still unknown) are reported and the history is seeded all the same; the exit code says so.
 */
async function main(): Promise<void> {
  const config = loadConfig(
    'cases:seed-demo',
    z.object({
      DATABASE_URL: postgresUrl,
      CASE_NUMBER_PREFIX: z.string().default('HR'),
      DISTRICT_TIME_ZONE: z.string().default('America/Chicago'),
      DEMO_HISTORY_DAYS: z.coerce.number().int().min(1).max(1_000).default(365),
      DEMO_WEEKDAY_VOLUME: z.coerce.number().int().min(1).max(10_000).default(28),
    }),
  );
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    applicationName: 'cases:seed-demo',
    entities: CASES_ENTITIES,
    migrations: CASES_MIGRATIONS,
  });
  await dataSource.initialize();
  try {
    // Until schools are known and the number of people has stopped growing: the directory's events have arrived.
    let previous = -1;
    for (let waited = 0; ; waited += 2) {
      const [row] = (await dataSource.query(
        `SELECT (SELECT count(*) FROM known_school)::int AS schools, (SELECT count(*) FROM known_person)::int AS people`,
      )) as { schools: number; people: number }[];
      if (row!.schools > 0 && row!.people > 0 && row!.people === previous) break;
      if (waited >= 120) throw new Error('the cases service has not learned the directory yet');
      previous = row!.people;
      await sleep(2_000);
    }
    try {
      const routing = await seedDemoRoutingRules(dataSource);
      process.stdout.write(
        routing.skipped
          ? `demo routing rules skipped: ${routing.skipped}\n`
          : `seeded ${routing.rules.length} routing rules: ${routing.rules.map((rule) => rule.name).join('; ')}\n`,
      );
    } catch (error) {
      process.stderr.write(
        `demo routing rules not seeded: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    }
    const started = Date.now();
    const summary = await seedDemoHistory(dataSource, new OutboxWriter('cases'), {
      now: new Date(),
      days: config.DEMO_HISTORY_DAYS,
      weekdayVolume: config.DEMO_WEEKDAY_VOLUME,
      inquiries: starterTrainingSet({ seed: 2_026, perLabel: 60 }),
      spike: { topic: 'Bus delay', days: 3, factor: 6 },
      timeZone: config.DISTRICT_TIME_ZONE,
      numberPrefix: config.CASE_NUMBER_PREFIX,
      seed: 2_026,
    });
    process.stdout.write(
      summary.skipped
        ? `demo history skipped: ${summary.skipped}\n`
        : `seeded ${summary.cases} cases with ${summary.messages} messages in ${Date.now() - started} ms\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
