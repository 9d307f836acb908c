import { countFilters, defaultSort, readSavedViews, viewFilter, writeSavedViews } from './inbox-views';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear = () => this.items.clear();
  getItem = (key: string) => this.items.get(key) ?? null;
  key = (index: number) => [...this.items.keys()][index] ?? null;
  removeItem = (key: string) => void this.items.delete(key);
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

describe('inbox views', () => {
  const none = { schoolId: '', search: '' };

  it('lists open cases in every view, narrowed to the person for "Mine"', () => {
    expect(viewFilter('mine', none, 'p-1')).toEqual({
      status: ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'],
      assigneeId: 'p-1',
    });
    expect(viewFilter('unassigned', none, 'p-1')).toMatchObject({ unassigned: true });
    expect(viewFilter('breachingSoon', none, 'p-1')).toMatchObject({ slaAtRisk: true });
    expect(viewFilter('everything', none, 'p-1')).toEqual({ status: ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'] });
  });

  it('applies the school and the trimmed words to every count alike', () => {
    const counts = countFilters({ schoolId: 's-1', search: '  bus  ' }, 'p-1');
    expect(Object.keys(counts)).toEqual([
      'mine',
      'myTeams',
      'mySchools',
      'unassigned',
      'breachingSoon',
      'watching',
      'everything',
    ]);
    for (const filter of Object.values(counts))
      expect(filter).toMatchObject({ schoolId: 's-1', search: 'bus' });
  });

  it('opens "Breaching soon" nearest deadline first, the others newest first', () => {
    expect(defaultSort('breachingSoon')).toBe('SLA_DUE');
    expect(defaultSort('mine')).toBe('NEWEST');
  });

  it('reads back saved views, mending ones saved by an older portal and ignoring garbage', () => {
    const storage = new MemoryStorage();
    expect(readSavedViews(storage)).toEqual([]);
    writeSavedViews(
      [{ name: 'Bus', view: 'mine', sort: 'PRIORITY', schoolId: 's-1', search: 'bus' }],
      storage,
    );
    expect(readSavedViews(storage)).toEqual([
      { name: 'Bus', view: 'mine', sort: 'PRIORITY', schoolId: 's-1', search: 'bus' },
    ]);
    storage.setItem('homeroom.saved-views', JSON.stringify([{ name: 'Old', view: 'archived' }, 7]));
    expect(readSavedViews(storage)).toEqual([
      { name: 'Old', view: 'everything', sort: 'NEWEST', schoolId: '', search: '' },
    ]);
    storage.setItem('homeroom.saved-views', '{not json');
    expect(readSavedViews(storage)).toEqual([]);
  });
});
