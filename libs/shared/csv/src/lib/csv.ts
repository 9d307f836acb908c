/** A cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/**
 * A table as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break).
 * Text that a spreadsheet would take for a formula is prefixed with an apostrophe, so an exported comment
 * can never run as one (OWASP CSV injection): a leading =, +, - or @, also after leading whitespace
 * (spreadsheets trim it before they look), and a leading tab or carriage return. Numbers are written as
 * they are.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** What a spreadsheet may start a formula with, or strip to find one. */
const FORMULA = /^(?:[\t\r]|\s*[=+\-@])/;

function field(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
