import { keysForSort, priorityRank, sortKeyCount, sortKeys } from './case-sort';

describe('case sorts', () => {
  const row = {
    id: 'c1',
    createdAt: new Date('2026-11-02T15:00:00Z'),
    updatedAt: new Date('2026-11-03T09:00:00Z'),
    priority: 'HIGH' as const,
    slaDueAt: null as Date | null,
  };

  it('ranks priorities so that URGENT sorts highest', () => {
    expect(['LOW', 'NORMAL', 'HIGH', 'URGENT'].map((p) => priorityRank(p as 'LOW'))).toEqual([1, 2, 3, 4]);
  });

  it('carries the keys of its sort, named, in every cursor', () => {
    expect(sortKeys('NEWEST', row)).toEqual(['NEWEST', '2026-11-02T15:00:00.000Z', 'c1']);
    expect(sortKeys('RECENTLY_UPDATED', row)).toEqual(['RECENTLY_UPDATED', '2026-11-03T09:00:00.000Z', 'c1']);
    expect(sortKeys('PRIORITY', row)).toEqual(['PRIORITY', 3, '2026-11-02T15:00:00.000Z', 'c1']);
    expect(sortKeys('PRIORITY', row)).toHaveLength(sortKeyCount('PRIORITY'));
    expect(sortKeys('SLA_DUE', { ...row, slaDueAt: new Date('2026-11-04T10:00:00Z') })).toEqual([
      'SLA_DUE',
      '2026-11-04T10:00:00.000Z',
      'c1',
    ]);
  });

  it('puts cases without a warned deadline after every dated one', () => {
    expect(sortKeys('SLA_DUE', row)).toEqual(['SLA_DUE', 'infinity', 'c1']);
    expect(sortKeys('SLA_DUE', row)).toHaveLength(sortKeyCount('SLA_DUE'));
  });

  it('refuses a cursor made for another sort', () => {
    expect(keysForSort('OLDEST', ['OLDEST', 'x', 'c1'])).toEqual(['x', 'c1']);
    expect(() => keysForSort('OLDEST', ['NEWEST', 'x', 'c1'])).toThrow(
      expect.objectContaining({ reason: 'CURSOR_SORT_MISMATCH' }),
    );
  });
});
