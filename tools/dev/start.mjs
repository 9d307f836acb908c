// `npm start`: the whole platform on this machine. Brings up PostgreSQL and Kafka (unless DATABASE_URL /
// KAFKA_BROKERS name servers to use), migrates and seeds every app that has those targets, starts every
// app that has a `serve` target, prints where everything is, and on Ctrl-C stops all it started.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE_OPTIONS = '--disable-warning=TimeoutNegativeWarning';
const children = new Set();
/** Where each app answers its readiness probe, so that "running" means ready. */
const APP_PORTS = { gateway: 4000, directory: 4001, cases: 4002, slas: 4003, surveys: 4004, portal: 4200 };
const APP_URLS = {
  gateway: 'http://localhost:4000/graphql',
  directory: 'http://localhost:4001/graphql (subgraph; reached through the gateway)',
  cases: 'http://localhost:4002/graphql (subgraph)',
  slas: 'http://localhost:4003/graphql (subgraph)',
  surveys: 'http://localhost:4004/graphql (subgraph)',
  portal: 'http://localhost:4200',
};
let stackStarted = [];
let mailCatcherStarted = false;
let stopping = false;

/** Runs to completion; output streams through, prefixed. */
function run(label, command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NODE_OPTIONS, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      for (const line of chunk.toString().split('\n').filter(Boolean))
        process.stdout.write(`[${label}] ${line}\n`);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${label} exited with ${code}`)),
    );
  });
}

/** Starts a long-running child in its own process group, so that stopping it stops its descendants too. */
function serve(label, command, args, env = {}) {
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NODE_OPTIONS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forward = (chunk) => {
    for (const line of chunk.toString().split('\n').filter(Boolean))
      process.stdout.write(`[${label}] ${line}\n`);
  };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  children.add(child);
  child.on('exit', (code) => {
    children.delete(child);
    if (!stopping) {
      process.stdout.write(`[${label}] exited with ${code}; stopping everything\n`);
      void shutdown(1);
    }
  });
  return child;
}

/** A child that runs once beside the servers; Ctrl-C stops it too, and its failure stops nothing else. */
function oneShot(label, command, args, env = {}) {
  const child = serve(label, command, args, env);
  child.removeAllListeners('exit');
  child.on('exit', (code) => {
    children.delete(child);
    if (code !== 0 && !stopping)
      process.stdout.write(`[${label}] failed (exit ${code}); the rest keeps running\n`);
  });
}

function databaseFor(serverUrl, app) {
  const url = new URL(serverUrl);
  url.pathname = `/homeroom_${app.replace(/-/g, '_')}`;
  return url.toString();
}

function appsWith(target) {
  const appsDir = join(root, 'apps');
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir)
    .filter((name) => existsSync(join(appsDir, name, 'project.json')))
    .map((name) => JSON.parse(readFileSync(join(appsDir, name, 'project.json'), 'utf8')))
    .filter((project) => project.targets?.[target])
    .map((project) => project.name);
}

async function waitForReady(app, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(`http://127.0.0.1:${APP_PORTS[app]}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!stopping) throw new Error(`${app} did not become ready in ${timeoutMs / 1000} s`);
}

async function shutdown(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nstopping…\n');
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          try {
            process.kill(-child.pid, 'SIGTERM');
          } catch {
            resolve();
          }
          setTimeout(() => {
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              // already gone
            }
          }, 10_000).unref();
        }),
    ),
  );
  if (stackStarted.length > 0) {
    await run('stack', 'node', ['-r', '@swc-node/register', 'tools/stack/cli.ts', 'down']).catch((error) =>
      process.stderr.write(`${error.message}\n`),
    );
  }
  // PostgreSQL and Kafka were already up, but the mail catcher was started here: stop only that.
  if (stackStarted.length === 0 && mailCatcherStarted) {
    await run('mail', 'node', ['-r', '@swc-node/register', 'tools/mail-catcher/cli.ts', 'down']).catch(
      (error) => process.stderr.write(`${error.message}\n`),
    );
  }
  process.stdout.write('stopped everything npm start started\n');
  process.exit(exitCode);
}

async function main() {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const output = await run('stack', 'node', ['-r', '@swc-node/register', 'tools/stack/cli.ts', 'up']);
  stackStarted = /^started (.+) in /m.exec(output)?.[1]?.split(' and ') ?? [];
  mailCatcherStarted = /^mail catcher started/m.test(output);
  const env = {
    DATABASE_URL: /^DATABASE_URL=(.+)$/m.exec(output)?.[1] ?? '',
    KAFKA_BROKERS: /^KAFKA_BROKERS=(.+)$/m.exec(output)?.[1] ?? '',
    // The gateway and the subgraphs share it; a new one each run is enough on one machine.
    GATEWAY_TRUST_SECRET: process.env.GATEWAY_TRUST_SECRET || randomBytes(32).toString('hex'),
    OIDC_COOKIE_KEYS: process.env.OIDC_COOKIE_KEYS || randomBytes(32).toString('hex'),
    // The cases service emails staff replies to the mail catcher the stack runs (set it empty to turn off).
    SMTP_OUTBOUND_URL: process.env.SMTP_OUTBOUND_URL ?? 'smtp://127.0.0.1:1025',
    // No load balancer in front on one machine: Ctrl-C stops every app at once.
    SHUTDOWN_DELAY_MS: '0',
    // Lines a person reads on the terminal; production keeps JSON for its log shipper.
    LOG_FORMAT: process.env.LOG_FORMAT || 'lines',
  };
  // Each service owns a database on the server: homeroom_<app>.
  const envFor = (app) => ({ ...env, DATABASE_URL: databaseFor(env.DATABASE_URL, app) });
  const nx = (app, target) => ['node_modules/nx/dist/bin/nx.js', 'run', `${app}:${target}`];

  for (const app of appsWith('migrate')) await run(`${app}:migrate`, 'node', nx(app, 'migrate'), envFor(app));
  for (const app of appsWith('seed')) await run(`${app}:seed`, 'node', nx(app, 'seed'), envFor(app));
  const servers = appsWith('serve');
  for (const app of servers) serve(app, 'node', nx(app, 'serve'), envFor(app));
  // The portal builds before it serves (seconds); everything is ready before the URLs are printed.
  await Promise.all(servers.filter((app) => APP_PORTS[app]).map((app) => waitForReady(app)));

  process.stdout.write(`
Homeroom is running.
  PostgreSQL   ${env.DATABASE_URL.replace(/:[^:@/]+@/, ':***@')}
  Kafka        ${env.KAFKA_BROKERS}
  Mail         http://127.0.0.1:1080 (the mail catcher: every email the platform sends lands here)
${servers.length ? servers.map((app) => `  ${app.padEnd(12)} ${APP_URLS[app] ?? ''}`).join('\n') : '  (no apps yet)'}
${
  servers.includes('directory')
    ? '\n  Demo district  Riverside Unified School District: 12 schools, ~4,400 people' +
      '\n  Administrator  admin@homeroom.test / homeroom-demo (DEMO_ADMIN_PASSWORD overrides)' +
      '\n  Vendor client  demo-vendor / demo-vendor-secret' +
      "\n  Sign-in        http://localhost:4000/auth (the directory's issuer, served by the gateway)" +
      (servers.includes('cases')
        ? '\n  Demo history   a year of cases, added in the background ([cases:seed-demo] says when)'
        : '') +
      '\n'
    : ''
}${
    servers.includes('portal')
      ? '\n  Portal       http://localhost:4200 (staff inbox; families write in at /contact)\n  Sign in as   admin@homeroom.test / homeroom-demo\n  Vendor API   demo-vendor / demo-vendor-secret at http://localhost:4000/graphql\n'
      : ''
  }
Press Ctrl-C to stop everything.
`);
  // Demo data that needs running services (the cases history waits for the directory's events): in the
  // background, so the platform is usable while it fills in.
  for (const app of appsWith('seed-demo'))
    oneShot(`${app}:seed-demo`, 'node', nx(app, 'seed-demo'), envFor(app));
  // Stay in the foreground until Ctrl-C even when no app is running, so that the stack it started
  // always has an owner that stops it.
  setInterval(() => undefined, 60_000);
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  void shutdown(1);
});
