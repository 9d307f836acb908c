import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DomainException } from '@homeroom/shared/errors';
import type { TestDatabase } from '@homeroom/platform/database/testing';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { rosterTestDatabase } from '../testing';
import type { ImportReport } from './import-report';
import { OneRosterImporter } from './oneroster-importer';

/**
 * Published OneRoster sample sets (SIS and LMS projects' own fixtures) are not committed here: data fetched
 * from other repositories stays outside the project. The corpus is a folder of sets, one folder each, with a
 * manifest.json naming each set's repository, commit, path and licence, and what the import should make of
 * it (`expect`: "imported", or the reason that refuses it whole). `ONEROSTER_CORPUS_DIR=<folder> npm run
 * test:oneroster-corpus` replays it.
 */
const CORPUS = process.env['ONEROSTER_CORPUS_DIR'] ?? '';
if (!CORPUS || !existsSync(join(CORPUS, 'manifest.json')))
  throw new Error('Set ONEROSTER_CORPUS_DIR to a OneRoster corpus folder with a manifest.json');

interface CorpusSet {
  dir: string;
  repository: string;
  commit: string;
  oneRosterVersion: string;
  /** "imported", or the reason the whole set is refused for (EMPTY_BULK_FILE for a header-only export). */
  expect?: string;
}

function filesOf(dir: string): Record<string, Buffer> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => [basename(name, '.csv'), readFileSync(join(dir, name))]),
  );
}

/** Every users row is accounted for: created, updated, unchanged, deactivated or refused; none lost. */
function unaccounted(report: ImportReport): string[] {
  return report.files
    .filter((file) => file.file === 'users.csv')
    .filter(
      (file) => file.created + file.updated + file.unchanged + file.deactivated + file.rejected !== file.rows,
    )
    .map((file) => `${file.file}: ${JSON.stringify(file)}`);
}

describe('published OneRoster sets', () => {
  const sets = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as CorpusSet[];
  let database: TestDatabase;
  let importer: OneRosterImporter;
  const outcomes: string[] = [];

  beforeEach(async () => {
    database = await rosterTestDatabase('oneroster_corpus');
    importer = new OneRosterImporter(database.dataSource, new OutboxWriter('directory'));
  });

  afterEach(() => database.drop());

  afterAll(() => process.stdout.write(`\n${outcomes.join('\n')}\n`));

  it.each(sets.map((set) => [set.dir, set] as const))('%s', async (_dir, set) => {
    const files = filesOf(join(CORPUS, set.dir));
    let preview: ImportReport;
    try {
      preview = await importer.import(files, { dryRun: true });
    } catch (error) {
      // Refused whole: only ever for a stated reason, never a crash.
      expect(error).toBeInstanceOf(DomainException);
      const reason = (error as DomainException).reason;
      outcomes.push(`${set.dir}: refused ${reason}: ${(error as Error).message}`);
      expect(reason).toBe(set.expect);
      return;
    }
    const report = await importer.import(files, { allowMassDeactivation: true });
    expect(unaccounted(report)).toEqual([]);
    // The preview said what the import did.
    expect(report.files).toEqual(preview.files);
    expect(report.rejected).toEqual(preview.rejected);
    const users = report.files.find((file) => file.file === 'users.csv');
    outcomes.push(
      `${set.dir}: OneRoster ${report.oneRosterVersion}; users ${users?.rows ?? 0} → ${users?.created ?? 0} created, ${users?.rejected ?? 0} refused, ${users?.deactivated ?? 0} deactivated; ${report.warnings.length} warnings` +
        report.rejected
          .map((row) => `\n    ${row.file}:${row.line} ${row.sourcedId ?? ''} ${row.reason}: ${row.message}`)
          .join('') +
        report.warnings
          .map(
            (row) =>
              `\n    (warning) ${row.file}:${row.line} ${row.sourcedId ?? ''} ${row.reason}: ${row.message}`,
          )
          .join(''),
    );
    expect(set.expect ?? 'imported').toBe('imported');
    // Importing it again changes nothing.
    const again = await importer.import(files, { allowMassDeactivation: true });
    const againUsers = again.files.find((file) => file.file === 'users.csv');
    expect(againUsers?.created ?? 0).toBe(0);
    expect(againUsers?.updated ?? 0).toBe(0);
  });
});
