/**
 * Real Helm from Node: helm-java (Maven Central, tools/helm/pom.xml) called by HelmRunner.java in one JVM for
 * a batch of lint and template jobs. Used by the chart's tests and by the deployed-platform tests.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const CHART = join(ROOT, 'docker', 'helm', 'homeroom');
const POM = join(__dirname, 'pom.xml');
/** The Kubernetes release the models describe (kubernetes-models 5.1.0) and the templates render for. */
export const KUBE_VERSION = '1.36.0';

/** The hook annotations' name in a copy of the chart whose hooks are rendered (chartWithHooksShown). */
export const HOOK_SHOWN = 'test.homeroom.example/helm-hook';

/**
 * helm-java's template returns the release's manifest without its hooks (the helm CLI prints both): a copy
 * of the chart in `work` whose hook annotations are renamed renders the migration Jobs with the rest.
 */
export function chartWithHooksShown(work: string): string {
  const copy = join(work, 'chart-hooks', 'homeroom');
  mkdirSync(copy, { recursive: true });
  cpSync(CHART, copy, { recursive: true });
  const migrations = join(copy, 'templates', 'migrations.yaml');
  writeFileSync(migrations, readFileSync(migrations, 'utf8').replaceAll('helm.sh/hook', HOOK_SHOWN));
  return copy;
}

export interface HelmJob {
  id: string;
  command: 'lint' | 'template';
  chart: string;
  valuesFiles?: string[];
}
export interface HelmResult {
  status: 'ok' | 'failed' | 'error';
  output: string;
}

/** The helm-java jars, copied once per version from the local Maven repository (so later runs are offline). */
export function helmJars(): string {
  const version = /<helm-java\.version>([^<]+)</.exec(readFileSync(POM, 'utf8'))?.[1];
  const lib = join(ROOT, 'tmp', 'helm', `helm-java-${version}`);
  if (!existsSync(join(lib, '.complete'))) {
    rmSync(lib, { recursive: true, force: true });
    execFileSync(
      'mvn',
      [
        '-q',
        '-B',
        '-Dstyle.color=never',
        '-f',
        POM,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${lib}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    writeFileSync(join(lib, '.complete'), `${version}\n`);
  }
  return lib;
}

/** Runs the jobs (release `homeroom` in namespace `homeroom`) in `work`, and returns each one's result. */
export function runHelm(jobs: HelmJob[], work: string): Map<string, HelmResult> {
  const jars = helmJars();
  const jobsFile = join(work, 'jobs.tsv');
  writeFileSync(
    jobsFile,
    jobs
      .map((job) => [job.id, job.command, job.chart, (job.valuesFiles ?? []).join(',')].join('\t'))
      .join('\n'),
  );
  const out = join(work, 'out');
  // Helm's library logs to stdout; it is kept out of the caller's output unless the runner itself fails.
  execFileSync(
    'java',
    ['-cp', join(jars, '*'), join(__dirname, 'HelmRunner.java'), jobsFile, out, KUBE_VERSION],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Map(
    jobs.map((job) => [
      job.id,
      {
        status: readFileSync(join(out, `${job.id}.status`), 'utf8') as HelmResult['status'],
        output: readFileSync(join(out, `${job.id}.out`), 'utf8'),
      },
    ]),
  );
}
