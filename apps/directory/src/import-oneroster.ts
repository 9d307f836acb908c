/**
 * `npm run import:oneroster -- <folder> [--dry-run] [--allow-mass-deactivation]`: imports a OneRoster
 * 1.0/1.1/1.2 CSV export into the directory of the running stack (DATABASE_URL, or the local stack's
 * homeroom_directory), prints what changed per file and every refused row, and writes the full report as
 * JSON next to the files. `--dry-run` prints what the set would change and writes nothing.
 */
import 'reflect-metadata';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { createServiceDataSource } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS } from '@homeroom/directory/data-access';
import { OneRosterImporter } from '@homeroom/directory/oneroster';

const config = loadConfig(
  'import:oneroster',
  z.object({
    DATABASE_URL: postgresUrl.default('postgres://postgres:homeroom@127.0.0.1:54329/homeroom_directory'),
  }),
);

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(args: string[]): Promise<void> {
  const allowMassDeactivation = args.includes('--allow-mass-deactivation');
  const dryRun = args.includes('--dry-run');
  const folder = args.find((arg) => !arg.startsWith('--'));
  if (!folder)
    throw new Error(
      'usage: npm run import:oneroster -- <folder with manifest.csv> [--dry-run] [--allow-mass-deactivation]',
    );
  const directory = resolve(folder);
  const files = Object.fromEntries(
    readdirSync(directory)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => [basename(name, '.csv'), readFileSync(join(directory, name))]),
  );
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    applicationName: 'directory:import',
    entities: DIRECTORY_ENTITIES,
    migrations: DIRECTORY_MIGRATIONS,
  });
  await dataSource.initialize();
  try {
    const report = await new OneRosterImporter(dataSource, new OutboxWriter('directory')).import(files, {
      allowMassDeactivation,
      dryRun,
    });
    print(
      dryRun
        ? `OneRoster ${report.oneRosterVersion} dry run in ${report.seconds.toFixed(1)} s: nothing was written\n`
        : `OneRoster ${report.oneRosterVersion} import finished in ${report.seconds.toFixed(1)} s\n`,
    );
    print(
      'file              mode    rows   created  updated  unchanged  deactivated  rejected  skipped  links refused',
    );
    for (const f of report.files) {
      print(
        `${f.file.padEnd(17)} ${f.mode.padEnd(6)} ${String(f.rows).padStart(6)} ${String(f.created).padStart(9)} ${String(f.updated).padStart(8)} ${String(f.unchanged).padStart(10)} ${String(f.deactivated).padStart(12)} ${String(f.rejected).padStart(9)} ${String(f.skipped).padStart(8)} ${String(f.linksRefused).padStart(14)}`,
      );
    }
    for (const alarm of report.massDeactivation)
      print(
        `\nSafeguard: deactivates ${alarm.deactivated} of ${alarm.active} active ${alarm.what}; applying it needs --allow-mass-deactivation`,
      );
    for (const row of report.rejected.slice(0, 100)) {
      print(
        `  ${row.file}:${row.line} ${row.sourcedId ?? ''} ${row.field ?? ''} ${row.reason}: ${row.message}${row.causedBy ? ` (because of ${row.causedBy})` : ''}`,
      );
    }
    if (report.rejected.length > 100) print(`  … and ${report.rejected.length - 100} more`);
    if (report.warnings.length)
      print(`\n${report.warnings.length} values left out (the people went in without them):`);
    for (const row of report.warnings.slice(0, 100)) {
      print(`  ${row.file}:${row.line} ${row.sourcedId ?? ''} ${row.field ?? ''}: ${row.message}`);
    }
    if (report.warnings.length > 100) print(`  … and ${report.warnings.length - 100} more`);
    const reportFile = join(directory, 'homeroom-import-report.json');
    writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    print(`\nfull report: ${reportFile}`);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
