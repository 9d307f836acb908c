import { IMPORT_REASONS } from './import-report';
import { fileProblem, readCsv } from './csv-table';

export type FileMode = 'bulk' | 'delta' | 'absent';

export interface Manifest {
  oneRosterVersion: '1.1' | '1.2';
  files: Record<string, FileMode>;
}

/** The files this importer reads; others a manifest names (classes, courses, …) are not the directory's. */
export const DIRECTORY_FILES = ['orgs', 'users', 'roles', 'enrollments', 'demographics'] as const;

/** A manifest that is not valid rejects the whole set: nothing else can be trusted. */
export function readManifest(bytes: Buffer | undefined): Manifest {
  if (!bytes) throw fileProblem('manifest.csv', IMPORT_REASONS.missingFile, 'The set has no manifest.csv');
  const rows = readCsv('manifest.csv', bytes, ['propertyName', 'value']);
  const properties = new Map(rows.map((row) => [row.values['propertyName']!, row.values['value']!]));
  const version = properties.get('oneroster.version');
  if (version !== '1.1' && version !== '1.2') {
    throw fileProblem(
      'manifest.csv',
      IMPORT_REASONS.invalidManifest,
      `oneroster.version must be 1.1 or 1.2 (found "${version ?? ''}")`,
    );
  }
  const files: Record<string, FileMode> = {};
  for (const name of DIRECTORY_FILES) {
    const mode = properties.get(`file.${name}`) ?? 'absent';
    if (mode !== 'bulk' && mode !== 'delta' && mode !== 'absent') {
      throw fileProblem(
        'manifest.csv',
        IMPORT_REASONS.invalidManifest,
        `file.${name} must be bulk, delta or absent (found "${mode}")`,
      );
    }
    files[name] = mode;
  }
  if (files['users'] === 'absent' && files['orgs'] === 'absent') {
    throw fileProblem(
      'manifest.csv',
      IMPORT_REASONS.invalidManifest,
      'The manifest names neither orgs nor users',
    );
  }
  return { oneRosterVersion: version, files };
}
