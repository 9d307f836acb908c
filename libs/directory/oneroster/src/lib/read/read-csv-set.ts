import { DomainException, ERROR_CODES, InvalidInputException } from '@homeroom/shared/errors';
import { IMPORT_REASONS, type RejectedRow } from '../import-report';
import type { DirectoryFile, RosterSet, RosterTable } from '../roster-set';
import { readCsv } from './csv-table';
import { columnNamer } from './header-variants';
import { readManifest } from './manifest';
import type { ProgressListener } from '../plan/plan-roster';

/** Columns without which a file's rows mean nothing; 1.0 and 1.1 carry role and orgs on users.csv. */
function requiredColumns(file: DirectoryFile, version: RosterSet['oneRosterVersion']): string[] {
  switch (file) {
    case 'orgs':
      return ['sourcedId', 'name', 'type'];
    case 'users':
      return version === '1.2'
        ? ['sourcedId', 'givenName', 'familyName']
        : ['sourcedId', 'givenName', 'familyName', 'role', 'orgSourcedIds'];
    case 'roles':
      return ['sourcedId', 'userSourcedId', 'role', 'orgSourcedId', 'roleType'];
    case 'enrollments':
      return ['sourcedId', 'userSourcedId', 'schoolSourcedId', 'role'];
    case 'demographics':
      return ['sourcedId'];
  }
}

/**
 * A OneRoster CSV set (the files by name without `.csv`) as a RosterSet. Refused whole, naming the file,
 * when the manifest is not valid, a file it lists is missing or unreadable, or a bulk file has no rows.
 */
export async function readOneRosterCsv(
  files: Readonly<Record<string, Buffer>>,
  onProgress: ProgressListener = () => undefined,
): Promise<RosterSet> {
  const manifest = await readManifest(files);
  const warnings: RejectedRow[] = [];
  if (manifest.inferred)
    warnings.push({
      file: 'manifest.csv',
      line: 0,
      sourcedId: null,
      field: null,
      reason: IMPORT_REASONS.headerVariant,
      message: 'The set has no manifest.csv; read as OneRoster 1.0, every file bulk',
    });
  const tables: RosterSet['tables'] = {};
  const listed = Object.entries(manifest.files).filter(([, mode]) => mode === 'bulk' || mode === 'delta');
  const total = listed.reduce((sum, [name]) => sum + (files[name]?.length ?? 0), 0);
  let before = 0;
  for (const [name, mode] of Object.entries(manifest.files) as [DirectoryFile, string][]) {
    if (mode !== 'bulk' && mode !== 'delta') continue;
    const source = `${name}.csv`;
    const bytes = files[name];
    if (!bytes)
      throw new DomainException(
        ERROR_CODES.BAD_USER_INPUT,
        `The manifest lists ${source} but the set does not include it`,
        IMPORT_REASONS.missingFile,
        [{ path: source, message: 'missing' }],
      );
    const rename = columnNamer(name, ({ from, to }) =>
      warnings.push({
        file: source,
        line: 1,
        sourcedId: null,
        field: from,
        reason: IMPORT_REASONS.headerVariant,
        message: `the column "${from}" (an older or misspelled OneRoster name) was read as "${to}"`,
      }),
    );
    const table: RosterTable = {
      source,
      mode,
      rows: await readCsv(source, bytes, requiredColumns(name, manifest.oneRosterVersion), {
        renameColumn: rename,
        onProgress: (parsed) => void onProgress({ phase: 'reading', done: before + parsed, total }),
      }),
    };
    before += bytes.length;
    tables[name] = table;
  }
  refuseEmptyBulkFiles(tables);
  for (const table of Object.values(tables))
    if (table.rows.length === 0)
      warnings.push({
        file: table.source,
        line: 1,
        sourcedId: null,
        field: null,
        reason: IMPORT_REASONS.emptyBulkFile,
        message: `${table.source} has a header and no rows; nothing was read from it`,
      });
  return { oneRosterVersion: manifest.oneRosterVersion, tables, warnings };
}

/**
 * OneRoster's data files carry at least one row; a bulk orgs or users file with none (a SIS export that
 * failed half way) would replace everything with nothing: every school or person deactivated. Other files
 * with no rows deactivate nothing (exports often carry an empty demographics.csv): a warning.
 */
export function refuseEmptyBulkFiles(tables: RosterSet['tables']): void {
  const empty = [tables.orgs, tables.users].filter(
    (table): table is RosterTable => table?.mode === 'bulk' && table.rows.length === 0,
  );
  if (empty.length === 0) return;
  throw new InvalidInputException(
    `A bulk file with no rows would deactivate everything it covers: ${empty.map((table) => table.source).join(', ')}`,
    empty.map((table) => ({ path: table.source, message: 'has a header and no rows' })),
    IMPORT_REASONS.emptyBulkFile,
  );
}
