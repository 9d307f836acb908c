// `npm test`: brings up what the tests need, runs every check and test suite, stops what it started, and
// ends with one line `N passed, N failed` (exit code 1 when anything failed).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const reportDir = join(root, 'tmp', 'test-reports');
const results = [];

const JEST_NODE_OPTIONS = [
  // Jest loads ESM-only packages (NestJS 12) through require(esm), which it enables with VM modules.
  '--experimental-vm-modules',
  '--disable-warning=ExperimentalWarning',
  // kafkajs 2.2.4 schedules a timer with a negative delay on Node ≥ 24 (harmless; see docs/adr/0003).
  '--disable-warning=TimeoutNegativeWarning',
].join(' ');

function run(command, args, { env = {}, quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

function banner(title) {
  process.stdout.write(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}\n`);
}

async function check(name, command, args) {
  banner(name);
  const started = Date.now();
  const { code } = await run(command, args);
  results.push({
    name,
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    seconds: (Date.now() - started) / 1000,
  });
}

async function jest(name, project, extraArgs = []) {
  banner(name);
  const started = Date.now();
  const outputFile = join(reportDir, `${project}.json`);
  rmSync(outputFile, { force: true });
  const { code } = await run(
    'node',
    [
      join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--selectProjects',
      project,
      '--json',
      `--outputFile=${outputFile}`,
      '--passWithNoTests',
      ...extraArgs,
    ],
    { env: { NODE_OPTIONS: JEST_NODE_OPTIONS } },
  );
  let passed = 0;
  let failed = 0;
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed = report.numPassedTests;
    // A suite that fails to load has no failed tests of its own; count it, so it cannot pass unseen.
    failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  } catch {
    failed = 1;
  }
  if (code !== 0 && failed === 0) failed = 1;
  results.push({ name, passed, failed, seconds: (Date.now() - started) / 1000 });
}

async function main() {
  mkdirSync(reportDir, { recursive: true });
  const startedAt = Date.now();

  banner('local stack');
  const stackUp = await run('node', ['-r', '@swc-node/register', 'tools/stack/cli.ts', 'up'], {
    env: { NODE_OPTIONS: '--disable-warning=TimeoutNegativeWarning' },
    quiet: true,
  });
  process.stdout.write(stackUp.output);
  if (stackUp.code !== 0) {
    results.push({ name: 'local stack', passed: 0, failed: 1, seconds: 0 });
    return finish(startedAt);
  }
  const startedComponents = /^started (.+) in /m.exec(stackUp.output)?.[1]?.split(' and ') ?? [];
  const endpoints = {
    DATABASE_URL: /^DATABASE_URL=(.+)$/m.exec(stackUp.output)?.[1],
    KAFKA_BROKERS: /^KAFKA_BROKERS=(.+)$/m.exec(stackUp.output)?.[1],
  };
  // A broker of our own means suites may also start disposable brokers (see libs/platform/testing).
  const stackKind = process.env.KAFKA_BROKERS ? 'external' : 'local';
  Object.assign(process.env, endpoints, { HOMEROOM_TEST_STACK_KIND: stackKind });

  // podman, the base images and the images that need no build of the apps come in while the checks and the
  // unit tests run: on a fresh machine they are minutes of downloads (apt, Debian's mirror, npm) the
  // end-to-end stage would otherwise wait for. They are done before the integration tests start, which
  // want the cores to themselves.
  const baseImagesStarted = Date.now();
  const baseImages = run('node', ['-r', '@swc-node/register', 'tools/images/prepare-base-images.ts'], {
    env: { NODE_OPTIONS: '--disable-warning=TimeoutNegativeWarning' },
    quiet: true,
  });

  try {
    // eslint.config.mjs builds Nx's project graph itself, which the module-boundary rule reads.
    await check('lint (eslint, module boundaries)', 'node', [
      'node_modules/eslint/bin/eslint.js',
      '.',
      '--max-warnings=0',
    ]);
    await check('format (prettier)', 'node', [
      'node_modules/prettier/bin/prettier.cjs',
      '--check',
      '.',
      '--log-level=warn',
    ]);
    // Every file of every project, each read once: the Node code as one program, the portal (with its
    // libraries) as another. Per project (`nx run-many -t typecheck`) the shared libraries were checked
    // again for every project that imports them: 188 s on two cores against about 20 s.
    await check('type check (tsc, every project)', 'sh', [
      '-c',
      'node node_modules/typescript/bin/tsc -p tsconfig.typecheck.json && node node_modules/typescript/bin/tsc -p apps/portal/tsconfig.json --noEmit',
    ]);
    // The production build of the services and the gateway (ADR 21): a service that would need a
    // devDependency at run time fails here; the platform's end-to-end suite then runs what it built.
    await check('build (services and gateway to JavaScript)', 'node', ['tools/build/build-apps.mjs']);
    // Both cores: the unit tests share nothing (no database, no broker, no ports), and one worker (Jest's
    // default on two cores) left a core to the base images alone (118–188 s one worker, 111 s two).
    await jest('unit tests', 'unit', ['--maxWorkers=2']);
    banner('images that need no build of the apps (started with the checks)');
    const prepared = await baseImages;
    // Not a result of its own: when it failed, the end-to-end suites build the images and report.
    process.stdout.write(
      `${prepared.output.trim().split('\n').slice(-5).join('\n')}\n(${((Date.now() - baseImagesStarted) / 1000).toFixed(0)} s after it started)\n`,
    );
    // Two workers: the suites mostly wait (consumer-group joins, outbox polls, timers), so on two cores
    // two at once took 423 s where one at a time took 926 s. Each worker gets a broker of its own, since the
    // services' topics have fixed names (libs/platform/testing/src/jest/worker-brokers.ts); servers we do
    // not run cannot give one, so against those the suites run one at a time.
    await jest('integration tests (PostgreSQL, Kafka)', 'integration', [
      `--maxWorkers=${stackKind === 'local' ? 2 : 1}`,
    ]);
    await jest('end-to-end tests', 'e2e', ['--runInBand']);
  } finally {
    if (startedComponents.length > 0) {
      banner(`stopping ${startedComponents.join(' and ')}`);
      // Clear the endpoints we exported for the tests, or the CLI would take them for external servers.
      const down = await run('node', ['-r', '@swc-node/register', 'tools/stack/cli.ts', 'down'], {
        env: { DATABASE_URL: '', KAFKA_BROKERS: '' },
        quiet: true,
      });
      process.stdout.write(down.output);
      if (down.code !== 0) results.push({ name: 'stop the local stack', passed: 0, failed: 1, seconds: 0 });
    }
  }
  finish(startedAt);
}

function finish(startedAt) {
  banner('summary');
  for (const { name, passed, failed, seconds } of results) {
    process.stdout.write(
      `${failed ? 'FAIL' : 'ok  '}  ${name.padEnd(42)} ${String(passed).padStart(5)} passed ${String(failed).padStart(3)} failed  ${seconds.toFixed(1)} s\n`,
    );
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  process.stdout.write(`total time ${((Date.now() - startedAt) / 1000).toFixed(0)} s\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.stdout.write('0 passed, 1 failed\n');
  process.exitCode = 1;
});
