import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP_NONCE_PLACEHOLDER } from './portal-csp';
import { PORTAL_DIST, servePortal } from './serve-portal';

/** The portal server on a build of two files: what every response says to the browser about content. */
describe("the portal server's content security policy", () => {
  let root: string;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'portal-csp-'));
    const dist = join(root, PORTAL_DIST);
    mkdirSync(dist, { recursive: true });
    writeFileSync(
      join(dist, 'index.html'),
      `<!doctype html><html><body><hr-root ngCspNonce="${CSP_NONCE_PLACEHOLDER}"></hr-root>` +
        '<script src="main-ABCDEFGH.js" type="module"></script></body></html>',
    );
    writeFileSync(join(dist, 'main-ABCDEFGH.js'), 'export {};\n');
    server = await servePortal({ root, port: 0, apiOrigin: 'http://127.0.0.1:4999' });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  const nonceOf = (policy: string | null) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? '')?.[1];

  it('sends a strict policy with a fresh nonce on each page, and the same nonce in the page for Angular', async () => {
    const first = await fetch(`${origin}/inbox`);
    const policy = first.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:4999");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe/);
    const nonce = nonceOf(policy);
    expect(nonce).toBeDefined();
    const html = await first.text();
    expect(html).toContain(`<hr-root ngCspNonce="${nonce}">`);
    expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);

    const second = await fetch(`${origin}/index.html`);
    const again = nonceOf(second.headers.get('content-security-policy'));
    expect(again).toBeDefined();
    expect(again).not.toBe(nonce);
    expect(await second.text()).toContain(`ngCspNonce="${again}"`);
  });

  it('sends it with every other answer too: bundles, the configuration, refusals', async () => {
    for (const response of [
      await fetch(`${origin}/main-ABCDEFGH.js`),
      await fetch(`${origin}/config.json`),
      await fetch(`${origin}/inbox`, { method: 'POST' }),
    ]) {
      expect(response.headers.get('content-security-policy')).toMatch(
        /^default-src 'self'; script-src 'self';/,
      );
      await response.arrayBuffer();
    }
  });
});
