/**
 * The development mail catcher (see mail-catcher.ts):
 *
 *   node -r @swc-node/register tools/mail-catcher/cli.ts [run|up|down|status]
 *        [--smtp-port 1025] [--http-port 1080] [--host 127.0.0.1]
 *
 * `run` (the default) serves in the foreground until Ctrl-C; `up`, `down` and `status` manage it as a
 * background process with a pid file in .stack/mail-catcher, as `npm run stack -- up|down|status` does.
 */
import { parseArgs } from 'node:util';
import { MailCatcherDaemon, mailCatcherStatusLine } from './daemon';
import { startMailCatcher } from './mail-catcher';

const USAGE = 'usage: cli.ts [run|up|down|status] [--smtp-port 1025] [--http-port 1080] [--host 127.0.0.1]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'smtp-port': { type: 'string' },
      'http-port': { type: 'string' },
      host: { type: 'string' },
    },
  });
  const port = (value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0 || number > 65_535) throw new Error(`not a port: ${value}`);
    return number;
  };
  const daemon = new MailCatcherDaemon({
    ...(values['smtp-port'] ? { smtpPort: port(values['smtp-port']) } : {}),
    ...(values['http-port'] ? { httpPort: port(values['http-port']) } : {}),
    ...(values.host ? { host: values.host } : {}),
  });
  switch (positionals[0] ?? 'run') {
    case 'run': {
      const catcher = await startMailCatcher({
        smtpPort: daemon.smtpPort,
        httpPort: daemon.httpPort,
        host: daemon.host,
      });
      console.log(`mail catcher: SMTP ${catcher.host}:${catcher.smtpPort}, web ${catcher.url}`);
      const stop = (): void => {
        catcher.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'up':
      console.log((await daemon.up()) ? `started; web ${daemon.webAddress}` : 'already running');
      return;
    case 'down':
      await daemon.down();
      console.log('stopped');
      return;
    case 'status':
      console.log(await mailCatcherStatusLine(daemon));
      return;
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
