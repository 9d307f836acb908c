import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@homeroom/platform/local-stack';

/** A relay in its own process (see relay-child.ts), with a count of the batches Kafka acknowledged. */
export class RelayProcess {
  sentBatches = 0;
  private readonly child: ChildProcess;
  private readonly exited: Promise<NodeJS.Signals | number | null>;
  private readonly listeners: (() => void)[] = [];

  constructor(env: Record<string, string>) {
    const root = workspaceRoot();
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'relay-child.ts')], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '--disable-warning=TimeoutNegativeWarning', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      this.sentBatches += (chunk.match(/^SENT /gm) ?? []).length;
      this.listeners.forEach((listener) => listener());
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve(signal ?? code)),
    );
  }

  /** Resolves once Kafka has acknowledged `count` batches from this process. */
  afterSentBatches(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.sentBatches >= count) resolve();
      };
      this.listeners.push(check);
      check();
    });
  }

  async kill(): Promise<NodeJS.Signals | number | null> {
    this.child.kill('SIGKILL');
    return this.exited;
  }

  async stop(): Promise<NodeJS.Signals | number | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }
}
