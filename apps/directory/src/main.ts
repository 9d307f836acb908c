import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mountSignIn } from '@homeroom/directory/feature-auth';
import { loadDirectoryConfig } from './config';
import { DirectoryAppModule } from './directory-app.module';

async function main(): Promise<void> {
  const config = loadDirectoryConfig();
  const app = await NestFactory.create(DirectoryAppModule.forRoot(config), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  mountSignIn(app);
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`directory subgraph on http://localhost:${config.PORT}/graphql\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
