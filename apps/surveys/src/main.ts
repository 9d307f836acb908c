import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { shutDownGracefully } from '@homeroom/platform/observability';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadSurveysConfig } from './config';
import { SurveysAppModule } from './surveys-app.module';

async function main(): Promise<void> {
  const config = loadSurveysConfig();
  const app = await NestFactory.create<NestExpressApplication>(SurveysAppModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  shutDownGracefully(app, { delayMs: config.SHUTDOWN_DELAY_MS });
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`surveys subgraph on http://localhost:${config.PORT}/graphql\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
