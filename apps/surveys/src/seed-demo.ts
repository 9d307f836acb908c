import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { createServiceDataSource } from '@homeroom/platform/database';
import { answerDemoInvitations, SURVEYS_ENTITIES, SURVEYS_MIGRATIONS } from '@homeroom/surveys/data-access';

const POLL_SECONDS = 5;
/** The history is in when the imported invitations stop growing for this long. */
const QUIET_SECONDS = 30;
const GIVE_UP_SECONDS = 20 * 60;

/**
 * The demo district's satisfaction answers: once the running surveys service has recorded the invitations
 * of the cases service's imported history (it waits for them to stop arriving), answers about a third.
 */
async function main(): Promise<void> {
  const { DATABASE_URL } = loadConfig('surveys:seed-demo', z.object({ DATABASE_URL: postgresUrl }));
  const dataSource = createServiceDataSource({
    url: DATABASE_URL,
    applicationName: 'surveys:seed-demo',
    entities: SURVEYS_ENTITIES,
    migrations: SURVEYS_MIGRATIONS,
  });
  await dataSource.initialize();
  try {
    let previous = -1;
    let quiet = 0;
    for (let waited = 0; ; waited += POLL_SECONDS) {
      const [row] = (await dataSource.query(
        'SELECT count(*)::int AS n FROM survey_invitation WHERE imported',
      )) as { n: number }[];
      quiet = row!.n > 0 && row!.n === previous ? quiet + POLL_SECONDS : 0;
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
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
