import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { LocalStack, workspaceRoot } from '@homeroom/platform/local-stack';

/**
 * `npm start` as a person uses it: it comes up, says where everything is, and Ctrl-C (SIGINT to its
 * process group, as a terminal sends it) ends it and everything it started, leaving alone what it found
 * running (here, the test stack).
 */
describe('npm start', () => {
  it('comes up, prints where everything is, and stops cleanly on Ctrl-C', async () => {
    const root = workspaceRoot();
    const launcher = spawn(process.execPath, [join(root, 'tools', 'dev', 'start.mjs')], {
      cwd: root,
      detached: true,
      env: { ...process.env, DATABASE_URL: '', KAFKA_BROKERS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));

    let running = true;
    void exited.then(() => (running = false));
    try {
      await waitFor(
        () => output.includes('Press Ctrl-C to stop everything.'),
        240_000, // four services migrate, seed and start on two cores
        () => output,
      );
      expect(output).toMatch(/PostgreSQL\s+postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:54329\/postgres/);
      expect(output).toMatch(/Kafka\s+127\.0\.0\.1:9092/);
      // The gateway is the one origin: its readiness means every service answers behind it.
      expect(output).toMatch(/gateway\s+http:\/\/localhost:4000\/graphql/);
      const ready = await fetch('http://127.0.0.1:4000/health/ready').catch((error: Error) => {
        // A gateway gone right after npm start said it was ready: say what npm start printed meanwhile.
        throw new Error(`${error.message} (${String(error.cause)}); npm start printed:\n${output}`);
      });
      expect(ready.status).toBe(200);
      const discovery = await fetch('http://127.0.0.1:4000/auth/.well-known/openid-configuration');
      expect(((await discovery.json()) as { issuer: string }).issuer).toBe('http://localhost:4000/auth');
      // The portal is built and served, pointed at the gateway.
      const portalConfig = await fetch('http://127.0.0.1:4200/config.json');
      expect(await portalConfig.json()).toEqual({ apiOrigin: 'http://localhost:4000' });
      expect(await (await fetch('http://127.0.0.1:4200/contact')).text()).toContain('<hr-root ');
    } finally {
      // Whatever failed above, Ctrl-C what npm start started, or it would outlive the test run.
      if (running) process.kill(-launcher.pid!, 'SIGINT');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('stopped everything npm start started');
    // The stack was already up (the test run started it), so npm start left it running.
    const status = await new LocalStack().status();
    expect(status.every((component) => component.running)).toBe(true);
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
