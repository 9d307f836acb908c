/**
 * `npm run stack -- up|down|status|reset`: the local PostgreSQL and Kafka, without Docker.
 * DATABASE_URL or KAFKA_BROKERS, when set, name servers to use instead of starting our own.
 * The development mail catcher (tools/mail-catcher: SMTP 1025, web 1080) comes and goes with them.
 */
import { LocalStack } from '@homeroom/platform/local-stack';
import { mailCatcherDown, mailCatcherStatusLine, mailCatcherUp } from '../mail-catcher/daemon';

const USAGE = 'usage: npm run stack -- up|down|status|reset';

async function main(command: string | undefined): Promise<void> {
  const stack = new LocalStack({
    databaseUrl: process.env['DATABASE_URL'] || undefined,
    kafkaBrokers: process.env['KAFKA_BROKERS'] || undefined,
  });
  switch (command) {
    case 'up': {
      const startedAt = Date.now();
      const started = await stack.up();
      const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
      console.log(started.length ? `started ${started.join(' and ')} in ${seconds} s` : 'already running');
      await mailCatcherUp();
      await printStatus(stack);
      return;
    }
    case 'down':
      await stack.down();
      await mailCatcherDown();
      console.log('stopped');
      return;
    case 'reset':
      await stack.reset();
      await mailCatcherDown();
      console.log('stopped and deleted the local data (.stack/postgres, .stack/kafka)');
      return;
    case 'status':
      await printStatus(stack);
      return;
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

async function printStatus(stack: LocalStack): Promise<void> {
  for (const component of await stack.status()) {
    const state = component.running ? 'running' : 'stopped';
    const owner = component.managed ? 'local' : 'external';
    console.log(
      `${component.name.padEnd(9)} ${state.padEnd(8)} ${owner.padEnd(9)} ${component.address}` +
        (component.detail ? `  (${component.detail})` : ''),
    );
  }
  console.log(await mailCatcherStatusLine());
  const endpoints = stack.endpoints();
  console.log(`\nDATABASE_URL=${endpoints.databaseUrl}\nKAFKA_BROKERS=${endpoints.kafkaBrokers}`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
