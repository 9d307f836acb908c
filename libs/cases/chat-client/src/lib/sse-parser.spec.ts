import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('reads events split anywhere across chunks, with every kind of line end', () => {
    const stream =
      'retry: 3000\r\n\r\nid: m1\nevent: message\ndata: {"a":1}\n\n: keep-alive\n\nevent: ended\rdata: {}\r\n\r\n';
    // Every split point gives the same events: a chunk may end inside a line, or between CR and LF.
    for (let split = 0; split <= stream.length; split += 1) {
      const parser = new SseParser();
      const events = [...parser.push(stream.slice(0, split)), ...parser.push(stream.slice(split))];
      expect(events).toEqual([
        { event: 'message', data: '{"a":1}', id: 'm1' },
        { event: 'ended', data: '{}', id: 'm1' },
      ]);
      expect(parser.retryMs).toBe(3000);
    }
  });

  it('joins data lines, defaults the type, and skips events without data', () => {
    const parser = new SseParser();
    expect(parser.push('data: one\ndata:two\n\nevent: nothing\n\ndata\n\n')).toEqual([
      { event: 'message', data: 'one\ntwo' },
      { event: 'message', data: '' },
    ]);
  });

  it('keeps a line without its end until the end comes', () => {
    const parser = new SseParser();
    expect(parser.push('data: half')).toEqual([]);
    expect(parser.push(' a line\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'message', data: 'half a line' }]);
  });

  it('ignores unknown fields, a retry that is not a number, and an id with a NUL', () => {
    const parser = new SseParser();
    expect(parser.push('colour: blue\nretry: soon\nid: a\0b\ndata: x\n\n')).toEqual([
      { event: 'message', data: 'x' },
    ]);
    expect(parser.retryMs).toBeUndefined();
  });
});
