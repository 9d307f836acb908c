import type { ImportOneRosterMutation, OneRosterFilesInput } from '../operations.generated';
import { formatBytes } from '../formats';

type Report = ImportOneRosterMutation['importOneRoster'];
export type OneRosterField = keyof OneRosterFilesInput;
/** The files of a set the import reads besides the manifest. */
export type DataField = Exclude<OneRosterField, 'manifest'>;

/** Every file the API takes, in the order a SIS export lists them, with what each brings in. */
export const ONEROSTER_FILES: readonly { field: OneRosterField; fileName: string; brings: string }[] = [
  {
    field: 'manifest',
    fileName: 'manifest.csv',
    brings: 'the OneRoster version and which files the set holds (required)',
  },
  { field: 'orgs', fileName: 'orgs.csv', brings: 'schools' },
  { field: 'users', fileName: 'users.csv', brings: 'students, guardians and staff' },
  { field: 'roles', fileName: 'roles.csv', brings: "people's roles at schools (1.2)" },
  { field: 'enrollments', fileName: 'enrollments.csv', brings: 'which school each student attends' },
  { field: 'demographics', fileName: 'demographics.csv', brings: 'read but not kept' },
];

/**
 * The most a request may carry. The gateway takes bodies up to 36 MiB (MAX_BODY_BYTES, docs/api/limits.md),
 * but the directory service, which receives the files, parses JSON bodies up to 25 MiB
 * (apps/directory/src/main.ts): a larger set would pass the gateway and be refused behind it.
 */
export const MAX_REQUEST_BYTES = 25 * 1024 * 1024;
/** What the request carries besides the files' text: the document, the JSON around the variables. */
const REQUEST_OVERHEAD_BYTES = 2_048;

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
  version: '1.1' | '1.2';
  modes: Record<DataField, FileMode>;
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
  if (version !== '1.1' && version !== '1.2')
    return {
      problem: `manifest.csv gives OneRoster version "${version ?? ''}"; the import reads 1.1 and 1.2.`,
    };
  const modes = {} as Record<DataField, FileMode>;
  for (const { field } of ONEROSTER_FILES) {
    if (field === 'manifest') continue;
    const mode = properties.get(`file.${field}`) ?? 'absent';
    if (mode !== 'bulk' && mode !== 'delta' && mode !== 'absent')
      return { problem: `manifest.csv says file.${field} is "${mode}"; it must be bulk, delta or absent.` };
    modes[field] = mode;
  }
  if (modes.orgs === 'absent' && modes.users === 'absent')
    return { problem: 'manifest.csv lists neither orgs.csv nor users.csv: there is nothing to import.' };
  return { version, modes };
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

/** The request's size in bytes as sent: the files' text JSON-escaped, as UTF-8, with the document around it. */
export function requestBytes(files: Partial<Record<OneRosterField, string>>): number {
  return new TextEncoder().encode(JSON.stringify({ variables: { files } })).length + REQUEST_OVERHEAD_BYTES;
}

/** Why a set of this size cannot be sent from the browser, or null when it can. */
export function sizeProblem(bytes: number): string | null {
  if (bytes <= MAX_REQUEST_BYTES) return null;
  return (
    `These files come to ${formatBytes(bytes)}; the portal can send at most ${formatBytes(MAX_REQUEST_BYTES)} at once. ` +
    'Ask your IT team to load this set with the command-line import (npm run import:oneroster), ' +
    'or import the schools first and the people in a second set.'
  );
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
  MISSING_FILE: 'a file the manifest lists is missing',
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
}

/** The report's files added up. */
export function reportTotals(files: Report['files']): Totals {
  const totals: Totals = { rows: 0, created: 0, updated: 0, unchanged: 0, deactivated: 0, rejected: 0 };
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
  const header = ['file', 'line', 'sourcedId', 'field', 'reason', 'message'];
  const lines = rows.map((row) =>
    [row.file, row.line, row.sourcedId, row.field, row.reason, row.message].map(csvCell).join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
