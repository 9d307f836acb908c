import { parse } from 'csv-parse';
import { InvalidInputException } from '@homeroom/shared/errors';
import { IMPORT_REASONS } from '../import-report';

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** Characters handed to the parser at a time, the event loop free between them. */
const SLICE = 1 << 20;

/**
 * A OneRoster CSV file as rows keyed by header. Bytes must be UTF-8 (a byte-order mark is allowed and
 * dropped); quoting follows RFC 4180. A file that cannot be read at all is refused whole, naming the file.
 * `renameColumn` maps a header as exported to the name the importer reads (older OneRoster versions' names);
 * `onProgress` hears how many of the file's bytes have been parsed.
 *
 * The text goes to the parser a megabyte at a time with the event loop let go in between: a SIS export of a
 * million people takes seconds to parse, and the service keeps answering (its health checks, the portal
 * asking how the import is going) meanwhile.
 */
export async function readCsv(
  file: string,
  bytes: Buffer,
  requiredColumns: readonly string[],
  {
    renameColumn = (column) => column,
    onProgress,
  }: { renameColumn?: (column: string) => string; onProgress?: (parsed: number, of: number) => void } = {},
): Promise<CsvRow[]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw fileProblem(file, IMPORT_REASONS.invalidEncoding, `${file} is not UTF-8 text`);
  }
  let records: string[][];
  try {
    records = await parseGradually(text, (characters) =>
      onProgress?.(Math.round((characters / text.length) * bytes.length), bytes.length),
    );
  } catch (error) {
    throw fileProblem(file, IMPORT_REASONS.malformedCsv, `${file}: ${(error as Error).message}`);
  }
  const [rawHeader, ...rows] = records;
  if (!rawHeader) return [];
  // Exports end headers with empty names (`…,endDate,,`) whose rows stop before them, or carry them too.
  let named = rawHeader.length;
  while (named > 0 && rawHeader[named - 1] === '') named -= 1;
  const header = rawHeader.slice(0, named).map(renameColumn);
  const misfit = rows.findIndex((cells) => cells.length !== rawHeader.length && cells.length !== named);
  if (misfit >= 0)
    throw fileProblem(
      file,
      IMPORT_REASONS.malformedCsv,
      `${file}: line ${misfit + 2} has ${rows[misfit]!.length} cells where the header has ${named}`,
    );
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

function parseGradually(text: string, fed: (characters: number) => void): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const records: string[][] = [];
    let failed = false;
    const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
    parser.on('readable', () => {
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) records.push(record);
    });
    parser.on('error', (error) => {
      failed = true;
      reject(error);
    });
    parser.on('end', () => resolve(records));
    const feed = (start: number) => {
      if (failed) return;
      if (start >= text.length) {
        parser.end();
        return;
      }
      parser.write(text.slice(start, start + SLICE));
      fed(Math.min(start + SLICE, text.length));
      setImmediate(feed, start + SLICE);
    };
    feed(0);
  });
}

export function fileProblem(file: string, reason: string, message: string): InvalidInputException {
  return new InvalidInputException(message, [{ path: file, message }], reason);
}
