import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { buildImages, imageReference } from './build-images';
import { podman, startPodmanService, type PodmanService } from './podman';

/** Suites that need PostgreSQL and Kafka both: the messaging platform's relay and a whole service. */
const SUITES = [
  'libs/platform/messaging/src/lib/outbox/outbox-relay.integration-spec.ts',
  'apps/slas/src/slas.integration-spec.ts',
];
const STACK_LABEL = 'org.homeroom.test-stack';

interface JestReport {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
}

/**
 * The integration harness's testcontainers mode, for real: podman's Docker-compatible socket as DOCKER_HOST,
 * the project's PostgreSQL and Kafka images (no registry is reachable here), and a Jest run of integration
 * suites that gets its servers from containers the global setup starts and the global teardown removes.
 */
describe('integration tests on testcontainers, through podman', () => {
  const root = workspaceRoot();
  const work = mkdtempSync(join(tmpdir(), 'homeroom-testcontainers-'));
  let service: PodmanService;

  beforeAll(async () => {
    await buildImages({ root, names: ['postgresql', 'kafka'] });
    service = await startPodmanService(join(work, 'podman.sock'));
  }, 600_000);

  afterAll(async () => {
    await service?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('runs the suites against PostgreSQL and Kafka containers, and leaves none behind', async () => {
    const reportFile = join(work, 'report.json');
    const seen = new Set<string>();
    const watching = setInterval(() => {
      void stackContainers().then((images) => images.forEach((image) => seen.add(image)));
    }, 1_000);
    const exitCode = await runJest(
      ['--selectProjects', 'integration', '--runInBand', '--json', `--outputFile=${reportFile}`, ...SUITES],
      {
        DOCKER_HOST: service.dockerHost,
        // Ryuk (the reaper) is an image from Docker Hub; the global teardown removes the containers instead.
        TESTCONTAINERS_RYUK_DISABLED: 'true',
        HOMEROOM_TEST_STACK: 'containers',
        HOMEROOM_TEST_POSTGRES_IMAGE: imageReference('postgresql', root),
        HOMEROOM_TEST_KAFKA_IMAGE: imageReference('kafka', root),
        // Not the servers of the run that started this one.
        DATABASE_URL: '',
        KAFKA_BROKERS: '',
        HOMEROOM_TEST_STACK_KIND: '',
      },
    );
    clearInterval(watching);

    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as JestReport;
    expect({ exitCode, failed: report.numFailedTests, broken: report.numRuntimeErrorTestSuites }).toEqual({
      exitCode: 0,
      failed: 0,
      broken: 0,
    });
    expect(report.numPassedTests).toBeGreaterThanOrEqual(5);
    expect([...seen].sort()).toEqual(
      [imageReference('kafka', root), imageReference('postgresql', root)].sort(),
    );
    expect(await stackContainers()).toEqual([]);
  }, 600_000);
});

/** The images of the test-stack containers podman has now. */
async function stackContainers(): Promise<string[]> {
  const { stdout } = await podman(['ps', '-a', '--filter', `label=${STACK_LABEL}`, '--format', '{{.Image}}']);
  return stdout.split('\n').filter(Boolean);
}

function runJest(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(workspaceRoot(), 'node_modules', 'jest', 'bin', 'jest.js'), ...args],
      {
        cwd: workspaceRoot(),
        env: { ...process.env, ...env },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
