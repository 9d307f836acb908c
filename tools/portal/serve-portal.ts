/**
 * Serves the built portal (dist/apps/portal/browser) as a district's web server would: static files with
 * long caching for hashed bundles, index.html for every client-side route, `/config.json` naming the
 * gateway (GATEWAY_PUBLIC_URL), and a readiness probe. `--build` builds it first (`nx run portal:build`).
 * PORT (4200) and HOST (0.0.0.0) as every app.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { workspaceRoot } from '@homeroom/platform/local-stack';

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

export function buildPortal(root = workspaceRoot()): void {
  execFileSync(process.execPath, [join(root, 'node_modules', '@angular', 'cli', 'bin', 'ng.js'), 'build'], {
    cwd: join(root, 'apps', 'portal'),
    env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export function servePortal({
  root = workspaceRoot(),
  port,
  host = '127.0.0.1',
  apiOrigin,
}: {
  root?: string;
  port: number;
  host?: string;
  apiOrigin: string;
}): Promise<Server> {
  const dist = join(root, PORTAL_DIST);
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${PORTAL_DIST} is missing: build the portal first`);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://portal').pathname);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
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
    const served = isAsset ? file : join(dist, 'index.html');
    response.writeHead(200, {
      'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
      // Bundles are content-hashed: cache them for good; index.html must always be fresh.
      'cache-control':
        isAsset && /-[A-Za-z0-9_]{8,}\.(js|css)$/.test(served)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
    });
    createReadStream(served).pipe(response);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (require.main === module) {
  if (process.argv.includes('--build')) buildPortal();
  const port = Number(process.env['PORT'] ?? 4200);
  void servePortal({
    port,
    host: process.env['HOST'] ?? '0.0.0.0',
    apiOrigin: process.env['GATEWAY_PUBLIC_URL'] ?? 'http://localhost:4000',
  }).then(() => process.stdout.write(`portal on http://localhost:${port}\n`));
}
