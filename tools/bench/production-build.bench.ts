/**
 * The production build against the runtime transpiler: each service and the gateway started from its
 * TypeScript sources through `@swc-node/register` (how `npm start` runs them) and from `dist/apps/<app>/`
 * by plain `node` (how the images run them), with the same production settings, one app at a time: time
 * from spawn to a ready readiness probe, resident memory after idling, and each service's migration
 * command. Also how long `npm run build`'s work for the services and the gateway takes.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, dropDatabase, ensureDatabase } from '@homeroom/platform/database';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { freePort, testDatabaseServerUrl, testKafkaBrokers, uniqueName } from '@homeroom/platform/testing';
import { stopDeployable } from './deployable';
import { percentile } from './stats';
import type { BenchmarkReport, BenchmarkRow } from './report';

const ROUNDS = Number(process.env['BENCH_BUILD_ROUNDS'] ?? 3);
/** How long each app idles, ready and unused, before its memory is read. */
const IDLE_MS = Number(process.env['BENCH_BUILD_IDLE_MS'] ?? 10_000);
const SERVICES = ['directory', 'cases', 'slas', 'surveys'] as const;
const APPS = [...SERVICES, 'gateway'] as const;
type App = (typeof APPS)[number];
/**
 * How each app runs: from its sources through the transpiler, from the build, and from the build with V8's
 * young generation capped (Node 24 lets each semi-space grow to tens of MB on a machine with several GiB;
 * a container's memory limit lowers that default, a flag makes it explicit, see ADR 21).
 */
const MODES = {
  transpiled: { compiled: false, nodeArgs: [] },
  compiled: { compiled: true, nodeArgs: [] },
  'compiled, --max-semi-space-size=8': { compiled: true, nodeArgs: ['--max-semi-space-size=8'] },
  'compiled, --max-semi-space-size=8 --optimize-for-size': {
    compiled: true,
    // Not allowed in NODE_OPTIONS: on the command line only.
    nodeArgs: ['--max-semi-space-size=8', '--optimize-for-size'],
  },
} as const;
type Mode = keyof typeof MODES;
const SECRET = 'bench-secret-0123456789abcdef0123456789';

function command(mode: Mode, app: App, entry: string): string[] {
  return MODES[mode].compiled
    ? [...MODES[mode].nodeArgs, `dist/apps/${app}/${entry}.js`]
    : ['-r', '@swc-node/register', `apps/${app}/src/${entry}.ts`];
}

function start(root: string, mode: Mode, app: App, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, command(mode, app, 'main'), {
    cwd: root,
    env: {
      ...process.env,
      NODE_OPTIONS: '--disable-warning=TimeoutNegativeWarning',
      ...env,
    },
    stdio: ['ignore', 'ignore', process.env['BENCH_REPLICA_LOGS'] ? 'inherit' : 'ignore'],
  });
}

/** Milliseconds until `url` answers 200, polled every 25 ms. */
async function timeToReady(child: ChildProcess, url: string, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    if ((await fetch(url).catch(() => undefined))?.ok) return Date.now() - started;
    if (Date.now() - started > 120_000) throw new Error(`${url} not ready in 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Resident memory in MB (VmRSS), as a container's memory limit counts it. */
function rssMb(pid: number): number {
  const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Math.round((kib / 1024) * 10) / 10;
}

function median(sample: number[]): number {
  return percentile(sample, 50);
}

export async function productionBuildBenchmark(): Promise<BenchmarkReport> {
  const root = workspaceRoot();
  const buildStarted = Date.now();
  execFileSync(process.execPath, ['tools/build/build-apps.mjs'], { cwd: root, stdio: 'pipe' });
  const buildMs = Date.now() - buildStarted;

  const attachments = mkdtempSync(join(tmpdir(), 'homeroom-bench-build-'));
  const databases = Object.fromEntries(
    SERVICES.map((service) => [
      service,
      databaseUrl(testDatabaseServerUrl(), uniqueName(`bench_build_${service}`)),
    ]),
  ) as Record<(typeof SERVICES)[number], string>;
  const ready: Record<string, number[]> = {};
  const memory: Record<string, number[]> = {};
  const migrate: Record<string, number[]> = {};
  const sample = (table: Record<string, number[]>, key: string, value: number) =>
    (table[key] ??= []).push(value);
  const running: ChildProcess[] = [];
  try {
    // Each mode migrates fresh databases once (the first migration of an empty database is what a
    // Kubernetes hook Job does on install); the rounds then reuse them.
    for (const mode of Object.keys(MODES) as Mode[]) {
      for (const service of SERVICES) {
        await dropDatabase(databases[service]).catch(() => undefined);
        await ensureDatabase(databases[service]);
        const started = Date.now();
        execFileSync(process.execPath, command(mode, service, 'migrate'), {
          cwd: root,
          env: { ...process.env, DATABASE_URL: databases[service] },
          stdio: 'pipe',
        });
        sample(migrate, `${service} ${mode}`, Date.now() - started);
      }
      for (let round = 0; round < ROUNDS; round++) {
        const ports = Object.fromEntries(
          await Promise.all(APPS.map(async (app) => [app, await freePort()] as const)),
        ) as Record<App, number>;
        const common = {
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          HOST: '127.0.0.1',
          KAFKA_BROKERS: testKafkaBrokers().join(','),
          GATEWAY_TRUST_SECRET: SECRET,
          OIDC_ISSUER: `http://127.0.0.1:${ports.gateway}/auth`,
        };
        const environments: Record<App, Record<string, string>> = {
          directory: {
            OIDC_COOKIE_KEYS: 'cookie-key-for-benchmarks-0123456789abcdef',
            PORTAL_REDIRECT_URIS: 'http://localhost:4200/auth/callback',
            MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
          },
          cases: {
            ATTACHMENT_URL_SECRET: SECRET,
            ATTACHMENT_STORAGE_DIR: attachments,
            SMTP_INTAKE_PORT: String(await freePort()),
            PORTAL_URL: 'http://localhost:4200',
            MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
          },
          slas: {},
          surveys: { PORTAL_URL: 'http://localhost:4200' },
          gateway: {
            DIRECTORY_SUBGRAPH_URL: `http://127.0.0.1:${ports.directory}/graphql`,
            CASES_SUBGRAPH_URL: `http://127.0.0.1:${ports.cases}/graphql`,
            SLAS_SUBGRAPH_URL: `http://127.0.0.1:${ports.slas}/graphql`,
            SURVEYS_SUBGRAPH_URL: `http://127.0.0.1:${ports.surveys}/graphql`,
            SIGN_IN_URL: `http://127.0.0.1:${ports.directory}/auth`,
            ATTACHMENTS_URL: `http://127.0.0.1:${ports.cases}/attachments`,
            TEXT_MESSAGES_URL: `http://127.0.0.1:${ports.cases}/sms`,
            CHAT_URL: `http://127.0.0.1:${ports.cases}/chat`,
            CORS_ORIGINS: 'http://localhost:4200',
          },
        };
        const pids: Partial<Record<App, number>> = {};
        // One at a time, so that no start competes with another for the two cores.
        for (const app of APPS) {
          const env: Record<string, string> = { ...common, ...environments[app], PORT: String(ports[app]) };
          if (app !== 'gateway') {
            env['DATABASE_URL'] = databases[app];
            env['KAFKA_CONSUMER_GROUP'] = uniqueName(`bench-build-${app}`, '-');
          }
          const started = Date.now();
          const child = start(root, mode, app, env);
          running.push(child);
          sample(
            ready,
            `${app} ${mode}`,
            await timeToReady(child, `http://127.0.0.1:${ports[app]}/health/ready`, started),
          );
          pids[app] = child.pid!;
        }
        await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
        for (const app of APPS) sample(memory, `${app} ${mode}`, rssMb(pids[app]!));
        await Promise.all(running.splice(0).map((child) => stopDeployable(child, 'SIGTERM')));
      }
    }
  } finally {
    await Promise.all(running.map((child) => stopDeployable(child, 'SIGKILL')));
    for (const url of Object.values(databases)) await dropDatabase(url).catch(() => undefined);
    rmSync(attachments, { recursive: true, force: true });
  }

  const modes = Object.keys(MODES) as Mode[];
  const rows: BenchmarkRow[] = APPS.flatMap((app) =>
    modes.map((mode) => ({
      variant: `${app}, ${mode}`,
      'ready (ms, median)': median(ready[`${app} ${mode}`]!),
      'idle RSS (MB, median)': median(memory[`${app} ${mode}`]!),
      'idle RSS (MB, max)': Math.max(...memory[`${app} ${mode}`]!),
      'migrate (ms)': migrate[`${app} ${mode}`] ? median(migrate[`${app} ${mode}`]!) : '—',
    })),
  );
  const total = (mode: Mode) => APPS.reduce((sum, app) => sum + median(memory[`${app} ${mode}`]!), 0);
  const ratios: Record<string, number> = {};
  for (const mode of modes.slice(1))
    ratios[`idle RSS of all five, ${mode} / transpiled`] = total(mode) / total('transpiled');
  for (const app of APPS) {
    ratios[`${app} ready time, compiled / transpiled`] =
      median(ready[`${app} compiled`]!) / median(ready[`${app} transpiled`]!);
  }
  return {
    name: 'production-build',
    description:
      'Each service and the gateway from its TypeScript sources through `@swc-node/register` ("transpiled", ' +
      'as `npm start` runs them) and from the production build, `node dist/apps/<app>/main.js` ("compiled", ' +
      'as the images run them): spawn to a ready `/health/ready`, resident memory (VmRSS) after idling, and ' +
      'the migration command on an empty database. Production settings, the local PostgreSQL and Kafka.',
    command: 'npm run bench -- production-build',
    rows,
    ratios,
    notes: [
      `Building the services and the gateway (\`node tools/build/build-apps.mjs\`, what \`npm run build\` runs for them) took ${(buildMs / 1000).toFixed(1)} s.`,
      `${ROUNDS} rounds per mode; in each, the apps start one after another (the gateway last, when every subgraph answers), idle ${IDLE_MS / 1000} s, and their RSS is read from /proc/<pid>/status.`,
      'Aim: at most 150 MB per service (issue 17). The transpiled figure includes the TypeScript compiler that `@swc-node/register` loads to read tsconfig, SWC, and the source maps it keeps.',
    ],
  };
}
