/**
 * Podman as this repository runs it (no Docker engine on its machines): the settings in this folder
 * (runc, the project's own overlay store, no default ulimits), installed from Debian's packages when missing and we are root,
 * as the browser tests' Chromium is.
 */
import { execFileSync, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
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

export interface PodmanService {
  /** For DOCKER_HOST: `unix:///…/podman.sock`. */
  dockerHost: string;
  stop(): Promise<void>;
}

/**
 * podman's Docker-compatible API on a socket of our own (`podman system service`), with this folder's
 * settings, so Docker clients such as testcontainers run containers here. Stops when asked.
 */
export async function startPodmanService(socketPath: string): Promise<PodmanService> {
  const service = spawn('podman', ['system', 'service', '--time=0', `unix://${socketPath}`], {
    env: podmanEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  service.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2_000)));
  const exited = new Promise<void>((resolve) => service.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (service.exitCode !== null) throw new Error(`podman system service exited: ${errors}`);
    if (await answers(socketPath)) break;
    if (Date.now() > deadline) {
      service.kill('SIGKILL');
      throw new Error(`podman system service did not answer on ${socketPath} in 30 s: ${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    dockerHost: `unix://${socketPath}`,
    async stop() {
      if (service.exitCode === null) service.kill('SIGTERM');
      await exited;
    },
  };
}

/** Whether the Docker API's ping answers on the socket. */
function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = httpRequest({ socketPath, path: '/_ping', timeout: 1_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.once('error', () => resolve(false));
    request.once('timeout', () => request.destroy());
    request.end();
  });
}
