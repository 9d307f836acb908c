/** Rows as a CSV file's bytes (RFC 4180: cells with a comma, quote or line break quoted; CRLF lines). */
export function csvFile(rows: readonly (readonly string[])[]): Buffer {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return Buffer.from(`${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`);
}
