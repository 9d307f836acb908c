import { afterRequesterReply, assertTransition, canTransition, isOpen } from './case-lifecycle';

describe('case lifecycle', () => {
  it.each([
    ['NEW', 'OPEN', true],
    ['OPEN', 'PENDING', true],
    ['PENDING', 'OPEN', true],
    ['ON_HOLD', 'RESOLVED', true],
    ['RESOLVED', 'OPEN', true],
    ['RESOLVED', 'PENDING', false],
    ['CLOSED', 'OPEN', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('refuses an impossible change with a stable reason', () => {
    expect(() => assertTransition('CLOSED', 'OPEN')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'INVALID_STATUS_TRANSITION' }),
    );
    expect(() => assertTransition('OPEN', 'OPEN')).not.toThrow();
  });

  it('counts only cases in hand toward the backlog', () => {
    expect(isOpen('PENDING')).toBe(true);
    expect(isOpen('RESOLVED')).toBe(false);
  });

  const now = new Date('2026-11-26T12:00:00Z');
  it.each([
    ['a reply to a case waiting on the family puts it back with staff', 'PENDING', null, 'OPEN'],
    ['an open case stays open', 'OPEN', null, 'OPEN'],
    ['a resolved case reopens within the window', 'RESOLVED', new Date('2026-11-20T12:00:00Z'), 'OPEN'],
    ['after the window, a new linked case', 'RESOLVED', new Date('2026-10-01T12:00:00Z'), 'NEW_CASE'],
    ['a closed case is final', 'CLOSED', new Date('2026-11-25T12:00:00Z'), 'NEW_CASE'],
  ] as const)('%s', (_, status, resolvedAt, outcome) => {
    expect(afterRequesterReply(status, resolvedAt, now, 14)).toBe(outcome);
  });
});
