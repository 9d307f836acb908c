import { spawn, type ChildProcess } from 'node:child_process';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { freePort, waitUntil } from '@homeroom/platform/testing';

/**
 * A service's real deployable (`apps/<app>/src/main.ts`) in its own process, as production runs it, ready
 * when its readiness probe says so; `port` is where it listens. `BENCH_REPLICA_LOGS=1` shows its output.
 * `compiled`: the production build's `dist/apps/<app>/main.js` instead (`npm run build` first), run by
 * plain `node`. `nodeArgs`: Node options for it (a CPU profile's, childProfileArgs).
 */
export async function startDeployable(
  app: string,
  env: Record<string, string>,
  name = app,
  { compiled = false, nodeArgs = [] }: { compiled?: boolean; nodeArgs?: readonly string[] } = {},
): Promise<ChildProcess & { port: number }> {
  const port = await freePort();
  const args = [
    ...nodeArgs,
    ...(compiled ? [`dist/apps/${app}/main.js`] : ['-r', '@swc-node/register', `apps/${app}/src/main.ts`]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: workspaceRoot(),
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', process.env['BENCH_REPLICA_LOGS'] ? 'inherit' : 'ignore', 'inherit'],
  });
  await waitUntil(
    `${name} ready`,
    async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.ok === true,
    { timeoutMs: 120_000, intervalMs: 250 },
  );
  return Object.assign(child, { port });
}

export function stopDeployable(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
