import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { shutDownGracefully } from '@homeroom/platform/observability';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mountSignIn } from '@homeroom/directory/feature-auth';
import { loadDirectoryConfig } from './config';
import { DirectoryAppModule } from './directory-app.module';

async function main(): Promise<void> {
  const config = loadDirectoryConfig();
  const app = await NestFactory.create<NestExpressApplication>(DirectoryAppModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  // A OneRoster set through importOneRoster can be several megabytes of CSV text.
  app.useBodyParser('json', { limit: '25mb' });
  app.disable('x-powered-by');
  mountSignIn(app);
  shutDownGracefully(app, { delayMs: config.SHUTDOWN_DELAY_MS });
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`directory subgraph on http://localhost:${config.PORT}/graphql\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
