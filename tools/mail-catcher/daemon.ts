import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isPortOpen,
  isProcessAlive,
  stackDir,
  terminate,
  waitUntil,
  workspaceRoot,
} from '@homeroom/platform/local-stack';

export const MAIL_CATCHER_SMTP_PORT = 1025;
export const MAIL_CATCHER_HTTP_PORT = 1080;
export const MAIL_CATCHER_HOST = '127.0.0.1';

export interface MailCatcherDaemonOptions {
  root?: string;
  /** Pid file and log; `.stack/mail-catcher` by default. */
  dir?: string;
  smtpPort?: number;
  httpPort?: number;
  host?: string;
}

export interface MailCatcherStatus {
  name: string;
  running: boolean;
  address: string;
  detail?: string;
}

/**
 * The mail catcher as a background process of the local stack, like PostgreSQL and Kafka: a pid file in
 * `.stack/mail-catcher`, its output in `catcher.log` there. `up` is idempotent and returns once the web
 * page answers; it refuses (rather than fight) when something else holds the ports.
 */
export class MailCatcherDaemon {
  readonly root: string;
  readonly dir: string;
  readonly smtpPort: number;
  readonly httpPort: number;
  readonly host: string;

  constructor(options: MailCatcherDaemonOptions = {}) {
    this.root = options.root ?? workspaceRoot();
    this.dir = options.dir ?? join(stackDir(this.root), 'mail-catcher');
    this.smtpPort = options.smtpPort ?? MAIL_CATCHER_SMTP_PORT;
    this.httpPort = options.httpPort ?? MAIL_CATCHER_HTTP_PORT;
    this.host = options.host ?? MAIL_CATCHER_HOST;
  }

  get pidFile(): string {
    return join(this.dir, 'catcher.pid');
  }

  get logFile(): string {
    return join(this.dir, 'catcher.log');
  }

  get smtpAddress(): string {
    return `smtp://${this.host}:${this.smtpPort}`;
  }

  get webAddress(): string {
    return `http://${this.host}:${this.httpPort}`;
  }

  pid(): number | undefined {
    if (!existsSync(this.pidFile)) return undefined;
    const pid = Number(readFileSync(this.pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : undefined;
  }

  /** Starts the catcher unless it runs; true when this call started it. */
  async up(timeoutMs = 30_000): Promise<boolean> {
    if (this.pid() !== undefined) {
      await this.waitForReady(timeoutMs);
      return false;
    }
    for (const port of [this.smtpPort, this.httpPort]) {
      if (await isPortOpen(port, this.host)) {
        throw new Error(
          `port ${port} is taken by another process (another mail catcher, Mailpit or MailHog would do as well)`,
        );
      }
    }
    mkdirSync(this.dir, { recursive: true });
    const log = openSync(this.logFile, 'a');
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        join(this.root, 'tools', 'mail-catcher', 'cli.ts'),
        'run',
        '--smtp-port',
        String(this.smtpPort),
        '--http-port',
        String(this.httpPort),
        '--host',
        this.host,
      ],
      { cwd: this.root, detached: true, stdio: ['ignore', log, log] },
    );
    closeSync(log);
    if (child.pid === undefined) throw new Error('node could not be started');
    writeFileSync(this.pidFile, `${child.pid}\n`);
    child.unref();
    await this.waitForReady(timeoutMs);
    return true;
  }

  async down(): Promise<void> {
    const pid = this.pid();
    if (pid !== undefined) await terminate(pid, 10_000);
    rmSync(this.pidFile, { force: true });
  }

  async status(): Promise<MailCatcherStatus> {
    const pid = this.pid();
    return {
      name: 'mail',
      running: pid !== undefined,
      address: `${this.smtpAddress}  ${this.webAddress}`,
      ...(pid === undefined ? {} : { detail: `mail catcher, pid ${pid}` }),
    };
  }

  private async waitForReady(timeoutMs: number): Promise<void> {
    await waitUntil(
      `the mail catcher at ${this.webAddress} (log: ${this.logFile})`,
      async () => {
        if (this.pid() === undefined) throw new Error(`The mail catcher exited; see ${this.logFile}`);
        return isPortOpen(this.httpPort, this.host);
      },
      { timeoutMs, intervalMs: 200 },
    );
  }
}

/** For `npm run stack -- up`: one line when it starts the catcher or cannot; never fails the stack. */
export async function mailCatcherUp(daemon = new MailCatcherDaemon()): Promise<void> {
  try {
    if (await daemon.up())
      console.log(`mail catcher started: ${daemon.smtpAddress}, web ${daemon.webAddress}`);
  } catch (error) {
    console.log(`mail catcher not started: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function mailCatcherDown(daemon = new MailCatcherDaemon()): Promise<void> {
  await daemon.down();
}

/** A line in the stack's status table. */
export async function mailCatcherStatusLine(daemon = new MailCatcherDaemon()): Promise<string> {
  const status = await daemon.status();
  return (
    `${status.name.padEnd(9)} ${(status.running ? 'running' : 'stopped').padEnd(8)} ${'local'.padEnd(9)} ` +
    `${status.address}${status.detail ? `  (${status.detail})` : ''}`
  );
}
