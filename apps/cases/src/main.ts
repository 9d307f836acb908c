import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadCasesConfig } from './config';
import { CasesAppModule } from './cases-app.module';

async function main(): Promise<void> {
  const config = loadCasesConfig();
  const app = await NestFactory.create(CasesAppModule.forRoot(config), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`cases subgraph on http://localhost:${config.PORT}/graphql\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
