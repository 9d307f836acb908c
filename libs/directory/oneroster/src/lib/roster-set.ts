import type { CsvRow } from './read/csv-table';
import type { RejectedRow } from './import-report';

/** The OneRoster collections the directory reads; the rest (classes, courses, …) are not its business. */
export type DirectoryFile = 'orgs' | 'users' | 'roles' | 'enrollments' | 'demographics';

/** One collection of a set, whichever binding it came from (a CSV file or a REST endpoint). */
export interface RosterTable {
  /** Where a SIS administrator finds the rows: `users.csv`, or `GET …/users` for the REST binding. */
  source: string;
  mode: 'bulk' | 'delta';
  /**
   * Rows keyed by OneRoster 1.2 CSV column names; `line` is the CSV line (header = 1) or, for REST, the
   * record's 1-based position in the collection.
   */
  rows: CsvRow[];
}

/** 1.0 sets (no manifest) and 1.1 sets carry a user's role and orgs on users.csv; 1.2 in roles.csv. */
export type OneRosterVersion = '1.0' | '1.1' | '1.2';

/** A OneRoster set as read, before anything is compared with the directory. */
export interface RosterSet {
  oneRosterVersion: OneRosterVersion;
  tables: Partial<Record<DirectoryFile, RosterTable>>;
  /** Things about the set itself worth telling (an old header variant read as its 1.2 name). */
  warnings: RejectedRow[];
}
