import { areaOf, type CpuProfile, foldedStacks, profileBetween, profileReport } from './cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

/** root → handler (workspace) → query (typeorm) → writev (native); root → (idle). */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
    { id: 2, callFrame: frame('handle', 'file:///w/libs/cases/data-access/src/intake.ts', 9), children: [3] },
    { id: 3, callFrame: frame('query', 'file:///w/node_modules/typeorm/driver/x.js', 184), children: [4] },
    { id: 4, callFrame: frame('writev') },
    { id: 5, callFrame: frame('(idle)') },
    { id: 6, callFrame: frame('post', 'node:inspector', 114), children: [7] },
    { id: 7, callFrame: frame('dispatch') },
  ],
  startTime: 0,
  samples: [4, 4, 3, 5, 2, 7],
  timeDeltas: [1000, 1000, 1000, 1000, 0, 9000],
};

describe('CPU profile summary', () => {
  it('names the owner of a frame: npm package (scoped too), workspace project, Node.js, V8 state', () => {
    expect(areaOf(frame('f', 'file:///w/node_modules/@apollo/server/dist/x.js'))).toBe('@apollo/server');
    expect(areaOf(frame('f', 'file:///w/node_modules/a/node_modules/pg/lib/c.js'))).toBe('pg');
    expect(areaOf(frame('f', 'file:///w/libs/cases/triage/src/t.ts'))).toBe('libs/cases/triage');
    expect(areaOf(frame('f', 'file:///w/apps/cases/src/main.ts'))).toBe('apps/cases');
    expect(areaOf(frame('f', 'node:internal/streams/writable'))).toBe('Node.js');
    expect(areaOf(frame('(garbage collector)'))).toBe('(garbage collector)');
    expect(areaOf(frame('writev'))).toBe('(native)');
  });

  it('folds the samples into one line per stack, root first, with their counts', () => {
    expect(foldedStacks(profile).trim().split('\n')).toEqual([
      '(idle)_[(idle)] 1',
      'handle_[libs/cases/data-access:10] 1',
      'handle_[libs/cases/data-access:10];query_[typeorm:185] 1',
      'handle_[libs/cases/data-access:10];query_[typeorm:185];writev_[(native)] 2',
    ]);
  });

  it("reports self time by area and by function, per operation, and the busy share, without the profiler's own calls", () => {
    const report = profileReport('intake', 'd', 'c', profile, 2);
    expect(report.name).toBe('intake-profile');
    expect(report.rows.slice(0, 3)).toEqual([
      { variant: 'area: (native)', 'self ms': 2, 'share %': 50, 'µs per operation': 1000 },
      { variant: 'area: typeorm', 'self ms': 1, 'share %': 25, 'µs per operation': 500 },
      { variant: 'area: (idle)', 'self ms': 1, 'share %': 25, 'µs per operation': 500 },
    ]);
    expect(report.rows).toContainEqual({
      variant: 'function: writev [(native)]',
      'self ms': 2,
      'share %': 50,
      'µs per operation': 1000,
    });
    expect(report.ratios['busy share of the phase (not idle)']).toBe(0.75);
  });

  it('cuts a whole profile to the samples taken within a phase', () => {
    // From a start at 500 µs the samples are taken at 1500, 2500, 3500, 4500, 4500 and 13500 µs.
    const phase = profileBetween({ ...profile, startTime: 500 }, 2500, 4500);
    expect(phase.samples).toEqual([4, 3, 5, 2]);
    expect(phase.timeDeltas).toEqual([1000, 1000, 1000, 0]);
    expect(phase.startTime).toBe(2500);
  });
});
