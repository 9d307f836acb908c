/**
 * Serves the built portal (dist/apps/portal/browser) as a district's web server would: static files with
 * long caching for hashed bundles, index.html for every client-side route, `/config.json` naming the
 * gateway (GATEWAY_PUBLIC_URL), a strict Content-Security-Policy (portal-csp.ts) with a fresh nonce in each
 * response and its index.html, and a readiness probe. `--build` builds it first (`nx run portal:build`).
 * PORT (4200) and HOST (0.0.0.0) as every app. GET and HEAD only (405 otherwise); a URL that is not one
 * (malformed percent-encoding, a NUL byte) is 400, and nothing a client sends ends the process.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { newCspNonce, portalContentSecurityPolicy, withCspNonce } from './portal-csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export const PORTAL_DIST = join('dist', 'apps', 'portal', 'browser');

/**
 * The portal's production build through Nx (`nx run portal:build`), whose cache then serves the images'
 * `nx run-many -t build` the same sources later in a run (about a minute of `ng build` on two cores).
 */
export function buildPortal(root: string): void {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), 'run', 'portal:build', '--outputStyle=static'],
    {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NG_CLI_ANALYTICS: 'false' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

export function servePortal({
  root,
  port,
  host = '127.0.0.1',
  apiOrigin,
}: {
  /** The folder holding dist/ (the workspace, or /app in the image). */
  root: string;
  port: number;
  host?: string;
  apiOrigin: string;
}): Promise<Server> {
  const dist = join(root, PORTAL_DIST);
  const index = join(dist, 'index.html');
  if (!existsSync(index)) throw new Error(`${PORTAL_DIST} is missing: build the portal first`);
  const contentSecurityPolicy = portalContentSecurityPolicy(apiOrigin);
  const server = createServer((request, response) => {
    const nonce = newCspNonce();
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Method not allowed\n');
      return;
    }
    const path = decodedPath(request.url);
    if (path === undefined) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request\n');
      return;
    }
    if (path === '/health/live' || path === '/health/ready') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (path === '/config.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ apiOrigin }));
      return;
    }
    const file = normalize(join(dist, path));
    const isAsset = file.startsWith(dist) && existsSync(file) && statSync(file).isFile();
    const served = isAsset ? file : index;
    response.writeHead(200, {
      'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
      // Bundles are content-hashed: cache them for good; index.html must always be fresh.
      'cache-control':
        isAsset && /-[A-Za-z0-9_]{8,}\.(js|css)$/.test(served)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
    });
    // A file that vanished or cannot be read after the check ends this response, never the server.
    if (served === index) {
      // Read for each response (a new build shows at once), with this response's nonce for Angular's styles.
      readFile(index, 'utf8').then(
        (html) => response.end(withCspNonce(html, nonce)),
        () => response.destroy(),
      );
      return;
    }
    createReadStream(served)
      .on('error', () => response.destroy())
      .pipe(response);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

/**
 * The request's path, percent-decoded; undefined when the URL is not one the portal can have made:
 * malformed percent-encoding in its path or query (`/%E0%A4%A`, on which `decodeURIComponent` throws, and
 * which the portal's router could not read either) or a NUL byte, which no file or route has.
 */
function decodedPath(url: string | undefined): string | undefined {
  let path: string;
  try {
    const { pathname, search } = new URL(url ?? '/', 'http://portal');
    path = decodeURIComponent(pathname);
    decodeURIComponent(search);
  } catch {
    return undefined;
  }
  return path.includes('\0') ? undefined : path;
}

if (require.main === module) {
  if (process.argv.includes('--build')) buildPortal(process.cwd());
  const port = Number(process.env['PORT'] ?? 4200);
  const apiOrigin = process.env['GATEWAY_PUBLIC_URL'];
  // In production (the image) the gateway's public URL must be named: a default would send browsers to
  // a development address.
  if (!apiOrigin && process.env['NODE_ENV'] === 'production') {
    process.stderr.write("GATEWAY_PUBLIC_URL must be set (the gateway's public URL, https://…)\n");
    process.exit(1);
  }
  void servePortal({
    // The image and `nx run portal:serve` both run from the folder holding dist/.
    root: process.cwd(),
    port,
    host: process.env['HOST'] ?? '0.0.0.0',
    apiOrigin: apiOrigin ?? 'http://localhost:4000',
  }).then((server) => {
    process.stdout.write(`portal on http://localhost:${port}\n`);
    // Kubernetes sends SIGTERM before it removes the pod: finish what is in flight, then exit.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        server.close(() => process.exit(0));
        server.closeIdleConnections();
        setTimeout(() => process.exit(0), 10_000).unref();
      });
    }
  });
}
