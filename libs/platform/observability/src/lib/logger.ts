import pino, { type Logger, type LoggerOptions } from 'pino';
import { type LogFormat, readableLogLines } from './log-lines';
import { currentContext } from './request-context';

export type { Logger } from 'pino';

/**
 * Field names that may hold personal data (FERPA): their values never reach a log line, wherever they
 * sit in the logged object. Log ids, not people. (`message` is not listed: it is every error's text, which
 * operators need; message bodies are logged as `body`, never as `message`.)
 */
export const PERSONAL_DATA_KEYS = [
  'email',
  'emails',
  'phone',
  'phones',
  'name',
  'firstName',
  'lastName',
  'displayName',
  'address',
  'body',
  'subject',
  'comment',
  'password',
  'secret',
  'token',
  'authorization',
  'cookie',
] as const;

const redactPaths = PERSONAL_DATA_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface LoggerSettings {
  service: string;
  level?: string;
  /** Where lines go; stdout by default (the platform's log shipper reads it). */
  destination?: pino.DestinationStream;
  /** JSON lines (the default, for a log shipper), or lines for a person at a terminal (`npm start`). */
  format?: LogFormat;
}

/** JSON lines with the service name, the correlation and trace ids of the work in hand, and no personal data. */
export function createLogger({ service, level = 'info', destination, format }: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level,
    base: { service },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [...redactPaths, 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
    mixin() {
      const context = currentContext();
      return context ? { correlationId: context.correlationId, traceId: context.trace.traceId } : {};
    },
  };
  const target = destination ?? (format === 'lines' ? readableLogLines() : undefined);
  return target ? pino(options, target) : pino(options);
}
