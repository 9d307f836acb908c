/**
 * What a browser downloads (gzip) before a page can run: the staff app's inbox and the families' contact
 * page, from a production build's esbuild metafile (`ng build --stats-json`): the entry, its static
 * imports, the route's lazy chunk and its static imports, and the global stylesheet.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import type { BenchmarkReport } from './report';

interface Metafile {
  outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string }[]; bytes: number }>;
}

export function portalBundleBenchmark(): BenchmarkReport {
  const root = workspaceRoot();
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/@angular/cli/bin/ng.js'), 'build', '--stats-json'],
    {
      cwd: join(root, 'apps/portal'),
      env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
      stdio: 'ignore',
    },
  );
  const dist = join(root, 'dist/apps/portal');
  const { outputs } = JSON.parse(readFileSync(join(dist, 'browser-stats.json'), 'utf8')) as Metafile;
  const chunkOf = (entry: string) => {
    const found = Object.entries(outputs).find(([, output]) => output.entryPoint?.endsWith(entry));
    if (!found) throw new Error(`no chunk for ${entry}`);
    return found[0];
  };
  /** A chunk and everything it imports statically: what must arrive before it runs. */
  const closure = (chunk: string, into = new Set<string>()) => {
    if (into.has(chunk)) return into;
    into.add(chunk);
    for (const imported of outputs[chunk]?.imports ?? [])
      if (imported.kind === 'import-statement') closure(imported.path, into);
    return into;
  };
  const gzipped = (files: Iterable<string>) =>
    [...files].reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(dist, 'browser', file)), { level: 9 }).length,
      0,
    );
  const raw = (files: Iterable<string>) =>
    [...files].reduce((sum, file) => sum + (outputs[file]?.bytes ?? 0), 0);
  // The global stylesheet only: components' styles are in their chunks (the metafile lists them apart).
  const styles = Object.keys(outputs).filter((file) => /^styles-[^/]*\.css$/.test(file));
  const initial = closure(chunkOf('src/main.ts'));
  /** A route's page: the shell, the lazy chunks of its components (a layout and the page), the styles. */
  const page = (...components: string[]) => {
    const files = new Set([
      ...initial,
      ...components.flatMap((component) => [...closure(chunkOf(component))]),
      ...styles,
    ]);
    return { files, gzip: gzipped(files), raw: raw(files) };
  };
  const inbox = page('inbox-page.component.ts');
  const contact = page('inquiry-page.component.ts');
  const dashboard = page('dashboard-page.component.ts');
  const routing = page('admin-shell.component.ts', 'routing-rules-page.component.ts');
  const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return {
    name: 'portal-bundles',
    description:
      'What the browser downloads before each page can run (production build, gzip level 9): the application shell, the route’s lazy chunk and everything both import statically, and the stylesheet.',
    command: 'npm run bench -- portal-bundles',
    rows: [
      {
        variant: 'application shell (main + its static imports)',
        'gzip KiB': kib(gzipped(initial)),
        'raw KiB': kib(raw(initial)),
      },
      { variant: 'staff app: the inbox', 'gzip KiB': kib(inbox.gzip), 'raw KiB': kib(inbox.raw) },
      { variant: 'staff app: the dashboard', 'gzip KiB': kib(dashboard.gzip), 'raw KiB': kib(dashboard.raw) },
      {
        variant: 'administration: routing rules (with the admin shell)',
        'gzip KiB': kib(routing.gzip),
        'raw KiB': kib(routing.raw),
      },
      {
        variant: 'public pages: the contact form',
        'gzip KiB': kib(contact.gzip),
        'raw KiB': kib(contact.raw),
      },
    ],
    ratios: { 'contact page / inbox (gzip)': contact.gzip / inbox.gzip },
    notes: [
      'The shell holds Angular, the router and the Apollo client, which every page needs; each page adds only its own chunk. The public pages never load the staff workspace and the reverse.',
    ],
  };
}
