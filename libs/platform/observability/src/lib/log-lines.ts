import type { DestinationStream } from 'pino';

/** How a service writes its logs: JSON lines for a log shipper (production), or lines people read. */
export const LOG_FORMATS = ['json', 'lines'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Fields every line has, shown in its head rather than repeated as key=value. */
const HEAD_FIELDS = new Set(['level', 'time', 'msg', 'service', 'component', 'pid', 'hostname']);

/**
 * One JSON log line as a person reads it on a terminal: `14:03:09 WARN  cases kafkajs  message  key=value`.
 * The same redacted fields as the JSON (redaction happens before this); a line that is not JSON is left as it is.
 */
export function readableLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.replace(/\n$/, '');
  }
  const time = typeof entry['time'] === 'string' ? entry['time'].slice(11, 19) : '';
  const level = String(entry['level'] ?? 'info')
    .toUpperCase()
    .padEnd(5);
  const source = [entry['service'], entry['component']].filter(Boolean).join(' ');
  const details = Object.entries(entry)
    .filter(([key, value]) => !HEAD_FIELDS.has(key) && value !== undefined)
    .map(
      ([key, value]) => `${key}=${typeof value === 'string' ? quoteIfSpaced(value) : JSON.stringify(value)}`,
    );
  return [time, level, source, entry['msg'] ?? '', ...details].filter((part) => part !== '').join('  ');
}

/** A pino destination that writes readable lines to `out` (stdout by default). */
export function readableLogLines(out: { write(text: string): unknown } = process.stdout): DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line) out.write(`${readableLogLine(line)}\n`);
    },
  };
}

function quoteIfSpaced(value: string): string {
  return /\s/.test(value) ? JSON.stringify(value) : value;
}
