import { decodeCursor, encodeCursor } from './cursor';

describe('cursors', () => {
  it('round-trips a keyset', () => {
    const cursor = encodeCursor(['2026-11-26T12:00:00.000Z', 'c0a8']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-11-26T12:00:00.000Z', 'c0a8']);
  });

  it.each([
    ['not base64 JSON', 'bm9wZQ'],
    ['the wrong arity', encodeCursor(['a'])],
    ['an unknown version', Buffer.from(JSON.stringify(['v0', 'a', 'b'])).toString('base64url')],
    ['a nested value', Buffer.from(JSON.stringify(['v1', {}, 'b'])).toString('base64url')],
  ])('refuses %s with INVALID_CURSOR', (_, cursor) => {
    expect(() => decodeCursor(cursor, 2)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
