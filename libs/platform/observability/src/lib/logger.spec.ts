import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { newContext, runWithContext } from './request-context';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes JSON with the service, level and the correlation id of the work in hand', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ service: 'cases', destination });
    const context = newContext({ correlationId: 'corr-12345678' });
    runWithContext(context, () => logger.info({ caseId: 'c1' }, 'case opened'));
    expect(lines[0]).toMatchObject({
      service: 'cases',
      level: 'info',
      msg: 'case opened',
      caseId: 'c1',
      correlationId: 'corr-12345678',
      traceId: context.trace.traceId,
    });
  });

  it('never writes personal data, however deep it sits', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ service: 'directory', destination });
    logger.warn(
      { email: 'parent@example.org', person: { phone: '+15551234567', contact: { name: 'Ana' } } },
      'lookup',
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('parent@example.org');
    expect(text).not.toContain('+15551234567');
    expect(text).not.toContain('Ana');
    expect(text).toContain('[redacted]');
  });
});
