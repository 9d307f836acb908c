import { Client, type ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from '@homeroom/platform/observability';

export interface PostgresListenerOptions {
  /** The NOTIFY channel. */
  channel: string;
  /** Each notification's payload, in the order PostgreSQL delivered them. */
  onNotification(payload: string): void;
  /**
   * After a reconnection: notifications sent while the connection was down are lost, so whoever listens
   * looks again at everything it was waiting on.
   */
  onReconnected(): void;
  logger: Logger;
  /** The wait before the first reconnection attempt; doubled up to 30 s while they fail. */
  retryMs?: number;
}

/**
 * A LISTEN on its own connection (a pooled one would be handed to others between queries), kept open:
 * on a lost connection it reconnects with backoff and says so, so the listener can catch up.
 */
export class PostgresListener {
  private client: Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: ClientConfig,
    private readonly options: PostgresListenerOptions,
  ) {}

  /** Listens with the connection settings of a service's DataSource, under its application name. */
  static forDataSource(dataSource: DataSource, options: PostgresListenerOptions): PostgresListener {
    const settings = dataSource.options as { url?: string; applicationName?: string };
    return new PostgresListener(
      {
        connectionString: settings.url,
        application_name: `${settings.applicationName ?? 'homeroom'}-listen`,
        connectionTimeoutMillis: 5_000,
      },
      options,
    );
  }

  /** Resolves once listening; rejects when the first connection fails (a service then fails to start). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    client.on('notification', (message) => {
      if (message.channel === this.options.channel) this.options.onNotification(message.payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    await client.connect();
    // The channel is an identifier chosen in code, never input: quoted all the same.
    await client.query(`LISTEN "${this.options.channel.replace(/"/g, '""')}"`);
    this.client = client;
  }

  private lost(client: Client, error: Error, retryMs = this.options.retryMs ?? 500): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.options.logger.warn({ err: error, channel: this.options.channel }, 'LISTEN connection lost');
    this.reconnectAfter(retryMs);
  }

  private reconnectAfter(retryMs: number): void {
    this.retry = setTimeout(() => {
      if (this.stopped) return;
      this.connect().then(
        () => {
          this.options.logger.info({ channel: this.options.channel }, 'LISTEN connection restored');
          this.options.onReconnected();
        },
        () => this.reconnectAfter(Math.min(retryMs * 2, 30_000)),
      );
    }, retryMs);
    this.retry.unref();
  }
}
