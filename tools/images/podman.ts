/**
 * Podman as this repository runs it (no Docker engine on its machines): the settings in this folder
 * (runc, vfs storage, no default ulimits), installed from Debian's packages when missing and we are root,
 * as the browser tests' Chromium is.
 */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { runCommand, type CommandResult } from '@homeroom/platform/local-stack';

const HERE = __dirname;

/** The environment every podman and buildah command gets. */
export function podmanEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...env,
    CONTAINERS_CONF: env['CONTAINERS_CONF'] ?? join(HERE, 'containers.conf'),
    CONTAINERS_STORAGE_CONF: env['CONTAINERS_STORAGE_CONF'] ?? join(HERE, 'storage.conf'),
  };
}

/** Runs podman to completion and returns its output; rejects with its error output when it fails. */
export function podman(args: string[], options: { cwd?: string } = {}): Promise<CommandResult> {
  return runCommand('podman', args, { ...options, env: podmanEnv() });
}

/** Runs podman with its output on ours (long builds show their progress). */
export function podmanVisible(args: string[], options: { cwd?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('podman', args, {
      ...options,
      env: podmanEnv(),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`podman ${args.slice(0, 2).join(' ')} exited with ${code}`)),
    );
  });
}

export async function imageExists(reference: string): Promise<boolean> {
  try {
    await podman(['image', 'exists', reference]);
    return true;
  } catch {
    return false;
  }
}

function installed(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** podman, runc and debootstrap (the local base image), installed with apt when missing and allowed. */
export async function ensurePodman(): Promise<void> {
  const needed = ['podman', 'runc', 'debootstrap'].filter((command) => !installed(command));
  if (needed.length === 0) return;
  if (process.getuid?.() !== 0 || !installed('apt-get')) {
    throw new Error(`${needed.join(', ')} missing: install podman, runc and debootstrap (Debian packages)`);
  }
  process.stdout.write(`[images] installing ${needed.join(', ')} (apt)\n`);
  await runCommand('sh', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah runc debootstrap uidmap',
  ]);
}
