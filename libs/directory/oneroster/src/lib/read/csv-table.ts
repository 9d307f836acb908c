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
  try {
    return await parseGradually(text, {
      fed: (characters) => onProgress?.(Math.round((characters / text.length) * bytes.length), bytes.length),
      header: (rawHeader) => {
        const header = namedColumns(rawHeader).map(renameColumn);
        const missing = requiredColumns.filter((column) => !header.includes(column));
        if (missing.length)
          throw fileProblem(
            file,
            IMPORT_REASONS.missingColumn,
            `${file} lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
          );
        return header;
      },
      misfit: (line, cells, named) =>
        fileProblem(
          file,
          IMPORT_REASONS.malformedCsv,
          `${file}: line ${line} has ${cells} cells where the header has ${named}`,
        ),
    });
  } catch (error) {
    if (error instanceof InvalidInputException) throw error;
    throw fileProblem(file, IMPORT_REASONS.malformedCsv, `${file}: ${(error as Error).message}`);
  }
}

/** Exports end headers with empty names (`…,endDate,,`) whose rows stop before them, or carry them too. */
function namedColumns(rawHeader: string[]): string[] {
  let named = rawHeader.length;
  while (named > 0 && rawHeader[named - 1] === '') named -= 1;
  return rawHeader.slice(0, named);
}

interface RowShape {
  /** How much of the text the parser has been given. */
  fed: (characters: number) => void;
  /** The columns rows are keyed by, from the header record (or a refusal). */
  header: (rawHeader: string[]) => string[];
  /** The refusal for a row whose cells do not fit the header. */
  misfit: (line: number, cells: number, named: number) => Error;
}

/** Parses slice by slice, each record made a row as it comes, so no pass over a million rows blocks. */
function parseGradually(text: string, shape: RowShape): Promise<CsvRow[]> {
  return new Promise((resolve, reject) => {
    const rows: CsvRow[] = [];
    let header: string[] | undefined;
    let rawWidth = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
    parser.on('readable', () => {
      let cells: string[] | null;
      while (!failed && (cells = parser.read() as string[] | null) !== null) {
        try {
          if (!header) {
            header = shape.header(cells);
            rawWidth = cells.length;
            continue;
          }
          if (cells.length !== rawWidth && cells.length !== header.length)
            throw shape.misfit(rows.length + 2, cells.length, header.length);
          const values: Record<string, string> = {};
          for (let i = 0; i < header.length; i += 1) values[header[i]!] = cells[i] ?? '';
          rows.push({ line: rows.length + 2, values });
        } catch (error) {
          fail(error);
        }
      }
    });
    parser.on('error', fail);
    parser.on('end', () => {
      if (!failed) resolve(rows);
    });
    const feed = (start: number) => {
      if (failed) return;
      if (start >= text.length) {
        parser.end();
        return;
      }
      parser.write(text.slice(start, start + SLICE));
      shape.fed(Math.min(start + SLICE, text.length));
      setImmediate(feed, start + SLICE);
    };
    feed(0);
  });
}

export function fileProblem(file: string, reason: string, message: string): InvalidInputException {
  return new InvalidInputException(message, [{ path: file, message }], reason);
}
