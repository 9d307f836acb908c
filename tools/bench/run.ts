/**
 * `npm run bench`: runs the benchmarks against the local stack (or DATABASE_URL / KAFKA_BROKERS) and
 * writes docs/benchmarks/<name>.json and .md.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { outboxPipelineBenchmark } from './outbox-pipeline.bench';
import { writeReport } from './report';

async function main(): Promise<void> {
  const root = workspaceRoot();
  const stack = execFileSync(
    process.execPath,
    ['-r', '@swc-node/register', join(root, 'tools/stack/cli.ts'), 'up'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  process.env['DATABASE_URL'] ??= /^DATABASE_URL=(.+)$/m.exec(stack)?.[1];
  process.env['KAFKA_BROKERS'] ??= /^KAFKA_BROKERS=(.+)$/m.exec(stack)?.[1];
  const report = await outboxPipelineBenchmark();
  const file = writeReport(root, report);
  console.log(JSON.stringify({ rows: report.rows, ratios: report.ratios }, null, 2));
  console.log(`written: ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
