import type { RosterReportFragment } from '../operations.generated';

type Report = RosterReportFragment;
/** A file of a set, by the name the API takes its parts under (`addRosterImportFilePart(name:)`). */
export type OneRosterField = 'manifest' | 'orgs' | 'users' | 'roles' | 'enrollments' | 'demographics';
/** The files of a set the import reads besides the manifest. */
export type DataField = Exclude<OneRosterField, 'manifest'>;

/** Every file the API takes, in the order a SIS export lists them, with what each brings in. */
export const ONEROSTER_FILES: readonly { field: OneRosterField; fileName: string; brings: string }[] = [
  {
    field: 'manifest',
    fileName: 'manifest.csv',
    brings: 'the OneRoster version and which files the set holds (a 1.0 set has none)',
  },
  { field: 'orgs', fileName: 'orgs.csv', brings: 'schools' },
  { field: 'users', fileName: 'users.csv', brings: 'students, guardians and staff' },
  { field: 'roles', fileName: 'roles.csv', brings: "people's roles at schools (1.2)" },
  { field: 'enrollments', fileName: 'enrollments.csv', brings: 'which school each student attends' },
  { field: 'demographics', fileName: 'demographics.csv', brings: 'read but not kept' },
];

/** The field a chosen file goes to, by its name ("Users.CSV" → users); null for files the import does not read. */
export function fieldForFileName(name: string): OneRosterField | null {
  const base = name.split(/[\\/]/).pop()!.trim().toLowerCase();
  return ONEROSTER_FILES.find((file) => file.fileName === base)?.field ?? null;
}

export interface Matched<F> {
  /** Each field's file. */
  files: Partial<Record<OneRosterField, F>>;
  /** Files the import does not read (classes.csv, courses.csv, …). */
  ignored: F[];
  /** Problems in words: two files for one field. */
  problems: string[];
}

/** Chosen files sorted into the API's fields by their names. */
export function matchFiles<F extends { name: string }>(chosen: readonly F[]): Matched<F> {
  const files: Partial<Record<OneRosterField, F>> = {};
  const ignored: F[] = [];
  const problems: string[] = [];
  for (const file of chosen) {
    const field = fieldForFileName(file.name);
    if (!field) ignored.push(file);
    else if (files[field]) problems.push(`Two files are named ${field}.csv: choose one.`);
    else files[field] = file;
  }
  return { files, ignored, problems };
}

export type FileMode = 'bulk' | 'delta' | 'absent';

export interface Manifest {
  version: '1.0' | '1.1' | '1.2';
  modes: Record<DataField, FileMode>;
  /** No manifest.csv: read as a OneRoster 1.0 set, every chosen file bulk (as the server reads it). */
  inferred: boolean;
}

/** One CSV line's fields, quotes understood ("a, b" and "" for a quote inside). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields.map((value) => value.trim());
}

/** manifest.csv read as the import will read it; or why the import would refuse the whole set. */
export function readManifest(text: string): Manifest | { problem: string } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim());
  const header = csvFields(lines[0] ?? '');
  const [nameColumn, valueColumn] = [header.indexOf('propertyName'), header.indexOf('value')];
  if (nameColumn < 0 || valueColumn < 0)
    return { problem: 'manifest.csv does not have the columns propertyName and value.' };
  const properties = new Map(
    lines.slice(1).map((line) => {
      const fields = csvFields(line);
      return [fields[nameColumn] ?? '', fields[valueColumn]] as const;
    }),
  );
  const version = properties.get('oneroster.version');
  if (version !== '1.0' && version !== '1.1' && version !== '1.2')
    return {
      problem: `manifest.csv gives OneRoster version "${version ?? ''}"; the import reads 1.0, 1.1 and 1.2.`,
    };
  const modes = {} as Record<DataField, FileMode>;
  for (const { field } of ONEROSTER_FILES) {
    if (field === 'manifest') continue;
    // As the server reads it: "Bulk" is bulk.
    const mode = (properties.get(`file.${field}`) ?? 'absent').toLowerCase();
    if (mode !== 'bulk' && mode !== 'delta' && mode !== 'absent')
      return { problem: `manifest.csv says file.${field} is "${mode}"; it must be bulk, delta or absent.` };
    modes[field] = mode;
  }
  if (modes.orgs === 'absent' && modes.users === 'absent')
    return { problem: 'manifest.csv lists neither orgs.csv nor users.csv: there is nothing to import.' };
  return { version, modes, inferred: false };
}

/**
 * A set without manifest.csv, read as the server reads it: OneRoster 1.0 (which had no manifest), every
 * chosen file bulk, provided users.csv has 1.0's role and orgSourcedIds columns (`usersHead`: the start of
 * users.csv, its header line at least); otherwise the server refuses the set for its missing manifest.
 */
export function inferManifest(
  chosen: ReadonlySet<OneRosterField>,
  usersHead: string,
): Manifest | { problem: string } {
  const columns = new Set(
    (usersHead.split(/\r?\n/, 1)[0] ?? '')
      .toLowerCase()
      .split(',')
      .map((cell) => cell.replace(/^\uFEFF|"/g, '').trim()),
  );
  if (!columns.has('role') || !columns.has('orgsourcedids'))
    return {
      problem:
        "Without manifest.csv the set is read as OneRoster 1.0, but users.csv does not have 1.0's role and " +
        'orgSourcedIds columns: choose the manifest.csv of the export too.',
    };
  const modes = {} as Record<DataField, FileMode>;
  for (const { field } of ONEROSTER_FILES)
    if (field !== 'manifest') modes[field] = chosen.has(field) ? 'bulk' : 'absent';
  return { version: '1.0', modes, inferred: true };
}

/**
 * What the manifest and the chosen files say together: problems that would refuse the set (a file the
 * manifest lists but was not chosen), and chosen files the manifest marks absent (the import skips them).
 */
export function checkSet(
  chosen: ReadonlySet<OneRosterField>,
  manifest: Manifest,
): { problems: string[]; skipped: string[] } {
  const problems: string[] = [];
  const skipped: string[] = [];
  for (const [field, mode] of Object.entries(manifest.modes) as [DataField, FileMode][]) {
    if (mode !== 'absent' && !chosen.has(field))
      problems.push(`The manifest lists ${field}.csv (${mode}), but it was not chosen.`);
    if (mode === 'absent' && chosen.has(field)) skipped.push(`${field}.csv`);
  }
  return { problems, skipped };
}

/** A file's bytes as text when they are UTF-8 (a byte-order mark is dropped); null when they are not. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const REASONS: Record<string, string> = {
  INVALID_MANIFEST: 'the manifest is not valid',
  MISSING_FILE: 'a file the set needs is missing',
  MISSING_COLUMN: 'a required column is missing',
  MALFORMED_CSV: 'the line is not valid CSV',
  INVALID_ENCODING: 'the file is not UTF-8 text',
  MISSING_VALUE: 'a required value is empty',
  DUPLICATE_SOURCED_ID: 'the sourcedId appears twice',
  UNKNOWN_ROLE: 'the role is not one Homeroom knows',
  UNKNOWN_ORG: 'it names a school (org) not in the set or the directory',
  UNKNOWN_USER: 'it names a person (user) not in the set or the directory',
  INVALID_VALUE: 'a value is not valid',
  CONFLICT: 'it conflicts with a record already in the directory',
  EXTENSION_ROLE: 'the role is one the SIS added to OneRoster (an extension): it gives no school membership',
  REFUSED_USER: 'the person (user) it depends on was refused',
  DEACTIVATED_USER: 'it names a person (user) who is inactive after this set',
  INVALID_DATE: 'a date is not valid',
  HEADER_VARIANT: 'the file follows an older OneRoster layout, read as the import understands it',
  EMPTY_BULK_FILE: 'a bulk file has no rows (it would deactivate everything it covers)',
  MASS_DEACTIVATION: 'the set deactivates more people or schools than the safeguard allows',
  SIS_UNAUTHORIZED: "the SIS refused Homeroom's client id and secret, or does not let it read the rosters",
  SIS_UNAVAILABLE: 'the SIS did not answer after several tries (try again later)',
  SIS_MALFORMED_RESPONSE: 'the SIS did not answer with OneRoster data',
  SIS_REQUEST_REFUSED: "the SIS refused the request (check the SIS's address and what it supports)",
};

/** A refusal reason in plain words; an unknown code as it came. */
export function reasonInWords(reason: string): string {
  return REASONS[reason] ?? reason;
}

export interface Totals {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  rejected: number;
  skipped: number;
  linksRefused: number;
}

/** The report's files added up. */
export function reportTotals(files: Report['files']): Totals {
  const totals: Totals = {
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    deactivated: 0,
    rejected: 0,
    skipped: 0,
    linksRefused: 0,
  };
  for (const file of files)
    for (const key of Object.keys(totals) as (keyof Totals)[]) totals[key] += file[key];
  return totals;
}

function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The refused rows as CSV (RFC 4180), for whoever fixes them in the SIS. */
export function rejectedRowsCsv(rows: Report['rejected']): string {
  const header = ['file', 'line', 'sourcedId', 'field', 'reason', 'message', 'causedBy'];
  const lines = rows.map((row) =>
    [row.file, row.line, row.sourcedId, row.field, row.reason, row.message, row.causedBy]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
