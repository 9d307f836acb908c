/** One row the import refused, located the way a SIS administrator fixes it: file, line, field, reason. */
export interface RejectedRow {
  file: string;
  /** 1-based line in the file, the header being line 1. */
  line: number;
  sourcedId: string | null;
  field: string | null;
  reason: string;
  message: string;
}

export interface FileSummary {
  file: string;
  mode: 'bulk' | 'delta';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  rejected: number;
}

export interface ImportReport {
  oneRosterVersion: string;
  files: FileSummary[];
  rejected: RejectedRow[];
  /** Rows taken without a value that could not be used (a phone number that is free text). */
  warnings: RejectedRow[];
  seconds: number;
}

export const IMPORT_REASONS = {
  invalidManifest: 'INVALID_MANIFEST',
  missingFile: 'MISSING_FILE',
  missingColumn: 'MISSING_COLUMN',
  malformedCsv: 'MALFORMED_CSV',
  invalidEncoding: 'INVALID_ENCODING',
  missingValue: 'MISSING_VALUE',
  duplicateSourcedId: 'DUPLICATE_SOURCED_ID',
  unknownRole: 'UNKNOWN_ROLE',
  unknownOrg: 'UNKNOWN_ORG',
  unknownUser: 'UNKNOWN_USER',
  invalidValue: 'INVALID_VALUE',
  conflict: 'CONFLICT',
  emptyBulkFile: 'EMPTY_BULK_FILE',
  massDeactivation: 'MASS_DEACTIVATION',
} as const;

export function emptySummary(file: string, mode: 'bulk' | 'delta'): FileSummary {
  return { file, mode, rows: 0, created: 0, updated: 0, unchanged: 0, deactivated: 0, rejected: 0 };
}
