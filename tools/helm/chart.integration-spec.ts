/**
 * The Helm chart (docker/helm/homeroom) through real Helm: helm-java from Maven Central (tools/helm/pom.xml),
 * called by tools/helm/HelmRunner.java in one JVM for every lint and template below. Each rendered object is
 * validated against the Kubernetes OpenAPI schema (kubernetes-models, Kubernetes 1.36), then held to the
 * platform's policies. Needs Java 17+ and Maven (tools/scripts/ensure-install.sh installs both).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { CHART, chartWithHooksShown, HOOK_SHOWN, type HelmJob, type HelmResult, runHelm } from './helm';

const APP_VERSION = /appVersion:\s*'?([^'\s]+)'?/.exec(readFileSync(join(CHART, 'Chart.yaml'), 'utf8'))?.[1];
const SUBGRAPHS = ['directory', 'cases', 'slas', 'surveys'];
/** Variables that hold secrets: never in a ConfigMap, never as a literal env value. */
const SECRET_VARIABLES = [
  'GATEWAY_TRUST_SECRET',
  'OIDC_COOKIE_KEYS',
  'ATTACHMENT_URL_SECRET',
  'DATABASE_URL',
  'SMTP_OUTBOUND_URL',
  'SMS_ACCOUNT_SID',
  'SMS_AUTH_TOKEN',
  'LLM_API_KEY',
  'KAFKA_SASL_USERNAME',
  'KAFKA_SASL_PASSWORD',
  'ONEROSTER_SYNC_CLIENT_ID',
  'ONEROSTER_SYNC_CLIENT_SECRET',
  'POSTGRES_PASSWORD',
  'HOMEROOM_POSTGRES_PASSWORD',
];

/** Rendered manifests are read as loose JSON: the schema check has already vouched for their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
} & Record<string, Loose>;

function deepMerge(base: unknown, override: unknown): unknown {
  if (!isMap(base) || !isMap(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value);
  return merged;
}
const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const work = mkdtempSync(join(tmpdir(), 'homeroom-helm-'));
let results = new Map<string, HelmResult>();
const valuesFile = (name: string, values: unknown) => {
  const file = join(work, `${name}.yaml`);
  writeFileSync(file, stringify(values));
  return file;
};
const production = join(CHART, 'ci', 'production-values.yaml');
const evaluation = join(CHART, 'ci', 'evaluation-values.yaml');

/** Malformed values, each on top of the production values, and the message Helm must refuse them with. */
const BAD: Record<string, { values: unknown; message: RegExp }> = {
  'replicas-two': { values: { slas: { replicas: 'two' } }, message: /\/slas\/replicas[\s\S]*want integer/ },
  'unknown-mode': { values: { mode: 'staging' }, message: /\/mode[\s\S]*'external', 'evaluation'/ },
  'secret-name': {
    values: { secrets: { existingSecret: 'Homeroom Secrets!' } },
    message: /\/secrets\/existingSecret[\s\S]*does not match pattern/,
  },
  'misspelt-value': {
    values: { gateway: { replica: 3 } },
    message: /\/gateway[\s\S]*additional properties 'replica'/,
  },
  'root-allowed': {
    values: { containerSecurityContext: { runAsNonRoot: false } },
    message: /\/containerSecurityContext\/runAsNonRoot/,
  },
  'latest-tag': { values: { image: { tag: 'latest' } }, message: /image\.tag: `latest` is refused/ },
  'kafka-sasl-without-secret': {
    values: { kafka: { sasl: { mechanism: 'scram-sha-512' } } },
    message: /kafka\.sasl\.existingSecret \(required with kafka\.sasl\.mechanism\)/,
  },
  'sis-sync-without-secret': {
    values: { directory: { oneRosterSync: { url: 'https://sis.example.org/ims/oneroster/rostering/v1p2' } } },
    message: /directory\.oneRosterSync\.tokenUrl and directory\.oneRosterSync\.existingSecret/,
  },
  'sis-sync-over-http': {
    values: { directory: { oneRosterSync: { url: 'http://sis.example.org/ims/oneroster/rostering/v1p2' } } },
    message: /\/directory\/oneRosterSync\/url[\s\S]*does not match pattern/,
  },
  'kafka-ca-without-tls': {
    values: { kafka: { tls: { caSecret: { existingSecret: 'kafka-ca' } } } },
    message: /a CA for the brokers needs kafka\.tls\.enabled=true/,
  },
};

/** A SIS's OneRoster REST API to sync from, its OAuth client in a Secret. */
const SIS_SYNC = {
  directory: {
    oneRosterSync: {
      url: 'https://sis.example.org/ims/oneroster/rostering/v1p2',
      tokenUrl: 'https://sis.example.org/oauth/token',
      intervalMinutes: 30,
      existingSecret: 'homeroom-sis-client',
    },
  },
};

/** Kafka behind TLS with a private CA and SCRAM, as Strimzi's TLS listener with SCRAM users. */
const KAFKA_SECURED = {
  kafka: {
    tls: { enabled: true, caSecret: { existingSecret: 'kafka-cluster-ca', key: 'ca.crt' } },
    sasl: { mechanism: 'scram-sha-512', existingSecret: 'homeroom-kafka-user' },
  },
};

beforeAll(() => {
  // Helm's lint takes no values files: lint copies of the chart whose values.yaml is the one to check.
  const defaults = parse(readFileSync(join(CHART, 'values.yaml'), 'utf8'));
  const lintCopy = (name: string, file: string) => {
    const copy = join(work, `chart-${name}`, 'homeroom');
    mkdirSync(copy, { recursive: true });
    cpSync(CHART, copy, { recursive: true });
    writeFileSync(
      join(copy, 'values.yaml'),
      stringify(deepMerge(defaults, parse(readFileSync(file, 'utf8')))),
    );
    return copy;
  };
  // helm-java's template returns the release's manifest without its hooks (the helm CLI prints both): render
  // the migration Jobs from a copy whose hook annotations are renamed, so that they are checked like the rest.
  const hooksShown = chartWithHooksShown(work);
  const jobs: HelmJob[] = [
    { id: 'default', command: 'template', chart: CHART },
    { id: 'production', command: 'template', chart: hooksShown, valuesFiles: [production] },
    { id: 'production-as-released', command: 'template', chart: CHART, valuesFiles: [production] },
    { id: 'evaluation', command: 'template', chart: CHART, valuesFiles: [evaluation] },
    { id: 'lint-default', command: 'lint', chart: CHART },
    { id: 'lint-production', command: 'lint', chart: lintCopy('production', production) },
    { id: 'lint-evaluation', command: 'lint', chart: lintCopy('evaluation', evaluation) },
    {
      id: 'production-kafka-secured',
      command: 'template',
      chart: hooksShown,
      valuesFiles: [production, valuesFile('kafka-secured', KAFKA_SECURED)],
    },
    {
      id: 'production-sis-sync',
      command: 'template',
      chart: CHART,
      valuesFiles: [production, valuesFile('sis-sync', SIS_SYNC)],
    },
    ...Object.entries(BAD).map(([name, { values }]): HelmJob => ({
      id: `bad-${name}`,
      command: 'template',
      chart: CHART,
      valuesFiles: [production, valuesFile(name, values)],
    })),
  ];
  results = runHelm(jobs, work);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function rendered(id: string): K8sObject[] {
  const result = results.get(id);
  if (result?.status !== 'ok') throw new Error(`helm template (${id}) failed:\n${result?.output}`);
  return parseAllDocuments(result.output)
    .map((document) => document.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

/** What tools/helm/validate-manifests.mjs (kubernetes-models, an ESM package) finds wrong in rendered manifests. */
function schemaProblems(id: string): unknown[] {
  rendered(id);
  const file = join(work, `${id}.rendered.yaml`);
  writeFileSync(file, results.get(id)?.output ?? '');
  const output = execFileSync(process.execPath, [join(__dirname, 'validate-manifests.mjs'), file], {
    encoding: 'utf8',
  });
  return JSON.parse(output) as unknown[];
}

function podSpecs(objects: K8sObject[]) {
  return objects
    .filter((object) => ['Deployment', 'StatefulSet', 'Job'].includes(object.kind))
    .map((object) => ({ object, spec: object.spec.template.spec }));
}

function containersOf(objects: K8sObject[]) {
  return podSpecs(objects).flatMap(({ object, spec }) =>
    [...(spec.initContainers ?? []), ...spec.containers].map((container: Loose) => ({
      object,
      spec,
      container,
    })),
  );
}

describe('the Helm chart', () => {
  it('refuses to render with the defaults, naming every value a district must set', () => {
    const result = results.get('default');
    expect(result?.status).toBe('error');
    for (const missing of [
      'publicHost',
      'image.registry',
      'secrets.existingSecret (a Secret with the keys GATEWAY_TRUST_SECRET, OIDC_COOKIE_KEYS and ATTACHMENT_URL_SECRET)',
      'database.existingSecret',
      'kafka.brokers',
      'mail.from',
      'ingress.tls.secretName',
    ])
      expect(result?.output).toContain(`  - ${missing}`);
  });

  it.each(['lint-default', 'lint-production', 'lint-evaluation'])(
    'passes %s without errors or warnings',
    (id) => {
      const result = results.get(id);
      expect(result?.status).toBe('ok');
      expect(result?.output).not.toMatch(/\[(ERROR|WARNING)\]/);
    },
  );

  describe.each(['production', 'evaluation'])('with the %s values', (id) => {
    it('renders only objects the Kubernetes 1.36 OpenAPI schema accepts', () => {
      expect(rendered(id).length).toBeGreaterThan(20);
      expect(schemaProblems(id)).toEqual([]);
    });

    it('has a Deployment, a Service and a PodDisruptionBudget per app', () => {
      const objects = rendered(id);
      for (const app of ['gateway', ...SUBGRAPHS, 'portal'])
        for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget', 'ConfigMap'])
          expect(objects.some((o) => o.kind === kind && o.metadata.name === `homeroom-${app}`)).toBe(true);
      const smtp = objects.find((o) => o.kind === 'Service' && o.metadata.name === 'homeroom-cases-smtp');
      expect(smtp?.spec.ports).toEqual([expect.objectContaining({ name: 'smtp', targetPort: 'smtp' })]);
      const ingress = objects.find((o) => o.kind === 'Ingress');
      expect(ingress?.spec.tls[0].secretName).toBeTruthy();
    });

    it('names every image by a release tag, never latest, and Homeroom images by the appVersion', () => {
      for (const { container } of containersOf(rendered(id))) {
        expect(container.image).toMatch(/^[^:]+(:\d+)?\/[^:]+:[A-Za-z0-9_][A-Za-z0-9_.-]*$/);
        expect(container.image).not.toMatch(/:latest$/);
        if (/homeroom-/.test(container.image)) expect(container.image.endsWith(`:${APP_VERSION}`)).toBe(true);
      }
    });

    it('gives every container requests, limits and (long-running ones) startup, liveness and readiness probes', () => {
      for (const { object, spec, container } of containersOf(rendered(id))) {
        const where = `${object.kind} ${object.metadata.name}/${container.name}`;
        expect([where, Object.keys(container.resources?.limits ?? {}).sort()]).toEqual([
          where,
          ['cpu', 'memory'],
        ]);
        expect([where, Object.keys(container.resources?.requests ?? {}).sort()]).toEqual([
          where,
          ['cpu', 'memory'],
        ]);
        const init = (spec.initContainers ?? []).includes(container);
        if (object.kind !== 'Job' && !init)
          for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'])
            expect([where, probe, Boolean(container[probe])]).toEqual([where, probe, true]);
      }
    });

    it('runs every container as non-root on a read-only root filesystem, without privileges', () => {
      for (const { object, spec, container } of containersOf(rendered(id))) {
        const where = `${object.kind} ${object.metadata.name}/${container.name}`;
        expect([where, spec.securityContext.runAsNonRoot]).toEqual([where, true]);
        expect([where, spec.securityContext.seccompProfile?.type]).toEqual([where, 'RuntimeDefault']);
        expect([where, container.securityContext]).toEqual([
          where,
          expect.objectContaining({
            runAsNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
          }),
        ]);
        const tmp = container.volumeMounts?.find(
          (mount: { mountPath: string }) => mount.mountPath === '/tmp',
        );
        expect([where, Boolean(tmp)]).toEqual([where, true]);
      }
    });

    it('lets only the gateway reach the subgraphs, and mail reach the SMTP intake', () => {
      const objects = rendered(id);
      const gatewayPods = objects.find(
        (o) => o.kind === 'Deployment' && o.metadata.name === 'homeroom-gateway',
      )?.spec.template.metadata.labels;
      const values = parse(readFileSync(id === 'production' ? production : evaluation, 'utf8'));
      const metricsFrom = values.networkPolicy?.metricsFrom ?? [];
      for (const app of SUBGRAPHS) {
        const pods = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === `homeroom-${app}`)
          ?.spec.template.metadata.labels;
        const policies = objects.filter(
          (o) =>
            o.kind === 'NetworkPolicy' &&
            Object.entries(o.spec.podSelector.matchLabels ?? {}).every(([key, value]) => pods[key] === value),
        );
        expect(policies).toHaveLength(1);
        const [policy] = policies as [K8sObject];
        expect(policy.spec.policyTypes).toEqual(['Ingress']);
        const httpRules = policy.spec.ingress.filter((rule: Loose) =>
          rule.ports.some((port: Loose) => port.port === 'http'),
        );
        // Every rule opening the HTTP port names its peers: the gateway's pods, or the operator's metrics scraper.
        for (const rule of httpRules) {
          expect(rule.from?.length).toBeGreaterThan(0);
          for (const peer of rule.from) {
            const gateway =
              peer.podSelector &&
              !peer.namespaceSelector &&
              Object.entries(peer.podSelector.matchLabels).every(
                ([key, value]) => gatewayPods[key] === value,
              ) &&
              peer.podSelector.matchLabels['app.kubernetes.io/component'] === 'gateway';
            expect(
              gateway ||
                metricsFrom.some((allowed: unknown) => JSON.stringify(allowed) === JSON.stringify(peer)),
            ).toBe(true);
          }
        }
        expect(httpRules[0].from[0].podSelector.matchLabels['app.kubernetes.io/component']).toBe('gateway');
        const smtpRule = policy.spec.ingress.find((rule: Loose) =>
          rule.ports.some((port: Loose) => port.port === 'smtp'),
        );
        expect(Boolean(smtpRule)).toBe(app === 'cases');
      }
    });

    it('takes every secret by reference: no Secret, no secret in a ConfigMap, no literal secret env', () => {
      const objects = rendered(id);
      expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
      for (const configMap of objects.filter((o) => o.kind === 'ConfigMap'))
        for (const key of Object.keys(configMap.data ?? {}))
          expect([configMap.metadata.name, key]).not.toEqual([
            configMap.metadata.name,
            expect.stringMatching(new RegExp(`^(${SECRET_VARIABLES.join('|')})$`)),
          ]);
      for (const { container } of containersOf(objects))
        for (const variable of container.env ?? [])
          if (SECRET_VARIABLES.includes(variable.name) && variable.name !== 'DATABASE_URL')
            expect([variable.name, variable.valueFrom?.secretKeyRef?.name]).toEqual([
              variable.name,
              expect.any(String),
            ]);
          else if (variable.name === 'DATABASE_URL')
            expect(variable.valueFrom?.secretKeyRef ?? variable.value).toEqual(
              id === 'evaluation'
                ? expect.stringContaining('$(HOMEROOM_POSTGRES_PASSWORD)')
                : expect.objectContaining({ name: 'homeroom-databases' }),
            );
    });
  });

  it('in production, migrates by pre-install/pre-upgrade hook Jobs and autoscales the gateway and cases', () => {
    const objects = rendered('production');
    const jobs = objects.filter((o) => o.kind === 'Job');
    expect(jobs.map((job) => job.metadata.name).sort()).toEqual(
      SUBGRAPHS.map((app) => `homeroom-${app}-migrate`).sort(),
    );
    for (const job of jobs) {
      expect(job.metadata.annotations?.[HOOK_SHOWN]).toBe('pre-install,pre-upgrade');
      expect(job.metadata.annotations?.[`${HOOK_SHOWN}-delete-policy`]).toBe(
        'before-hook-creation,hook-succeeded',
      );
    }
    // As released they are hooks, not objects of the release.
    expect(rendered('production-as-released').filter((o) => o.kind === 'Job')).toEqual([]);
    expect(objects.filter((o) => o.kind === 'HorizontalPodAutoscaler').map((o) => o.metadata.name)).toEqual([
      'homeroom-gateway',
      'homeroom-cases',
    ]);
    const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'homeroom-gateway');
    expect(deployment?.spec.template.spec.topologySpreadConstraints).toHaveLength(2);
  });

  it('gives every service Kafka TLS with the CA mounted, and SASL from the Secret', () => {
    const objects = rendered('production-kafka-secured');
    expect(schemaProblems('production-kafka-secured')).toEqual([]);
    const services = containersOf(objects).filter(({ container }) =>
      (container.env ?? []).some((variable: Loose) => variable.name === 'KAFKA_CLIENT_ID'),
    );
    expect(services).toHaveLength(SUBGRAPHS.length);
    for (const { spec, container } of services) {
      const env = new Map<string, Loose>(container.env.map((variable: Loose) => [variable.name, variable]));
      expect(env.get('KAFKA_SSL')?.value).toBe('true');
      expect(env.get('KAFKA_SSL_CA_FILE')?.value).toBe('/etc/homeroom/kafka-ca/ca.crt');
      expect(env.get('KAFKA_SASL_MECHANISM')?.value).toBe('scram-sha-512');
      expect(env.get('KAFKA_SASL_USERNAME')?.valueFrom.secretKeyRef).toEqual({
        name: 'homeroom-kafka-user',
        key: 'username',
      });
      expect(env.get('KAFKA_SASL_PASSWORD')?.valueFrom.secretKeyRef).toEqual({
        name: 'homeroom-kafka-user',
        key: 'password',
      });
      const mount = container.volumeMounts.find((m: Loose) => m.mountPath === '/etc/homeroom/kafka-ca');
      const volume = spec.volumes.find((v: Loose) => v.name === mount?.name);
      expect(volume?.secret.secretName).toBe('kafka-cluster-ca');
    }
  });

  it("gives the directory the SIS's OneRoster API and schedule, and its OAuth client only from the Secret", () => {
    const objects = rendered('production-sis-sync');
    expect(schemaProblems('production-sis-sync')).toEqual([]);
    const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.endsWith('directory'));
    expect(config?.data).toMatchObject({
      ONEROSTER_SYNC_URL: 'https://sis.example.org/ims/oneroster/rostering/v1p2',
      ONEROSTER_SYNC_TOKEN_URL: 'https://sis.example.org/oauth/token',
      ONEROSTER_SYNC_INTERVAL_MINUTES: '30',
    });
    const withClient = containersOf(objects).filter(({ container }) =>
      (container.env ?? []).some((variable: Loose) => variable.name === 'ONEROSTER_SYNC_CLIENT_SECRET'),
    );
    expect(withClient.map(({ object }) => object.metadata.name)).toEqual([
      expect.stringMatching(/directory$/),
    ]);
    const env = new Map<string, Loose>(
      withClient[0]!.container.env.map((variable: Loose) => [variable.name, variable]),
    );
    expect(env.get('ONEROSTER_SYNC_CLIENT_ID')?.valueFrom.secretKeyRef).toEqual({
      name: 'homeroom-sis-client',
      key: 'ONEROSTER_SYNC_CLIENT_ID',
    });
    expect(env.get('ONEROSTER_SYNC_CLIENT_SECRET')?.valueFrom.secretKeyRef).toEqual({
      name: 'homeroom-sis-client',
      key: 'ONEROSTER_SYNC_CLIENT_SECRET',
    });
  });

  it('in evaluation, runs PostgreSQL and Kafka in the cluster and migrates in an init container', () => {
    const objects = rendered('evaluation');
    expect(objects.filter((o) => o.kind === 'StatefulSet').map((o) => o.metadata.name)).toEqual([
      'homeroom-postgresql',
      'homeroom-kafka',
    ]);
    expect(objects.filter((o) => o.kind === 'Job')).toEqual([]);
    const cases = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'homeroom-cases');
    expect(cases?.spec.template.spec.initContainers[0].command).toEqual([
      'node',
      'dist/apps/cases/migrate.js',
    ]);
  });

  it.each(Object.keys(BAD))('refuses bad input (%s) with a plain message', (name) => {
    const result = results.get(`bad-${name}`);
    expect(result?.status).toBe('error');
    expect(result?.output).toMatch(BAD[name]!.message);
  });
});
