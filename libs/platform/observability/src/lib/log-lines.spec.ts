import { createLogger } from './logger';
import { readableLogLine, readableLogLines } from './log-lines';

describe('readable log lines', () => {
  it('puts the time, level, service and component first, the message next, then the other fields', () => {
    const line = readableLogLine(
      JSON.stringify({
        level: 'warn',
        time: '2026-12-06T14:03:09.123Z',
        service: 'cases',
        component: 'kafkajs',
        msg: 'Restarting the consumer',
        retryTime: 300,
        groupId: 'cases service',
      }),
    );
    expect(line).toBe(
      '14:03:09  WARN   cases kafkajs  Restarting the consumer  retryTime=300  groupId="cases service"',
    );
  });

  it('leaves a line that is not JSON as it is', () => {
    expect(readableLogLine('plain words\n')).toBe('plain words');
  });

  it('keeps personal data out, as the JSON does', () => {
    const written: string[] = [];
    const logger = createLogger({
      service: 'directory',
      destination: readableLogLines({ write: (text: string) => written.push(text) }),
    });
    logger.info({ email: 'rosa@example.org', personId: 'p1' }, 'person updated');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(
      /^\d\d:\d\d:\d\d {2}INFO {3}directory {2}person updated {2}email=\[redacted\] {2}personId=p1\n$/,
    );
  });
});
