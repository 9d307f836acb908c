import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The compose file must satisfy the apps' own configuration schemas: the test reads them where they live.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadCasesConfig } from '../../apps/cases/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadDirectoryConfig } from '../../apps/directory/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadGatewayConfig } from '../../apps/gateway/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadSlasConfig } from '../../apps/slas/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadSurveysConfig } from '../../apps/surveys/src/config';
import {
  ComposeVariableError,
  SINGLE_VM_DIR,
  exampleVariables,
  interpolate,
  loadComposeFile,
  type ComposeService,
} from './compose-file';

const LOADERS: Record<string, (environment: Record<string, string>) => unknown> = {
  gateway: loadGatewayConfig,
  directory: loadDirectoryConfig,
  cases: loadCasesConfig,
  slas: loadSlasConfig,
  surveys: loadSurveysConfig,
};
const SERVICES = ['directory', 'cases', 'slas', 'surveys'];
const APPS = ['gateway', ...SERVICES, 'portal'];

/** The example with what a district fills in: its keys (openssl rand -hex 32) and its registry. */
function filledIn(): Record<string, string> {
  const variables = exampleVariables();
  for (const key of [
    'GATEWAY_TRUST_SECRET',
    'OIDC_COOKIE_KEYS',
    'ATTACHMENT_URL_SECRET',
    'POSTGRES_PASSWORD',
  ]) {
    variables[key] = randomBytes(32).toString('hex');
  }
  return variables;
}

describe('the single-VM compose file', () => {
  const compose = loadComposeFile(filledIn());
  const app = (name: string) => compose.services[name] as ComposeService;

  it('stops, naming each one, while the example keys are still empty', () => {
    expect(() => loadComposeFile(exampleVariables())).toThrow(ComposeVariableError);
    expect(() => loadComposeFile(exampleVariables())).toThrow(
      /GATEWAY_TRUST_SECRET[\s\S]*POSTGRES_PASSWORD[\s\S]*OIDC_COOKIE_KEYS[\s\S]*ATTACHMENT_URL_SECRET/,
    );
  });

  it.each(Object.keys(LOADERS))('gives %s an environment its production configuration accepts', (name) => {
    const environment = app(name).environment ?? {};
    expect(environment['NODE_ENV']).toBe('production');
    expect(() => LOADERS[name]?.(environment)).not.toThrow();
  });

  it('gives the portal its public API origin, and the gateway subgraph URLs on the services’ ports', () => {
    expect(app('portal').environment?.['GATEWAY_PUBLIC_URL']).toBe('https://help.district.example');
    const gateway = app('gateway').environment ?? {};
    for (const service of SERVICES) {
      const port = app(service).environment?.['PORT'];
      expect(gateway[`${service.toUpperCase()}_SUBGRAPH_URL`]).toBe(`http://${service}:${port}/graphql`);
    }
  });

  it('migrates each service before serving it, with its own build', () => {
    for (const service of SERVICES) {
      expect(app(service).command?.join(' ')).toBe(
        `sh -c node dist/apps/${service}/migrate.js && exec node dist/apps/${service}/main.js`,
      );
      expect(app(service).depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        kafka: { condition: 'service_healthy' },
      });
    }
  });

  it('runs every app as non-root on a read-only filesystem without capabilities, with a health check and a memory cap', () => {
    for (const name of APPS) {
      const service = app(name);
      expect({
        name,
        image: /:(?!latest$)[\w.-]+$/.test(service.image),
        user: service.user,
        readOnly: service.read_only,
        capDrop: service.cap_drop,
        noNewPrivileges: service.security_opt,
        health: service.healthcheck?.test.join(' ').includes('/health/ready'),
        memory: /^\d+[mg]$/.test(service.mem_limit ?? ''),
        restart: service.restart,
      }).toEqual({
        name,
        image: true,
        user: '10001:10001',
        readOnly: true,
        capDrop: ['ALL'],
        noNewPrivileges: ['no-new-privileges:true'],
        health: true,
        memory: true,
        restart: 'unless-stopped',
      });
    }
  });

  it('publishes only the proxy’s web ports and the SMTP intake', () => {
    const published = Object.entries(compose.services).flatMap(([name, service]) =>
      (service.ports ?? []).map((port) => `${name} ${port}`),
    );
    expect(published.sort()).toEqual(['cases 25:2525', 'proxy 443:443', 'proxy 80:80']);
    expect(app('cases').environment?.['SMTP_INTAKE_PORT']).toBe('2525');
  });

  it('routes the gateway’s paths and the portal’s sign-in callback as the chart’s Ingress does', () => {
    const caddyfile = readFileSync(join(SINGLE_VM_DIR, 'Caddyfile'), 'utf8');
    expect(caddyfile).toMatch(
      /@portalCallback path \/auth\/callback\n\s*handle @portalCallback \{\n\s*reverse_proxy portal:4200/,
    );
    expect(caddyfile).toMatch(
      /@gateway path \/graphql \/graphql\/\* \/auth \/auth\/\* \/attachments \/attachments\/\*\n\s*handle @gateway \{\n\s*reverse_proxy gateway:4000/,
    );
    // Caddy's handle blocks are mutually exclusive and tried most specific first: the callback wins over /auth/*.
  });
});

describe('the single-VM compose file, portably', () => {
  it('gives no empty default (${VAR:-}), which podman-compose 1.0 leaves as literal text', () => {
    const text = readFileSync(join(SINGLE_VM_DIR, 'compose.yaml'), 'utf8');
    expect(text.match(/\$\{\w+:?-\}/g) ?? []).toEqual([]);
  });
});

describe('Compose variable interpolation', () => {
  it('follows the Compose specification for defaults, required values and $$', () => {
    const variables = { SET: 'value', EMPTY: '' };
    expect(
      interpolate('${SET} ${EMPTY:-fallback} ${EMPTY-kept} ${UNSET-fallback} $$HOME $SET', variables),
    ).toBe('value fallback  fallback $HOME value');
    expect(() => interpolate('${EMPTY:?set EMPTY}', variables)).toThrow(/EMPTY: set EMPTY/);
    expect(interpolate('${EMPTY?set EMPTY}', variables)).toBe('');
    expect(() => interpolate('${UNSET?needed}', variables)).toThrow(/UNSET: needed/);
  });
});
