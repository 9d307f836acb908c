import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import {
  checkKafkaConfig,
  kafkaConfigShape,
  kafkaConnection,
  loadConfig,
  postgresUrl,
} from '@homeroom/platform/config';
import { createServiceDataSource } from '@homeroom/platform/database';
import { createKafka } from '@homeroom/platform/messaging';
import { createLogger } from '@homeroom/platform/observability';
import { CASES_TOPIC } from '@homeroom/cases/contracts';
import {
  answerDemoInvitations,
  seedFamilyPulse,
  SurveyService,
  SURVEYS_ENTITIES,
  SURVEYS_MIGRATIONS,
} from '@homeroom/surveys/data-access';

const POLL_SECONDS = 5;
/** Caught up this long, with the history's invitations in: the cases service has published it all. */
const QUIET_SECONDS = 20;
const GIVE_UP_SECONDS = 30 * 60;

/**
 * The demo district's survey answers. First its "Family pulse" (a district survey with an NPS question and
 * 300 answers over the last 90 days: the dashboard's NPS), which needs nothing else. Then the satisfaction
 * answers: once the running surveys service has consumed the cases service's imported history (its
 * consumer group caught up with the cases topic, and the invitations the history brought no longer
 * growing), answers about a third of them.
 */
async function main(): Promise<void> {
  const config = loadConfig(
    'surveys:seed-demo',
    z
      .object({
        DATABASE_URL: postgresUrl,
        ...kafkaConfigShape,
        KAFKA_CONSUMER_GROUP: z.string().min(1).default('surveys'),
      })
      .superRefine(checkKafkaConfig),
  );
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    applicationName: 'surveys:seed-demo',
    entities: SURVEYS_ENTITIES,
    migrations: SURVEYS_MIGRATIONS,
  });
  const logger = createLogger({ service: 'surveys:seed-demo', level: 'warn' });
  const admin = createKafka({
    ...kafkaConnection(config),
    clientId: 'surveys-seed-demo',
    logger,
  }).admin();
  await dataSource.initialize();
  await admin.connect();
  try {
    const pulse = await seedFamilyPulse(dataSource, new SurveyService(dataSource));
    process.stdout.write(
      pulse ? `seeded the Family pulse survey with ${pulse} answers\n` : 'Family pulse already seeded\n',
    );
    let previous = -1;
    let quiet = 0;
    for (let waited = 0; ; waited += POLL_SECONDS) {
      const [row] = (await dataSource.query(
        'SELECT count(*)::int AS n FROM survey_invitation WHERE imported',
      )) as { n: number }[];
      const lag = await consumerLag(admin, config.KAFKA_CONSUMER_GROUP);
      quiet = row!.n > 0 && row!.n === previous && lag === 0 ? quiet + POLL_SECONDS : 0;
      if (quiet >= QUIET_SECONDS) break;
      if (waited >= GIVE_UP_SECONDS) throw new Error('no demo history reached the surveys service');
      previous = row!.n;
      await sleep(POLL_SECONDS * 1000);
    }
    const answered = await answerDemoInvitations(dataSource);
    process.stdout.write(
      answered
        ? `answered ${answered} of the demo history's satisfaction invitations\n`
        : 'demo answers already in\n',
    );
  } finally {
    await admin.disconnect();
    await dataSource.destroy();
  }
}

/** How many cases events the surveys service has yet to take (all of them before its group commits). */
async function consumerLag(admin: ReturnType<ReturnType<typeof createKafka>['admin']>, group: string) {
  const ends = await admin.fetchTopicOffsets(CASES_TOPIC);
  const [committed] = await admin.fetchOffsets({ groupId: group, topics: [CASES_TOPIC] });
  return ends.reduce((lag, end) => {
    const at = Number(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
    return lag + (at < 0 ? Number(end.high) : Math.max(0, Number(end.high) - at));
  }, 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
