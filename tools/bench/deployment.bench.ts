/**
 * The platform as the chart deploys it from its images (apps/platform-e2e/src/support/deployed-platform.ts,
 * the podman "cluster" of ADR 22): image sizes, each pod's start to ready, each container's resident memory
 * after idling, the whole deployment's memory, and the requests that fail through two gateways while one of
 * them is deleted under 50 requests a second. The load balancer in front of the gateways is this benchmark's
 * own round robin: it drops the deleted pod from rotation when its deletion starts (as Kubernetes removes a
 * terminating pod from the Service's endpoints), or only after a delay, as a slow endpoint update would.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { imageSizes } from '../images/build-images';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  APP_PORTS,
  deployPlatform,
  routePublicOrigin,
  signInAdministrator,
} from '../../apps/platform-e2e/src/support/deployed-platform';
import type { BenchmarkReport, BenchmarkRow } from './report';

const RATE_PER_SECOND = 50;
const IDLE_MS = Number(process.env['BENCH_DEPLOYMENT_IDLE_MS'] ?? 20_000);

interface LoadResult {
  sent: number;
  failed: number;
  /** Failures by kind (`gateway 1: HTTP 503`, `gateway 2: RATE_LIMITED`, `gateway 1: ECONNRESET`), for the note. */
  failures: Map<string, number>;
}

/**
 * 50 requests a second, alternately to each gateway still in rotation; `disrupt` runs once the load has
 * run for 3 s and returns when its pod is back. Returns the counts once every request has ended.
 */
async function loadThroughTwoGateways(
  gateways: string[],
  token: string,
  disrupt: (leaveRotation: () => void) => Promise<void>,
): Promise<LoadResult> {
  const inRotation = new Set(gateways);
  const pending: Promise<void>[] = [];
  const result: LoadResult = { sent: 0, failed: 0, failures: new Map() };
  const fail = (gateway: string, kind: string) => {
    result.failed++;
    const key = `gateway ${gateways.indexOf(gateway) + 1}: ${kind}`;
    result.failures.set(key, (result.failures.get(key) ?? 0) + 1);
  };
  let running = true;
  let turn = 0;
  const send = async (gateway: string) => {
    result.sent++;
    try {
      const response = await fetch(`${gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ schools(first: 1) { totalCount } }' }),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      let body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } = {};
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        // Not JSON: classified by its status below.
      }
      if (response.status !== 200 || !body.data) {
        fail(gateway, body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`);
      }
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      fail(gateway, cause?.code ?? (error as Error).name);
    }
  };
  const ticker = (async () => {
    while (running) {
      const targets = [...inRotation];
      const target = targets[turn++ % targets.length];
      if (target) pending.push(send(target));
      await sleep(1_000 / RATE_PER_SECOND);
    }
  })();
  await sleep(3_000);
  await disrupt(() => inRotation.delete(gateways[0]!));
  await sleep(3_000);
  running = false;
  await ticker;
  await Promise.all(pending);
  return result;
}

function describeFailures({ failures }: LoadResult): string {
  return failures.size === 0 ? 'none' : [...failures].map(([kind, count]) => `${count} × ${kind}`).join(', ');
}

export async function deploymentBenchmark(): Promise<BenchmarkReport> {
  const platform = await deployPlatform({ log: (line) => process.stdout.write(`[deployment] ${line}\n`) });
  try {
    const rows: BenchmarkRow[] = [];
    const sizes = await imageSizes();
    await sleep(IDLE_MS);
    const memory = await platform.cluster.memory();
    const memoryOf = (prefix: string) =>
      [...memory].find(([name]) => name.startsWith(`${prefix}-pod-0-`))?.[1] ?? Number.NaN;
    for (const app of Object.keys(APP_PORTS) as (keyof typeof APP_PORTS)[]) {
      const image = platform.images.find((built) => built.name === app);
      rows.push({
        variant: app,
        'image size': sizes.get(image?.reference ?? '') ?? '?',
        'start to ready (s)': platform.startSeconds[app] ?? Number.NaN,
        'idle RSS (MiB)': memoryOf(platform.deployments[app] ?? app),
      });
    }
    for (const managed of ['postgresql', 'kafka'] as const) {
      const image = platform.images.find((built) => built.name === managed);
      rows.push({
        variant: `${managed} (evaluation image)`,
        'image size': sizes.get(image?.reference ?? '') ?? '?',
        'idle RSS (MiB)': memoryOf(managed === 'postgresql' ? 'managed-postgres' : 'managed-kafka'),
      });
    }
    const total = [...memory.values()].reduce((sum, mib) => sum + mib, 0);

    // A second gateway on the other node, then one of the two deleted under load, twice.
    const gatewayName = platform.deployments['gateway']!;
    await platform.cluster.apply(
      [
        ...platform.objects.filter((object) => object.kind === 'ConfigMap'),
        ...platform.objects.filter(
          (object) => object.kind === 'Deployment' && object.metadata.name === gatewayName,
        ),
      ],
      platform.secondary,
      { suffix: '-b' },
    );
    await platform.waitReady('gateway', platform.secondary);
    const gateways = [platform.gatewayUrl, `http://${platform.secondary.address}:${APP_PORTS.gateway}`];
    const deleteFirstGateway = (propagationMs: number) => async (leaveRotation: () => void) => {
      const deletion = platform.cluster.deletePod(gatewayName);
      await sleep(propagationMs);
      leaveRotation();
      await deletion;
      await platform.cluster.replacePod(gatewayName);
      await platform.waitReady('gateway');
    };
    // A staff member's queries (3,000 a minute per gateway), so that rate limits stay out of the figures.
    const restoreFetch = routePublicOrigin(platform.gatewayUrl);
    const token = await signInAdministrator().finally(restoreFetch);
    const immediate = await loadThroughTwoGateways(gateways, token, deleteFirstGateway(0));
    const delayed = await loadThroughTwoGateways(gateways, token, deleteFirstGateway(1_000));
    rows.push(
      { variant: 'all pods and containers', 'idle RSS (MiB)': total },
      {
        variant: 'gateway deleted, leaves rotation at once',
        'requests sent': immediate.sent,
        'requests failed': immediate.failed,
      },
      {
        variant: 'gateway deleted, leaves rotation after 1 s',
        'requests sent': delayed.sent,
        'requests failed': delayed.failed,
      },
    );
    return {
      name: 'deployment',
      description:
        'Homeroom deployed from its images and Helm chart on the podman cluster (ADR 22): two nodes, one ' +
        'replica of every app on the first and second replicas of cases and slas on the second, with the ' +
        'evaluation PostgreSQL and Kafka images as the managed services.',
      command: 'npm run bench -- deployment',
      rows,
      ratios: {
        'failed share, gateway leaves rotation at once': immediate.failed / Math.max(1, immediate.sent),
        'failed share, gateway leaves rotation after 1 s': delayed.failed / Math.max(1, delayed.sent),
      },
      notes: [
        `Resident memory read by \`podman stats\` after ${IDLE_MS / 1000} s idle, after the deployment's own seeds; the total counts every container, both replicas of cases and slas included.`,
        'Start to ready: from `podman kube play` of the Deployment to its /health/ready answering 200, images already present.',
        `Gateway deletion: SIGTERM with a 30 s grace period under ${RATE_PER_SECOND} queries a second by a signed-in administrator, alternating between the two gateways; the load balancer is the benchmark's own round robin.`,
        `Failures by kind, leaving at once: ${describeFailures(immediate)}; after 1 s: ${describeFailures(delayed)}.`,
      ],
    };
  } finally {
    await platform.stop();
  }
}
