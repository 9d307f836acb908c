import { childTraceContext, formatTraceparent, parseTraceparent } from './trace-context';

describe('W3C traceparent', () => {
  it.each([
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', true],
    ['00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-00', false],
  ])('parses %s', (header, sampled) => {
    const parsed = parseTraceparent(header);
    expect(parsed).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      sampled,
    });
    expect(formatTraceparent(parsed!)).toBe(header.toLowerCase());
  });

  it.each([
    [undefined],
    [''],
    ['garbage'],
    ['00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
  ])('rejects %p', (header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('keeps the trace id and makes a new span for a child', () => {
    const parent = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')!;
    const child = childTraceContext(parent);
    expect(child.traceId).toBe(parent.traceId);
    expect(child.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(child.spanId).not.toBe(parent.spanId);
  });
});
