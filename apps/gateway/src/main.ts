import { createMetricsRegistry, createLogger } from '@homeroom/platform/observability';
import { createGateway, listen } from '@homeroom/gateway/server';
import { loadGatewayConfig } from './config';
import { gatewaySettings } from './gateway-settings';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const gateway = await createGateway(
    gatewaySettings(config, { logger, registry: createMetricsRegistry('gateway') }),
  );
  const server = await listen(gateway.app, config.PORT, config.HOST);
  process.stdout.write(`gateway on http://localhost:${config.PORT}/graphql (sign-in at /auth)\n`);

  // Readiness fails at once; new requests are still served until the load balancer has seen that;
  // then the server closes and in-flight requests finish.
  const stop = () => {
    gateway.drain();
    setTimeout(() => {
      server.close();
      server.closeIdleConnections();
      void gateway.stop().finally(() => process.exit(0));
    }, config.SHUTDOWN_DELAY_MS);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
