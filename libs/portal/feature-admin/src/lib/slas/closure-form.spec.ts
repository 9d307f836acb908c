import { closureFromForm, describeClosure } from './closure-form';

describe('closures', () => {
  const form = {
    date: '2026-02-03',
    through: '',
    from: '',
    to: '',
    kind: 'EMERGENCY' as const,
    reason: ' Snow ',
  };

  it('sends only what was filled in', () => {
    expect(closureFromForm({ ...form, from: '11:00' })).toEqual({
      closure: { date: '2026-02-03', from: '11:00', kind: 'EMERGENCY', reason: 'Snow' },
    });
    expect(closureFromForm({ ...form, through: '2026-02-05', kind: 'BREAK' })).toEqual({
      closure: { date: '2026-02-03', through: '2026-02-05', kind: 'BREAK', reason: 'Snow' },
    });
  });

  it('refuses a closure that ends before it starts or has no reason', () => {
    expect(closureFromForm({ ...form, from: '11:00', to: '10:00' })).toEqual({
      problem: 'The closure ends before it starts.',
    });
    expect(closureFromForm({ ...form, through: '2026-02-01' })).toEqual({
      problem: 'The last day is before the first.',
    });
    expect(closureFromForm({ ...form, reason: ' ' })).toEqual({
      problem: 'Say why the district is closed (families may see it).',
    });
    expect(closureFromForm({ ...form, date: '' })).toEqual({ problem: 'Choose the day the closure starts.' });
  });

  it('refuses a day that does not exist, as the SLA service does', () => {
    expect(closureFromForm({ ...form, date: '2026-02-30' })).toEqual({
      problem: 'Choose the day the closure starts.',
    });
    expect(closureFromForm({ ...form, through: '2026-02-31' })).toEqual({
      problem: 'The last day is not a date.',
    });
  });

  it('says when a closure runs', () => {
    expect(describeClosure({ date: '2026-09-07', through: null, from: null, to: null })).toBe(
      'Mon 2026-09-07, all day',
    );
    expect(describeClosure({ date: '2026-02-03', through: null, from: '11:00', to: null })).toBe(
      'Tue 2026-02-03 from 11:00',
    );
    expect(describeClosure({ date: '2026-12-21', through: '2027-01-01', from: null, to: null })).toBe(
      'Mon 2026-12-21 to Fri 2027-01-01',
    );
  });
});
