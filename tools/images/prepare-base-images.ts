/**
 * `node -r @swc-node/register tools/images/prepare-base-images.ts`: podman, the local base images (Debian
 * from debootstrap, Node on it), the services' dependency layer and the PostgreSQL and Kafka images: all
 * of the image builds that need no build of the apps, ahead of them. `npm test` starts it beside the checks
 * and the unit and integration tests: on a fresh machine it is minutes of downloads and unpacking (apt,
 * Debian's mirror, the npm registry) that the end-to-end stage would otherwise wait for. A machine that
 * has them finds them at once; a failure here is reported, and the image builds try again themselves.
 */
import { tmpdir } from 'node:os';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { ensureNodeImage } from './base-images';
import { buildImages, buildServiceDependencies } from './build-images';
import { ensurePodman } from './podman';

async function main(): Promise<void> {
  const started = Date.now();
  const root = workspaceRoot();
  await ensurePodman();
  // The root file system and the contexts are put together outside the workspace, which the test runners
  // are reading meanwhile.
  const workDir = join(tmpdir(), `homeroom-base-images-${process.pid}`);
  try {
    // A district's build names the official Node image instead; then there is no local base to make.
    const nodeImage = process.env['NODE_IMAGE'] || (await ensureNodeImage(root, workDir));
    await buildServiceDependencies(root, nodeImage);
    await buildImages({ root, names: ['postgresql', 'kafka'], build: false, workDir });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  process.stdout.write(
    `[images] podman, the base images, the dependency layer, postgresql and kafka ready in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`[images] preparing the base images failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
