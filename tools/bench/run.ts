/**
 * `npm run bench`: runs the benchmarks against the local stack (or DATABASE_URL / KAFKA_BROKERS) and
 * writes docs/benchmarks/<name>.json and .md.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { automationSweepBenchmark } from './automation-sweep.bench';
import { bulkActionsBenchmark } from './bulk-actions.bench';
import { casesBenchmarks } from './cases.bench';
import { chatLatencyBenchmark } from './chat-latency.bench';
import { deploymentBenchmark } from './deployment.bench';
import { directoryBenchmarks } from './directory.bench';
import { districtScaleBenchmark } from './district-scale.bench';
import { gatewayBenchmarks } from './gateway.bench';
import { helpCenterBenchmark } from './help-center.bench';
import { languageDetectionBenchmark } from './language-detection.bench';
import { smsWebhookBenchmark } from './sms-webhook.bench';
import { outboxPipelineBenchmark } from './outbox-pipeline.bench';
import { portalBundleBenchmark } from './portal-bundles.bench';
import { portalInboxBenchmark } from './portal-inbox.bench';
import { productionBuildBenchmark } from './production-build.bench';
import { searchBenchmarks } from './search.bench';
import { slaDeadlineBenchmark } from './sla-deadlines';
import { slaBenchmarks } from './slas.bench';
import { surveysBenchmarks } from './surveys.bench';
import { triageBenchmark } from './triage';
import { rosterJobBenchmark } from './roster-job.bench';
import type { BenchmarkReport } from './report';
import { writeReport } from './report';

const BENCHMARKS: Record<string, () => Promise<BenchmarkReport[]>> = {
  'outbox-pipeline': outboxPipelineBenchmark,
  directory: directoryBenchmarks,
  'oneroster-job': async () => [await rosterJobBenchmark()],
  cases: casesBenchmarks,
  search: searchBenchmarks,
  'help-center': async () => [await helpCenterBenchmark()],
  'bulk-actions': async () => [await bulkActionsBenchmark()],
  'automation-sweep': async () => [await automationSweepBenchmark()],
  triage: async () => [triageBenchmark()],
  'language-detection': async () => [languageDetectionBenchmark()],
  'sms-webhook': async () => [await smsWebhookBenchmark()],
  'chat-latency': async () => [await chatLatencyBenchmark()],
  'sla-deadlines': async () => [await slaDeadlineBenchmark()],
  'sla-scheduler': slaBenchmarks,
  surveys: surveysBenchmarks,
  gateway: gatewayBenchmarks,
  'portal-bundles': async () => [portalBundleBenchmark()],
  'portal-inbox': async () => [await portalInboxBenchmark()],
  'production-build': async () => [await productionBuildBenchmark()],
  deployment: async () => [await deploymentBenchmark()],
  'district-scale': districtScaleBenchmark,
};

/** `npm run bench` runs them all; `npm run bench -- <name>` one of the names below. */
async function main(which: string | undefined): Promise<void> {
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
  const names = which ? [which] : Object.keys(BENCHMARKS);
  for (const name of names) {
    const benchmark = BENCHMARKS[name];
    if (!benchmark)
      throw new Error(`unknown benchmark ${name}; choose from ${Object.keys(BENCHMARKS).join(', ')}`);
    for (const report of await benchmark()) {
      const file = await writeReport(root, report);
      console.log(JSON.stringify({ name: report.name, rows: report.rows, ratios: report.ratios }, null, 2));
      console.log(`written: ${file}`);
    }
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
