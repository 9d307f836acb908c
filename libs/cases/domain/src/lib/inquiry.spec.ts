import { contactOf, messageBody, subjectOf } from './inquiry';
import { formatCaseNumber, parseCaseNumber } from './case-number';

describe('inquiry input', () => {
  it('requires a way to answer unless anonymous, normalizing what is given', () => {
    expect(contactOf({ name: ' Rosa ', email: 'Rosa@Example.ORG' }, false)).toEqual({
      name: 'Rosa',
      email: 'rosa@example.org',
      phone: null,
    });
    expect(contactOf({ phone: '(512) 555-0142' }, false).phone).toBe('+15125550142');
    expect(contactOf({ name: 'Rosa', email: 'rosa@example.org' }, true)).toEqual({
      name: null,
      email: null,
      phone: null,
    });
    expect(() => contactOf({ name: 'Rosa' }, false)).toThrow(
      expect.objectContaining({ reason: 'CONTACT_REQUIRED' }),
    );
    expect(() => contactOf({ email: 'rosa@' }, false)).toThrow(
      expect.objectContaining({ reason: 'INVALID_EMAIL' }),
    );
  });

  it('refuses empty and oversized messages', () => {
    expect(messageBody('  The bus was late again.\r\n ')).toBe('The bus was late again.');
    expect(() => messageBody('   ')).toThrow(expect.objectContaining({ reason: 'EMPTY_MESSAGE' }));
    expect(() => messageBody('x'.repeat(20_001))).toThrow(
      expect.objectContaining({ reason: 'MESSAGE_TOO_LONG' }),
    );
  });

  it('takes the subject from the first line when none is given', () => {
    expect(subjectOf(null, 'Bus 14 was late\nIt was 40 minutes late.')).toBe('Bus 14 was late');
    expect(subjectOf('  Late bus ', 'x')).toBe('Late bus');
    expect(subjectOf(undefined, 'y'.repeat(100))).toHaveLength(78);
  });

  it('formats and parses case numbers', () => {
    expect(formatCaseNumber('HR', 2026, 4211)).toBe('HR-2026-004211');
    expect(parseCaseNumber('hr-2026-004211')).toEqual({ prefix: 'HR', year: 2026, sequence: 4211 });
    expect(parseCaseNumber('HR-26-1')).toBeUndefined();
  });
});
