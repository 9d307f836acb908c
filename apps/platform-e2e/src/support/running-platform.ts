import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { AssignerProtocol } from 'kafkajs';
import { Client } from 'pg';
import { databaseUrl, dropDatabase, ensureDatabase } from '@homeroom/platform/database';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import {
  freePort,
  PORTAL_REDIRECT_URI,
  startGroupAtEnd,
  testDatabaseServerUrl,
  testKafka,
  testKafkaBrokers,
  uniqueName,
  waitUntil,
} from '@homeroom/platform/testing';
// The portal is served as tools/portal serves it for npm start.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { buildPortal, servePortal } from '../../../../tools/portal/serve-portal';
// The development mail catcher stands in for the district's SMTP relay, as it does under npm start.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startMailCatcher, type MailCatcher } from '../../../../tools/mail-catcher/mail-catcher';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';

const SERVICES = ['directory', 'cases', 'slas', 'surveys'] as const;
type Service = (typeof SERVICES)[number];

export interface RunningPlatform {
  /** The public origin: http://127.0.0.1:<port> (`/graphql`, `/auth`). */
  origin: string;
  issuer: string;
  /** The portal, when asked for: its own origin, as a district serves it. */
  portalOrigin: string;
  /** Each subgraph's own /graphql, for the tests that go around the gateway on purpose. */
  subgraphUrls: Record<Service, string>;
  /** What the gateway signs principals with (for calls that go around it on purpose, as benchmarks do). */
  trustSecret: string;
  /** Every email the platform sent (staff replies, survey invitations). */
  mail: MailCatcher;
  /**
   * Each service's database, for the few journeys that must let time pass (a case quiet for days before an
   * automation acts on it): nothing else reaches around the services.
   */
  databases: Record<Service, string>;
  /** The gateway's Prometheus text. */
  gatewayMetrics(): Promise<string>;
  /**
   * Another gateway in front of the same services, with some settings changed (limits, subgraph URLs):
   * for the tests of what a gateway does when its limits are low or a subgraph misbehaves.
   */
  startGateway(overrides: Record<string, string>): Promise<{ origin: string; stop(): Promise<void> }>;
  /** Waits until every outbox is published and every consumer has taken every event. */
  settle(timeoutMs?: number): Promise<void>;
  /**
   * Starts another replica of cases (same database, same consumer group) and puts it in the load
   * balancer's rotation; only for a platform started with `casesBehindLoadBalancer`.
   */
  addCasesReplica(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole platform as `npm start` runs it, started for one suite: each service in its own Node process
 * from its own entry point, on free ports, with fresh databases (migrated and seeded with the demo district
 * by each app's own commands) and its own Kafka consumer groups, which start at the end of every topic
 * so that events other suites left on the shared broker are not replayed here. The gateway runs in
 * production mode. Each process's output goes to tmp/e2e-logs/<service>.log.
 */
export async function startPlatform({
  gatewayOverrides = {},
  websiteOrigins = [],
  serviceOverrides = {},
  portal = false,
  compiled = false,
  beforeServicesStart,
  readyTimeoutMs = 120_000,
  appNodeArgs = () => [],
  casesBehindLoadBalancer = false,
}: {
  /** Gateway settings to change (benchmarks raise the rate limits). */
  gatewayOverrides?: Record<string, string>;
  /** The district's own websites, which embed the chat widget: the gateway's CORS allows them too. */
  websiteOrigins?: string[];
  /** A service's settings to add or change (the writing assistant's endpoint, for one). */
  serviceOverrides?: Partial<Record<Service, Record<string, string>>>;
  /** Build the portal and serve it too (`portalOrigin`), registered with the issuer and the gateway's CORS. */
  portal?: boolean;
  /**
   * Run the production build (`npm run build`, made first from the current sources): every migration,
   * seed, service and gateway as `node dist/apps/<app>/<entry>.js`, with no transpiler, instead of the
   * TypeScript sources through `@swc-node/register`.
   */
  compiled?: boolean;
  /**
   * Work on the migrated, demo-seeded databases before any service starts (a benchmark writes its
   * district-scale data set here).
   */
  beforeServicesStart?: (databases: Record<Service, string>) => Promise<void>;
  /** How long each app may take to become ready (a service rebuilding large rollups takes longer). */
  readyTimeoutMs?: number;
  /**
   * Node options for each service and the gateway, not their migrations and seeds (a benchmark's
   * `--cpu-prof`, written when the app ends on SIGTERM).
   */
  appNodeArgs?: (app: Service | 'gateway') => readonly string[];
  /**
   * The gateway reaches cases through a round-robin load balancer (as a Kubernetes Service), so that
   * `addCasesReplica` can add replicas behind it; the balancer is in this process.
   */
  casesBehindLoadBalancer?: boolean;
} = {}): Promise<RunningPlatform> {
  const root = workspaceRoot();
  const run = uniqueName('e2e');
  const logDir = join(root, 'tmp', 'e2e-logs');
  mkdirSync(logDir, { recursive: true });
  const mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  const ports = {
    gateway: await freePort(),
    directory: await freePort(),
    cases: await freePort(),
    slas: await freePort(),
    surveys: await freePort(),
    casesIntake: await freePort(),
    portal: await freePort(),
  };
  const portalOrigin = `http://127.0.0.1:${ports.portal}`;
  const origin = `http://127.0.0.1:${ports.gateway}`;
  const issuer = `${origin}/auth`;
  const trustSecret = randomBytes(32).toString('hex');
  const databases = Object.fromEntries(
    SERVICES.map((service) => [service, databaseUrl(testDatabaseServerUrl(), `${run}_${service}`)]),
  ) as Record<Service, string>;
  const groups = Object.fromEntries(SERVICES.map((service) => [service, `${run}-${service}`])) as Record<
    Service,
    string
  >;
  const children: ChildProcess[] = [];
  const servers: Server[] = [];
  let casesBalancer: RoundRobinProxy | undefined;
  let casesReplicas = 1;
  /** Where the gateway reaches cases: its one replica, or the load balancer in front of its replicas. */
  let casesOrigin = `http://127.0.0.1:${ports.cases}`;

  const common = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    GATEWAY_TRUST_SECRET: trustSecret,
    OIDC_ISSUER: issuer,
    SMTP_OUTBOUND_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    // No load balancer to wait for: a stopped app closes at once.
    SHUTDOWN_DELAY_MS: '0',
  };
  const environments: Record<Service, Record<string, string>> = {
    directory: {
      OIDC_COOKIE_KEYS: randomBytes(32).toString('hex'),
      PORTAL_REDIRECT_URIS: `${PORTAL_REDIRECT_URI},${portalOrigin}/auth/callback`,
    },
    cases: {
      SMTP_INTAKE_PORT: String(ports.casesIntake),
      // In the cases database, as production keeps them (ADR 20): no directory at all.
      ATTACHMENT_STORAGE: 'database',
      ATTACHMENT_URL_SECRET: randomBytes(32).toString('hex'),
      // The public origin, as the chart gives it: links are <origin>/attachments/….
      ATTACHMENT_DOWNLOAD_BASE_URL: origin,
      // Requester confirmation links point at the portal the suite serves.
      PORTAL_URL: portalOrigin,
      // Incoming texts reach the gateway's /sms; taken only where a suite configures a provider.
      SMS_WEBHOOK_URL: `${origin}/sms/twilio`,
    },
    slas: {},
    // Survey links point at the portal the suite serves.
    surveys: { PORTAL_URL: portalOrigin },
  };
  const envOf = (service: Service) => ({
    ...common,
    ...environments[service],
    ...serviceOverrides[service],
    DATABASE_URL: databases[service],
    PORT: String(ports[service]),
    KAFKA_CONSUMER_GROUP: groups[service],
  });
  const subgraphUrls = Object.fromEntries(
    SERVICES.map((service) => [service, `http://127.0.0.1:${ports[service]}/graphql`]),
  ) as Record<Service, string>;

  /** One of an app's entry points (`main`, `migrate`, `seed`), built or from its sources. */
  const entry = (app: Service | 'gateway', name: string) =>
    compiled ? `dist/apps/${app}/${name}.js` : `apps/${app}/src/${name}.ts`;
  /** Runs an entry point; `app` names a long-running one (a service or a gateway), stopped with the rest. */
  const script = (path: string, label: string, env: Record<string, string>, app?: Service | 'gateway') => {
    const args = [
      ...(app ? appNodeArgs(app) : []),
      ...(path.endsWith('.ts') ? ['-r', '@swc-node/register', path] : [path]),
    ];
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '--disable-warning=TimeoutNegativeWarning', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(join(logDir, `${label}.log`), { flags: 'a' });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    if (app) children.push(child);
    return child;
  };
  const finished = (path: string, label: string, env: Record<string, string>) =>
    new Promise<void>((resolve, reject) => {
      script(path, label, env).once('exit', (code) =>
        code === 0
          ? resolve()
          : reject(new Error(`${label} exited with ${code}: see tmp/e2e-logs/${label}.log`)),
      );
    });
  const ready = (url: string, what: string) =>
    waitUntil(
      what,
      async () => {
        try {
          return (await fetch(url)).ok;
        } catch {
          return false;
        }
      },
      { timeoutMs: readyTimeoutMs, intervalMs: 300 },
    );

  const gatewayEnvironment = (port: number, overrides: Record<string, string> = {}) => ({
    ...common,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DIRECTORY_SUBGRAPH_URL: subgraphUrls.directory,
    CASES_SUBGRAPH_URL: `${casesOrigin}/graphql`,
    SLAS_SUBGRAPH_URL: subgraphUrls.slas,
    SURVEYS_SUBGRAPH_URL: subgraphUrls.surveys,
    SIGN_IN_URL: `http://127.0.0.1:${ports.directory}/auth`,
    ATTACHMENTS_URL: `${casesOrigin}/attachments`,
    TEXT_MESSAGES_URL: `${casesOrigin}/sms`,
    CHAT_URL: `${casesOrigin}/chat`,
    CORS_ORIGINS: ['http://localhost:4200', portalOrigin, ...websiteOrigins].join(','),
    ...overrides,
  });
  const stop = async () => {
    await Promise.all(children.map(terminate));
    await casesBalancer?.close();
    for (const server of servers) server.close();
    await mail.close();
    for (const url of Object.values(databases)) await dropDatabase(url).catch(() => undefined);
  };

  try {
    // First, so that a portal that does not build fails the suite before anything starts.
    if (portal) buildPortal(root);
    if (compiled) buildApps(root);
    // Each app migrates and seeds itself with its own commands, as npm start does; the apps side by side.
    await Promise.all(
      SERVICES.map(async (service) => {
        await ensureDatabase(databases[service]);
        await finished(entry(service, 'migrate'), `${service}-migrate`, envOf(service));
        await finished(entry(service, 'seed'), `${service}-seed`, envOf(service));
      }),
    );
    await beforeServicesStart?.(databases);
    for (const service of SERVICES) await startGroupAtEnd(groups[service]);
    for (const service of SERVICES) script(entry(service, 'main'), service, envOf(service), service);
    for (const service of SERVICES)
      await ready(`http://127.0.0.1:${ports[service]}/health/ready`, `the ${service} service`);
    if (casesBehindLoadBalancer) {
      casesBalancer = await startRoundRobinProxy([casesOrigin]);
      casesOrigin = casesBalancer.origin;
    }
    script(
      entry('gateway', 'main'),
      'gateway',
      gatewayEnvironment(ports.gateway, gatewayOverrides),
      'gateway',
    );
    await ready(`${origin}/health/ready`, 'the gateway');
    if (portal) {
      const server = await servePortal({ root, port: ports.portal, apiOrigin: origin });
      servers.push(server);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    origin,
    issuer,
    portalOrigin,
    subgraphUrls,
    trustSecret,
    mail,
    databases,
    async startGateway(overrides) {
      const port = await freePort();
      const child = script(
        entry('gateway', 'main'),
        'gateway-extra',
        gatewayEnvironment(port, overrides),
        'gateway',
      );
      const extraOrigin = `http://127.0.0.1:${port}`;
      await ready(`${extraOrigin}/health/live`, 'the extra gateway');
      return { origin: extraOrigin, stop: () => terminate(child) };
    },
    async gatewayMetrics() {
      return (await fetch(`${origin}/metrics`)).text();
    },
    settle: (timeoutMs = 120_000) =>
      waitUntil('every event published and consumed', () => settled(databases, Object.values(groups)), {
        timeoutMs,
        intervalMs: 500,
      }),
    async addCasesReplica() {
      if (!casesBalancer) throw new Error('addCasesReplica needs casesBehindLoadBalancer');
      casesReplicas += 1;
      const replica = casesReplicas;
      const [port, intakePort] = [await freePort(), await freePort()];
      script(
        entry('cases', 'main'),
        `cases-${replica}`,
        { ...envOf('cases'), PORT: String(port), SMTP_INTAKE_PORT: String(intakePort) },
        'cases',
      );
      await ready(`http://127.0.0.1:${port}/health/ready`, `replica ${replica} of cases`);
      casesBalancer.add(`http://127.0.0.1:${port}`);
    },
    stop,
  };
}

/** `npm run build`'s work for the services and the gateway, from the current sources (about 2 s). */
export function buildApps(root: string): void {
  execFileSync(process.execPath, ['tools/build/build-apps.mjs'], { cwd: root, stdio: 'pipe' });
}

/** SIGTERM, and SIGKILL if it has not ended in 10 s. */
function terminate(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** No unpublished outbox rows in any service, and no consumer group behind on any topic it is assigned. */
async function settled(databases: Record<Service, string>, groups: string[]): Promise<boolean> {
  for (const url of Object.values(databases)) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL',
      );
      if (rows[0]!.n > 0) return false;
    } finally {
      await client.end();
    }
  }
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const { groups: described } = await admin.describeGroups(groups);
    for (const group of described) {
      if (group.state !== 'Stable') return false;
      const topics = new Set<string>();
      for (const member of group.members) {
        const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        for (const topic of Object.keys(decoded?.assignment ?? {})) topics.add(topic);
      }
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId: group.groupId, topics: [topic] });
        for (const end of ends) {
          const at = Number(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
          if ((at < 0 ? Number(end.low) : at) < Number(end.high)) return false;
        }
      }
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}
