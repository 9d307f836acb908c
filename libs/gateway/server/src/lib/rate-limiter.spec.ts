import { FixedWindowRateLimiter } from './rate-limiter';

describe('FixedWindowRateLimiter', () => {
  const minute = 60_000;
  const start = 10 * minute;

  it('allows the limit in a window, then refuses until the window ends', () => {
    const limiter = new FixedWindowRateLimiter(3, minute);
    const decisions = [0, 1, 2, 3].map((offset) => limiter.take('client:acme', 1, start + offset * 1_000));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((decision) => decision.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions[3]!.resetSeconds).toBe(57);
    expect(limiter.take('client:acme', 1, start + minute).allowed).toBe(true);
  });

  it('counts several units at once, and reports the standing for none', () => {
    const limiter = new FixedWindowRateLimiter(10, minute);
    expect(limiter.take('address:10.0.0.1', 4, start)).toMatchObject({ allowed: true, remaining: 6 });
    expect(limiter.take('address:10.0.0.1', 0, start)).toMatchObject({ allowed: true, remaining: 6 });
    expect(limiter.take('address:10.0.0.1', 7, start)).toMatchObject({ allowed: false, remaining: 0 });
    expect(limiter.take('address:10.0.0.1', 0, start).allowed).toBe(false);
    expect(limiter.take('address:10.0.0.2', 0, start).allowed).toBe(true);
    expect(limiter.trackedKeys).toBe(1);
  });

  it('counts each caller on its own', () => {
    const limiter = new FixedWindowRateLimiter(1, minute);
    expect(limiter.take('address:10.0.0.1', 1, start).allowed).toBe(true);
    expect(limiter.take('address:10.0.0.2', 1, start).allowed).toBe(true);
    expect(limiter.take('address:10.0.0.1', 1, start).allowed).toBe(false);
  });

  it('keeps only the current window’s callers', () => {
    const limiter = new FixedWindowRateLimiter(10, minute);
    for (let caller = 0; caller < 1_000; caller += 1) limiter.take(`address:${caller}`, 1, start);
    expect(limiter.trackedKeys).toBe(1_000);
    limiter.take('address:late', 1, start + minute);
    expect(limiter.trackedKeys).toBe(1);
  });
});
