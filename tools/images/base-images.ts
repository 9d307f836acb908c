/**
 * The local base images, for machines that reach no container registry (this repository's own): Debian
 * bookworm from debootstrap (Debian's mirror), and on it the Node release package.json pins, laid out as
 * the official `node:<version>-bookworm-slim` image has it. A district's build passes the official image
 * as NODE_IMAGE instead (docs/adr/0022).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '@homeroom/platform/local-stack';
import { imageExists, podman, podmanEnv, podmanVisible } from './podman';

export const DEBIAN_SUITE = 'bookworm';
export const DEBIAN_IMAGE = `localhost/homeroom-debian:${DEBIAN_SUITE}`;
/** npm in the local Node image: the release that came with this Node line when it was pinned. */
export const NPM_VERSION = '11.19.1';

/** The Node version the project runs (node_modules/.bin/node, from the `node` devDependency). */
export function pinnedNodeVersion(root: string): string {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const version = lock.packages['node_modules/node']?.version;
  if (!version) throw new Error('package-lock.json pins no `node` package');
  return version;
}

export function localNodeImage(root: string): string {
  return `localhost/homeroom-node:${pinnedNodeVersion(root)}-${DEBIAN_SUITE}`;
}

/**
 * Debian with tini (PID 1) and CA certificates, without apt's lists, documentation or translations.
 * Built once per machine (about a minute); later calls find the image.
 */
export async function ensureDebianImage(workDir: string): Promise<string> {
  if (await imageExists(DEBIAN_IMAGE)) return DEBIAN_IMAGE;
  const rootfs = join(workDir, 'debian-rootfs');
  rmSync(rootfs, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const mirror = process.env['DEBIAN_MIRROR'] ?? 'http://deb.debian.org/debian';
  process.stdout.write(`[images] debootstrap ${DEBIAN_SUITE} from ${mirror}\n`);
  await runCommand('debootstrap', [
    '--variant=minbase',
    '--include=tini,ca-certificates',
    DEBIAN_SUITE,
    rootfs,
    mirror,
  ]);
  for (const path of [
    'var/cache/apt',
    'var/lib/apt/lists',
    'usr/share/doc',
    'usr/share/man',
    'usr/share/info',
    'usr/share/locale',
  ]) {
    rmSync(join(rootfs, path), { recursive: true, force: true });
  }
  mkdirSync(join(rootfs, 'var/lib/apt/lists/partial'), { recursive: true });
  mkdirSync(join(rootfs, 'var/cache/apt/archives/partial'), { recursive: true });
  await runCommand(
    'sh',
    [
      '-c',
      `tar -C '${rootfs}' -c . | podman import --change 'ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'CMD=["/bin/bash"]' - ${DEBIAN_IMAGE}`,
    ],
    { env: podmanEnv() },
  );
  rmSync(rootfs, { recursive: true, force: true });
  return DEBIAN_IMAGE;
}

/** The stand-in for the official Node image: Debian + node_modules' Node binary + npm from the registry. */
export async function ensureNodeImage(root: string, workDir: string): Promise<string> {
  const image = localNodeImage(root);
  if (await imageExists(image)) return image;
  await ensureDebianImage(workDir);
  const context = join(workDir, 'node-base');
  rmSync(context, { recursive: true, force: true });
  mkdirSync(context, { recursive: true });
  const binary = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(binary)) throw new Error('node_modules/node/bin/node is missing: run npm ci');
  cpSync(binary, join(context, 'node'), { dereference: true });
  const { stdout } = await runCommand('npm', ['pack', `npm@${NPM_VERSION}`, '--silent'], { cwd: context });
  mkdirSync(join(context, 'npm'));
  await runCommand('tar', ['-xzf', stdout.trim(), '-C', join(context, 'npm'), '--strip-components=1'], {
    cwd: context,
  });
  await podmanVisible([
    'build',
    '--quiet',
    '--network=host',
    '-f',
    join(root, 'docker', 'images', 'node-base.Containerfile'),
    '--build-arg',
    `DEBIAN_IMAGE=${DEBIAN_IMAGE}`,
    '-t',
    image,
    context,
  ]);
  await podman(['image', 'prune', '-f']);
  rmSync(context, { recursive: true, force: true });
  return image;
}
