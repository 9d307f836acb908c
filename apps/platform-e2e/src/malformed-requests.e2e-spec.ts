import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { freePort, waitUntil } from '@homeroom/platform/testing';
// The portal's own server, as tools/portal serves it for npm start.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PORTAL_DIST } from '../../../tools/portal/serve-portal';
import { sendRaw, type RawRequest } from './support/raw-http';
import { startPlatform, type RunningPlatform } from './support/running-platform';

/** Past Node's 16 KiB limit on a request's head. */
const HUGE = 'a'.repeat(20_000);
/** UTF-8 that is not: a lone continuation byte and two bytes no UTF-8 text contains. */
const NOT_UTF8 = Buffer.from([0x80, 0xfe, 0xff]);

interface Probe {
  name: string;
  request: RawRequest;
}

/** Garbage in the request target and head, under a path prefix. */
function targetGarbage(prefix: string): Probe[] {
  return [
    { name: 'truncated percent-encoding', request: { target: `${prefix}/%E0%A4%A` } },
    { name: 'a lone %', request: { target: `${prefix}/%` } },
    { name: 'percent-encoded NUL', request: { target: `${prefix}/%00` } },
    { name: 'percent-encoded invalid UTF-8', request: { target: `${prefix}/%C0%AF%FF` } },
    { name: 'raw invalid UTF-8', request: { target: Buffer.concat([Buffer.from(`${prefix}/`), NOT_UTF8]) } },
    { name: 'raw NUL', request: { target: `${prefix}/a\0b` } },
    {
      name: 'malformed query string',
      request: { target: `${prefix || '/'}?query=%E0%A4%A&variables=%&%zz=1` },
    },
    { name: 'huge target', request: { target: `${prefix}/${HUGE}` } },
    { name: 'huge header', request: { target: `${prefix}/`, headers: [`X-Fuzz: ${HUGE}`] } },
    { name: 'NUL in a header', request: { target: `${prefix}/`, headers: ['X-Fuzz: a\0b'] } },
  ];
}

/** Garbage in a POST body where the route reads one. */
function bodyGarbage(target: string, contentType = 'application/json'): Probe[] {
  const post = (body: string | Buffer, headers = [`Content-Type: ${contentType}`]): RawRequest => ({
    method: 'POST',
    target,
    headers,
    body,
  });
  return [
    { name: 'truncated JSON', request: post('{"query":') },
    { name: 'JSON that is not an object', request: post('"{ __typename }"') },
    {
      name: 'invalid UTF-8 in JSON',
      request: post(Buffer.concat([Buffer.from('{"query":"'), NOT_UTF8, Buffer.from('"}')])),
    },
    { name: 'raw NUL in JSON', request: post('{"query":"{ \0 }"}') },
    { name: 'escaped NUL in JSON', request: post('{"query":"{ \\u0000 }"}') },
    { name: 'XML', request: post('<query>{ __typename }</query>', ['Content-Type: application/xml']) },
    { name: 'no content type', request: post('{"query":"{ __typename }"}', []) },
    { name: 'unknown charset', request: post('{}', [`Content-Type: ${contentType}; charset=klingon`]) },
    {
      name: 'unknown content encoding',
      request: post('{}', [`Content-Type: ${contentType}`, 'Content-Encoding: zz']),
    },
    {
      name: 'form with malformed percent-encoding',
      request: post('grant_type=%E0%A4%A&code=%', ['Content-Type: application/x-www-form-urlencoded']),
    },
  ];
}

/**
 * Client garbage at every server a browser or vendor can reach (the gateway's GraphQL, sign-in,
 * downloads and health; a subgraph; the directory's OpenID issuer; the portal's server): each answers
 * with a 4xx, never a 5xx, and stays up (a good request right after still succeeds).
 */
describe('malformed requests', () => {
  let platform: RunningPlatform;
  let portal: { origin: string; child: ChildProcess; stop(): Promise<void> };

  beforeAll(async () => {
    // Every server on loopback only: the garbage goes nowhere else.
    const loopback = { HOST: '127.0.0.1' };
    [platform, portal] = await Promise.all([
      startPlatform({
        serviceOverrides: { directory: loopback, cases: loopback, slas: loopback, surveys: loopback },
      }),
      startPortalServer(),
    ]);
  }, 420_000);

  afterAll(async () => {
    await portal?.stop();
    await platform?.stop();
  }, 60_000);

  const direct = (service: 'directory' | 'cases') => new URL(platform.subgraphUrls[service]).origin;
  const targets = (): {
    name: string;
    origin: string;
    probes: Probe[];
    stillServes(): Promise<Response>;
  }[] => [
    {
      name: 'the gateway: /graphql',
      origin: platform.origin,
      probes: [...targetGarbage('/graphql'), ...bodyGarbage('/graphql')],
      stillServes: () =>
        fetch(`${platform.origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        }),
    },
    {
      name: 'the gateway: /auth',
      origin: platform.origin,
      probes: [
        ...targetGarbage('/auth'),
        ...targetGarbage('/auth/interaction'),
        ...bodyGarbage('/auth/token', 'application/x-www-form-urlencoded'),
        ...bodyGarbage('/auth/interaction/unknown/login', 'application/x-www-form-urlencoded'),
      ],
      stillServes: () => fetch(`${platform.issuer}/.well-known/openid-configuration`),
    },
    {
      name: 'the gateway: /attachments',
      origin: platform.origin,
      probes: targetGarbage('/attachments'),
      // Ready only when every service behind it answers, the cases service serving downloads among them.
      stillServes: () => fetch(`${platform.origin}/health/ready`),
    },
    {
      name: 'the gateway: health',
      origin: platform.origin,
      probes: [...targetGarbage('/health'), ...bodyGarbage('/health/live')],
      stillServes: () => fetch(`${platform.origin}/health/ready`),
    },
    {
      name: 'a subgraph (cases), its GraphQL and downloads',
      origin: direct('cases'),
      probes: [...targetGarbage('/graphql'), ...bodyGarbage('/graphql'), ...targetGarbage('/attachments')],
      stillServes: () => fetch(`${direct('cases')}/health/ready`),
    },
    {
      name: "the directory's OpenID issuer",
      origin: direct('directory'),
      probes: [
        ...targetGarbage('/auth'),
        ...targetGarbage('/auth/interaction'),
        ...bodyGarbage('/auth/token', 'application/x-www-form-urlencoded'),
        ...bodyGarbage('/auth/interaction/unknown/login', 'application/x-www-form-urlencoded'),
      ],
      stillServes: () => fetch(`${direct('directory')}/auth/.well-known/openid-configuration`),
    },
    {
      name: "the portal's server",
      origin: portal.origin,
      probes: [...targetGarbage(''), ...bodyGarbage('/')],
      stillServes: () => fetch(`${portal.origin}/health/live`),
    },
  ];

  it('answers client garbage with a 4xx and keeps serving, at every server', async () => {
    const wrong: string[] = [];
    for (const target of targets()) {
      for (const probe of target.probes) {
        const status = await sendRaw(target.origin, probe.request).catch(() => -1);
        if (status < 400 || status > 499)
          wrong.push(`${target.name}: ${probe.name} → ${status || 'no answer'}`);
      }
      const after = await target.stillServes().catch((error: unknown) => ({ status: String(error) }));
      if (after.status !== 200) wrong.push(`${target.name}: a good request afterwards → ${after.status}`);
    }
    expect(wrong).toEqual([]);
    expect(portal.child.exitCode).toBeNull();
  }, 60_000);
});

/**
 * The portal's server in a process of its own, as `npm start` runs it, serving a stand-in build (the
 * server is under test, not the Angular bundle, which takes minutes to build).
 */
async function startPortalServer(): Promise<{ origin: string; child: ChildProcess; stop(): Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'homeroom-portal-'));
  mkdirSync(join(root, PORTAL_DIST), { recursive: true });
  writeFileSync(join(root, PORTAL_DIST, 'index.html'), '<!doctype html><title>Homeroom</title>');
  const port = await freePort();
  const options = { root, port, host: '127.0.0.1', apiOrigin: 'http://127.0.0.1:4000' };
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      '-e',
      `require('./tools/portal/serve-portal.ts').servePortal(${JSON.stringify(options)})`,
    ],
    { cwd: workspaceRoot(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logDir = join(workspaceRoot(), 'tmp', 'e2e-logs');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, 'portal-server.log'), { flags: 'a' });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const origin = `http://127.0.0.1:${port}`;
  await waitUntil(
    "the portal's server",
    async () => {
      try {
        return (await fetch(`${origin}/health/live`)).ok;
      } catch {
        return false;
      }
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  return {
    origin,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        rmSync(root, { recursive: true, force: true });
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
