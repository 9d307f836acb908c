/**
 * Homeroom as a district's platform team installs it: the images `npm run images` builds, the Helm chart
 * rendered with production-like values (mode=external, migration hook Jobs, secrets by reference), played
 * on a two-node podman "cluster" (tools/kube/podman-cluster.ts). PostgreSQL and Kafka stand in for the
 * district's managed services, from the evaluation images; the test's mail catcher is the SMTP relay.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { workspaceRoot, waitUntil } from '@homeroom/platform/local-stack';
import { signInThroughPortal } from '@homeroom/platform/testing';
// The images, chart and podman cluster are the repository's tools, as the portal's server is.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { buildImages, imageReference, type BuiltImage } from '../../../../tools/images/build-images';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { chartWithHooksShown, HOOK_SHOWN, runHelm } from '../../../../tools/helm/helm';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PodmanCluster, type ClusterNode, type K8sObject } from '../../../../tools/kube/podman-cluster';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startMailCatcher, type MailCatcher } from '../../../../tools/mail-catcher/mail-catcher';

export const PUBLIC_HOST = 'homeroom.test';
export const PUBLIC_URL = `https://${PUBLIC_HOST}`;
export const DEMO_ADMIN_PASSWORD = 'riverside evaluation passphrase 2026';
const SERVICES = ['directory', 'cases', 'slas', 'surveys'] as const;
export const APP_PORTS = {
  gateway: 4000,
  directory: 4001,
  cases: 4002,
  slas: 4003,
  surveys: 4004,
  portal: 4200,
};
const SMTP_INTAKE_PORT = 2525;
const POSTGRES_PASSWORD = 'managedpostgrespassword';

export interface DeployedPlatform {
  cluster: PodmanCluster;
  /** The node running one replica of everything; the second runs a second replica of cases and slas. */
  primary: ClusterNode;
  secondary: ClusterNode;
  /** The gateway as the Ingress would reach it, and the portal and SMTP intake. */
  gatewayUrl: string;
  portalUrl: string;
  smtp: { host: string; port: number };
  mail: MailCatcher;
  images: BuiltImage[];
  /** The chart's objects, as rendered. */
  objects: K8sObject[];
  /** Each app Deployment's name, by app. */
  deployments: Record<string, string>;
  /** Seconds from each pod's play to its readiness. */
  startSeconds: Record<string, number>;
  /** Waits until the app's pod on `node` is ready (its /health/ready answers 200). */
  waitReady(app: keyof typeof APP_PORTS, node?: ClusterNode, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Ingress: the public origin (https://homeroom.test) reaches the gateway's Service, for every `fetch` of
 * this process until the returned function restores the real one.
 */
export function routePublicOrigin(gatewayUrl: string): () => void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return realFetch(url.startsWith(PUBLIC_URL) ? gatewayUrl + url.slice(PUBLIC_URL.length) : input, init);
  };
  return () => {
    globalThis.fetch = realFetch;
  };
}

/** The demo district's administrator's access token, signed in through the portal's sign-in flow. */
export async function signInAdministrator(): Promise<string> {
  const tokens = await signInThroughPortal(`${PUBLIC_URL}/auth`, 'admin@homeroom.test', DEMO_ADMIN_PASSWORD, {
    redirectUri: `${PUBLIC_URL}/auth/callback`,
  });
  return tokens['access_token']!;
}

/** The release's values: production-like, on this machine's images, one replica per node. */
function releaseValues(): unknown {
  return {
    mode: 'external',
    publicHost: PUBLIC_HOST,
    image: { registry: 'localhost', pullPolicy: 'Never' },
    secrets: { existingSecret: 'homeroom-platform' },
    database: { existingSecret: 'homeroom-databases' },
    kafka: { brokers: ['managed-kafka:9092'] },
    mail: {
      from: 'Riverside Unified <talk@homeroom.test>',
      intakeAddresses: ['talk@homeroom.test'],
      outbound: { existingSecret: 'homeroom-smtp' },
    },
    migrations: { strategy: 'hook' },
    gateway: { autoscaling: { enabled: false }, replicas: 1 },
    cases: { autoscaling: { enabled: false }, replicas: 1 },
    // The SLA scheduler's interval, short enough for a test to see a timer's deadline pass.
    slas: { env: { SLA_SCHEDULER_INTERVAL_MS: '1000' } },
    ingress: { tls: { secretName: 'homeroom-tls' } },
  };
}

/** The district's "managed" PostgreSQL and Kafka: one pod each on the primary node, from the test images. */
function managedServices(): K8sObject[] {
  const pod = (name: string, container: Record<string, unknown>, volumes: unknown[] = []): K8sObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, imagePullPolicy: 'Never', ...container }], volumes },
      },
    },
  });
  return [
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'managed-postgres' } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'managed-kafka' } },
    pod(
      'managed-postgres',
      {
        image: imageReference('postgresql'),
        env: [
          { name: 'POSTGRES_USER', value: 'homeroom' },
          { name: 'POSTGRES_PASSWORD', value: POSTGRES_PASSWORD },
        ],
        volumeMounts: [
          { name: 'data', mountPath: '/var/lib/postgresql/data' },
          { name: 'tmp', mountPath: '/tmp' },
        ],
      },
      [
        { name: 'data', emptyDir: {} },
        { name: 'tmp', emptyDir: {} },
      ],
    ),
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'managed-kafka' },
      data: {
        'server.properties': [
          'process.roles=broker,controller',
          'node.id=1',
          'controller.quorum.bootstrap.servers=localhost:9093',
          'listeners=PLAINTEXT://:9092,CONTROLLER://localhost:9093',
          'advertised.listeners=PLAINTEXT://managed-kafka:9092',
          'controller.listener.names=CONTROLLER',
          'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
          'log.dirs=/var/lib/kafka/data',
          'auto.create.topics.enable=false',
          'offsets.topic.replication.factor=1',
          'offsets.topic.num.partitions=6',
          'transaction.state.log.replication.factor=1',
          'transaction.state.log.min.isr=1',
          'group.initial.rebalance.delay.ms=0',
        ].join('\n'),
      },
    },
    pod(
      'managed-kafka',
      {
        image: imageReference('kafka'),
        command: [
          'sh',
          '-ec',
          '/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --standalone --cluster-id hK8yBq3pRJ2mV0t9cXw4Zg --config /etc/kafka/server.properties >/dev/null\nexec /opt/kafka/bin/kafka-server-start.sh /etc/kafka/server.properties',
        ],
        env: [{ name: 'KAFKA_HEAP_OPTS', value: '-Xms256m -Xmx512m' }],
        volumeMounts: [
          { name: 'data', mountPath: '/var/lib/kafka/data' },
          { name: 'config', mountPath: '/etc/kafka' },
          { name: 'tmp', mountPath: '/tmp' },
        ],
      },
      [
        { name: 'data', emptyDir: {} },
        { name: 'config', configMap: { name: 'managed-kafka' } },
        { name: 'tmp', emptyDir: {} },
      ],
    ),
  ];
}

function render(work: string): K8sObject[] {
  const values = join(work, 'values.yaml');
  writeFileSync(values, stringify(releaseValues()));
  const result = runHelm(
    [{ id: 'release', command: 'template', chart: chartWithHooksShown(work), valuesFiles: [values] }],
    work,
  ).get('release');
  if (result?.status !== 'ok') throw new Error(`helm template failed:\n${result?.output}`);
  return parseAllDocuments(result.output)
    .map((document) => document.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

async function httpOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

export async function deployPlatform({
  log = (_line: string): unknown => undefined,
}: { log?: (line: string) => unknown } = {}): Promise<DeployedPlatform> {
  const root = workspaceRoot();
  const started = Date.now();
  const images = await buildImages({ root });
  log(`images in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const work = mkdtempSync(join(tmpdir(), 'homeroom-deploy-'));
  const objects = render(work);
  const cluster = await PodmanCluster.create({
    name: 'hrk',
    nodeCount: 2,
    subnet: 231,
    workDir: join(work, 'cluster'),
  });
  const [primary, secondary] = cluster.nodes as [ClusterNode, ClusterNode];
  const mail = await startMailCatcher({ smtpPort: 0, httpPort: 0, host: cluster.hostAddress });
  const startSeconds: Record<string, number> = {};
  const deployments: Record<string, string> = {};

  const waitReady = async (app: keyof typeof APP_PORTS, node = primary, timeoutMs = 180_000) =>
    waitUntil(
      `${app} ready on ${node.name}`,
      () => httpOk(`http://${node.address}:${APP_PORTS[app]}/health/ready`),
      {
        timeoutMs,
        intervalMs: 250,
      },
    );

  try {
    // The operator's Secrets, created before `helm install` (docs/operations/kubernetes.md).
    await cluster.createSecret('homeroom-platform', {
      GATEWAY_TRUST_SECRET: 'deployed-test-gateway-trust-secret-0123456789',
      OIDC_COOKIE_KEYS: 'deployed-test-cookie-key-0123456789abcdef',
      ATTACHMENT_URL_SECRET: 'deployed-test-attachment-url-secret-0123456789',
    });
    await cluster.createSecret(
      'homeroom-databases',
      Object.fromEntries(
        SERVICES.map((service) => [
          `${service.toUpperCase()}_DATABASE_URL`,
          `postgres://homeroom:${POSTGRES_PASSWORD}@managed-postgres:5432/homeroom_${service}`,
        ]),
      ),
    );
    await cluster.createSecret('homeroom-smtp', {
      SMTP_OUTBOUND_URL: `smtp://${cluster.hostAddress}:${mail.smtpPort}`,
    });

    const managed = managedServices();
    cluster.exposeServices([...managed, ...objects], primary);
    await cluster.apply(managed, primary);
    await waitUntil(
      'PostgreSQL and Kafka',
      async () => {
        const logs = `${await cluster.logs('managed-postgres-pod-0-managed-postgres')}${await cluster.logs('managed-kafka-pod-0-managed-kafka')}`;
        return (
          /ready to accept connections/.test(logs) &&
          /Kafka Server started|KafkaRaftServer.*started/i.test(logs)
        );
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );

    // helm install: the pre-install hooks in weight order, then the release's objects.
    const hooks = objects
      .filter((object) => object.kind === 'Job' && object.metadata.annotations?.[HOOK_SHOWN])
      .sort(
        (a, b) =>
          Number(a.metadata.annotations?.['helm.sh/hook-weight'] ?? 0) -
          Number(b.metadata.annotations?.['helm.sh/hook-weight'] ?? 0),
      );
    for (const hook of hooks)
      log(`${hook.metadata.name}: ${(await cluster.runJob(hook, primary)).trim().split('\n').pop()}`);

    const release = objects.filter((object) => object.kind !== 'Job');
    const configMaps = release.filter((object) => object.kind === 'ConfigMap');
    const deploymentOf = (app: string): K8sObject => {
      const found = release.find(
        (object) =>
          object.kind === 'Deployment' && object.metadata.labels?.['app.kubernetes.io/component'] === app,
      );
      if (!found) throw new Error(`the chart rendered no Deployment for ${app}`);
      return found;
    };

    // The demo district, seeded as an operator trying Homeroom out would (`kubectl run` of the service's
    // image with its Deployment's settings and the seed command; the chart itself never seeds).
    for (const service of SERVICES) {
      const template = structuredClone(deploymentOf(service).spec.template);
      const [container] = template.spec.containers;
      container.name = 'seed';
      container.command = ['node', `dist/apps/${service}/seed.js`];
      container.env = [...(container.env ?? []), { name: 'DEMO_ADMIN_PASSWORD', value: DEMO_ADMIN_PASSWORD }];
      container.ports = [];
      template.spec.containers = [container];
      const seed: K8sObject = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: `homeroom-${service}-seed` },
        spec: { template },
      };
      log(
        `${service} seed: ${(await cluster.runJob(seed, primary, { configMaps })).trim().split('\n').pop()}`,
      );
    }

    // Subgraphs first: the gateway loads the committed supergraph, but its readiness asks them.
    for (const app of ['directory', 'cases', 'slas', 'surveys', 'gateway', 'portal'] as const) {
      const appStarted = Date.now();
      deployments[app] = deploymentOf(app).metadata.name;
      await cluster.apply([...configMaps, deploymentOf(app)], primary);
      await waitReady(app);
      startSeconds[app] = (Date.now() - appStarted) / 1000;
      log(`${app} ready in ${startSeconds[app]?.toFixed(1)} s`);
    }
    // A second replica of cases and slas, on the other node (their Kafka consumers and schedulers share).
    for (const app of ['cases', 'slas'] as const) {
      await cluster.apply([...configMaps, deploymentOf(app)], secondary, { suffix: '-b' });
      await waitReady(app, secondary);
    }
  } catch (error) {
    await cluster.destroy().catch(() => undefined);
    await mail.close().catch(() => undefined);
    throw error;
  }

  return {
    cluster,
    primary,
    secondary,
    gatewayUrl: `http://${primary.address}:${APP_PORTS.gateway}`,
    portalUrl: `http://${primary.address}:${APP_PORTS.portal}`,
    smtp: { host: primary.address, port: SMTP_INTAKE_PORT },
    mail,
    images,
    objects,
    deployments,
    startSeconds,
    waitReady,
    async stop() {
      await cluster.destroy();
      await mail.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
