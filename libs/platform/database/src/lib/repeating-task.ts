import type { Logger } from '@homeroom/platform/observability';

/**
 * Runs a background sweep (SLA deadlines, survey reminders) `intervalMs` after the previous run ended, until
 * stopped. A failed run is logged and the next one comes as usual; `stop` waits for a run in progress, so
 * a shutting-down service never leaves a transaction half-way.
 */
export class RepeatingTask {
  private handle: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly run: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  start(): void {
    if (this.stopped) return;
    this.handle = setTimeout(() => {
      this.current = this.run()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error({ err: error }, `${this.name} failed`))
        .finally(() => this.start());
    }, this.intervalMs);
    this.handle.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle) clearTimeout(this.handle);
    await this.current;
  }
}
