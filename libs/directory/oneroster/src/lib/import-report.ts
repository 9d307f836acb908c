/** One row the import refused, located the way a SIS administrator fixes it: file, line, field, reason. */
export interface RejectedRow {
  /** The file (`users.csv`) or, for the REST binding, the endpoint. */
  file: string;
  /** 1-based line in the file, the header being line 1 (for REST: the record's position). */
  line: number;
  sourcedId: string | null;
  field: string | null;
  reason: string;
  message: string;
  /**
   * For a row set aside or a link not made because of another row: where that row is (`users.csv line 7`),
   * so the administrator fixes the cause, not the symptom.
   */
  causedBy?: string | null;
}

export interface FileSummary {
  file: string;
  mode: 'bulk' | 'delta';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  /** Rows refused for a problem of their own. */
  rejected: number;
  /** Rows set aside because a row they depend on (their user) was refused: fixed by fixing that row. */
  skipped: number;
  /** Links of accepted rows that could not be made (a guardian named in agentSourcedIds who is not there). */
  linksRefused: number;
}

/** What a set changes, by what and where: the preview an administrator confirms. */
export interface ChangeCount {
  action: 'CREATED' | 'UPDATED' | 'DEACTIVATED';
  kind: 'SCHOOL' | 'STUDENT' | 'GUARDIAN' | 'STAFF' | 'COMMUNITY';
  /** The school the people belong to (null: none, or the school itself for kind SCHOOL). */
  schoolId: string | null;
  schoolName: string | null;
  count: number;
}

/** The mass-deactivation safeguard's figures, when a set trips it. */
export interface DeactivationAlarm {
  what: 'people' | 'schools';
  deactivated: number;
  active: number;
}

export interface ImportReport {
  oneRosterVersion: string;
  /** True when nothing was written: the report says what the set would change. */
  dryRun: boolean;
  files: FileSummary[];
  changes: ChangeCount[];
  /** Non-empty: the set deactivates more than the safeguard allows, and applying it needs a confirmation. */
  massDeactivation: DeactivationAlarm[];
  rejected: RejectedRow[];
  /** Values left out with the row taken (a phone number that is free text), and notes on the set itself. */
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
  extensionRole: 'EXTENSION_ROLE',
  unknownOrg: 'UNKNOWN_ORG',
  unknownUser: 'UNKNOWN_USER',
  refusedUser: 'REFUSED_USER',
  deactivatedUser: 'DEACTIVATED_USER',
  withdrawnUnknown: 'WITHDRAWN_UNKNOWN',
  invalidValue: 'INVALID_VALUE',
  invalidDate: 'INVALID_DATE',
  headerVariant: 'HEADER_VARIANT',
  conflict: 'CONFLICT',
  emptyBulkFile: 'EMPTY_BULK_FILE',
  massDeactivation: 'MASS_DEACTIVATION',
  /** The SIS refused the configured client credentials, or the token they bought (REST binding). */
  sisUnauthorized: 'SIS_UNAUTHORIZED',
  /** The SIS refused a request as such (unknown path, unsupported filter): retrying will not help. */
  sisRequestRefused: 'SIS_REQUEST_REFUSED',
  /** The SIS kept failing, throttling or timing out after every retry; trying later may work. */
  sisUnavailable: 'SIS_UNAVAILABLE',
  /** The SIS answered, but not with OneRoster JSON (or its paging went round in a circle). */
  sisMalformedResponse: 'SIS_MALFORMED_RESPONSE',
} as const;

export function emptySummary(file: string, mode: 'bulk' | 'delta', rows = 0): FileSummary {
  return {
    file,
    mode,
    rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    deactivated: 0,
    rejected: 0,
    skipped: 0,
    linksRefused: 0,
  };
}

/** Where a row is, in the words of the report: `users.csv line 7`. */
export function rowPlace(file: string, line: number): string {
  return `${file} line ${line}`;
}

/**
 * Collects what an import says about rows, keeping each count beside its list: a refused row counts in its
 * file's `rejected`, a row set aside for another's fault in `skipped`, a link not made in `linksRefused`.
 */
export class ReportSink {
  readonly rejected: RejectedRow[] = [];
  readonly warnings: RejectedRow[] = [];

  refuse(summary: FileSummary, entry: Omit<RejectedRow, 'file'>): void {
    summary.rejected += 1;
    this.rejected.push({ file: summary.file, ...entry });
  }

  skip(summary: FileSummary, entry: Omit<RejectedRow, 'file'>): void {
    summary.skipped += 1;
    this.rejected.push({ file: summary.file, ...entry });
  }

  refuseLink(summary: FileSummary, entry: Omit<RejectedRow, 'file'>): void {
    summary.linksRefused += 1;
    this.rejected.push({ file: summary.file, ...entry });
  }

  /** Refuses `row` of `summary`'s file for a problem of its own, naming the row by its sourcedId. */
  refuserOf(
    summary: FileSummary,
    row: { line: number; values: Record<string, string> },
  ): (field: string, reason: string, message: string) => void {
    return (field, reason, message) =>
      this.refuse(summary, {
        line: row.line,
        sourcedId: row.values['sourcedId'] || null,
        field,
        reason,
        message,
      });
  }

  warn(file: string, entry: Omit<RejectedRow, 'file'>): void {
    this.warnings.push({ file, ...entry });
  }
}
