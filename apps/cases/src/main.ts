import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { shutDownGracefully } from '@homeroom/platform/observability';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadCasesConfig } from './config';
import { CasesAppModule } from './cases-app.module';
import { graphqlBodyLimit } from './extensions-config';

async function main(): Promise<void> {
  const config = loadCasesConfig();
  const app = await NestFactory.create<NestExpressApplication>(CasesAppModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  // Attachments travel as base64 inside the GraphQL request.
  app.useBodyParser('json', { limit: graphqlBodyLimit(config) });
  shutDownGracefully(app, { delayMs: config.SHUTDOWN_DELAY_MS });
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`cases subgraph on http://localhost:${config.PORT}/graphql\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
