import type { INestApplication } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Server } from 'node:http';
import { HealthRegistry } from './health-registry';

/**
 * What a service does on SIGTERM (Kubernetes deleting its pod) or SIGINT: readiness fails at once; requests
 * are still served for `delayMs`, the time the load balancer (Kubernetes' endpoints, the gateway's view of
 * the subgraph's Service) takes to stop sending them; then the HTTP server stops taking connections, the
 * in-flight requests finish, and Nest's shutdown hooks stop the rest in order (the SMTP intake, the Kafka
 * consumer and relay after their batch in hand, the database). Instead of `app.enableShutdownHooks()`.
 */
export function shutDownGracefully(
  app: INestApplication,
  {
    delayMs,
    exit = (code: number) => process.exit(code),
    signals = ['SIGTERM', 'SIGINT'],
  }: { delayMs: number; exit?: (code: number) => void; signals?: readonly NodeJS.Signals[] },
): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      app.get(HealthRegistry).drain();
      await sleep(delayMs);
      // A keep-alive connection (the gateway's pool) that falls idle after its last answer would otherwise hold
      // the close open until its keep-alive timeout.
      const server = app.getHttpServer() as Server;
      const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      try {
        await app.close();
        exit(0);
      } catch (error) {
        process.stderr.write(`shutdown failed: ${error instanceof Error ? error.stack : String(error)}\n`);
        exit(1);
      } finally {
        clearInterval(closeIdle);
      }
    })());
  for (const signal of signals) process.once(signal, () => void stop());
  return stop;
}
