import { IMPORT_REASONS } from '../import-report';
import type { DirectoryFile, OneRosterVersion } from '../roster-set';
import { fileProblem, readCsv } from './csv-table';

export type FileMode = 'bulk' | 'delta' | 'absent';

export interface Manifest {
  oneRosterVersion: OneRosterVersion;
  files: Record<DirectoryFile, FileMode>;
  /** No manifest.csv: a OneRoster 1.0 export, whose files are all bulk. */
  inferred: boolean;
}

/** The files this importer reads; others a manifest names (classes, courses, …) are not the directory's. */
export const DIRECTORY_FILES = ['orgs', 'users', 'roles', 'enrollments', 'demographics'] as const;

/**
 * A manifest that is not valid rejects the whole set: nothing else can be trusted. OneRoster 1.0 had no
 * manifest; a set without one is read as 1.0 (every file bulk) when its users.csv has 1.0's role and orgs
 * columns, and refused otherwise.
 */
export async function readManifest(files: Readonly<Record<string, Buffer>>): Promise<Manifest> {
  const bytes = files['manifest'];
  if (!bytes) return inferredManifest(files);
  const rows = await readCsv('manifest.csv', bytes, ['propertyName', 'value'], {
    renameColumn: (column) => column.trim(),
  });
  const properties = new Map(
    rows.map((row) => [row.values['propertyName']!.trim(), row.values['value']!.trim()]),
  );
  const version = properties.get('oneroster.version');
  if (version !== '1.0' && version !== '1.1' && version !== '1.2') {
    throw fileProblem(
      'manifest.csv',
      IMPORT_REASONS.invalidManifest,
      `oneroster.version must be 1.0, 1.1 or 1.2 (found "${version ?? ''}")`,
    );
  }
  const modes = {} as Record<DirectoryFile, FileMode>;
  for (const name of DIRECTORY_FILES) {
    const mode = (properties.get(`file.${name}`) ?? 'absent').toLowerCase();
    if (mode !== 'bulk' && mode !== 'delta' && mode !== 'absent') {
      throw fileProblem(
        'manifest.csv',
        IMPORT_REASONS.invalidManifest,
        `file.${name} must be bulk, delta or absent (found "${mode}")`,
      );
    }
    modes[name] = mode;
  }
  if (modes.users === 'absent' && modes.orgs === 'absent') {
    throw fileProblem(
      'manifest.csv',
      IMPORT_REASONS.invalidManifest,
      'The manifest names neither orgs nor users',
    );
  }
  return { oneRosterVersion: version, files: modes, inferred: false };
}

function inferredManifest(files: Readonly<Record<string, Buffer>>): Manifest {
  const usersHeader = files['users']?.toString('utf8', 0, 4096).split(/\r?\n/, 1)[0]?.toLowerCase() ?? '';
  const columns = new Set(usersHeader.split(',').map((cell) => cell.replace(/^\uFEFF|"/g, '').trim()));
  if (!columns.has('role') || !columns.has('orgsourcedids'))
    throw fileProblem('manifest.csv', IMPORT_REASONS.missingFile, 'The set has no manifest.csv');
  const modes = Object.fromEntries(
    DIRECTORY_FILES.map((name) => [name, files[name] ? 'bulk' : 'absent']),
  ) as Record<DirectoryFile, FileMode>;
  return { oneRosterVersion: '1.0', files: modes, inferred: true };
}
