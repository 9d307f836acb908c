import { parse } from 'csv-parse/sync';
import { InvalidInputException } from '@homeroom/shared/errors';
import { IMPORT_REASONS } from './import-report';

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/**
 * A OneRoster CSV file as rows keyed by header. Bytes must be UTF-8 (a byte-order mark is allowed and
 * dropped); quoting follows RFC 4180. A file that cannot be read at all is refused whole, naming the file.
 */
export function readCsv(file: string, bytes: Buffer, requiredColumns: readonly string[]): CsvRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw fileProblem(file, IMPORT_REASONS.invalidEncoding, `${file} is not UTF-8 text`);
  }
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: false,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw fileProblem(file, IMPORT_REASONS.malformedCsv, `${file}: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) return [];
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (missing.length) {
    throw fileProblem(
      file,
      IMPORT_REASONS.missingColumn,
      `${file} lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  }
  return rows.map((cells, index) => ({
    line: index + 2,
    values: Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ''])),
  }));
}

export function fileProblem(file: string, reason: string, message: string): InvalidInputException {
  return new InvalidInputException(message, [{ path: file, message }], reason);
}
