import { isTransientConnectionError, retryingStartup } from './startup-retry';

const poolTimeout = () => new Error('timeout exceeded when trying to connect');

describe('start-up work on the database', () => {
  it('tells a slow or restarting database from a real refusal', () => {
    expect(isTransientConnectionError(poolTimeout())).toBe(true);
    expect(isTransientConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientConnectionError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(isTransientConnectionError(Object.assign(new Error('starting'), { code: '57P03' }))).toBe(true);
    expect(isTransientConnectionError(Object.assign(new Error('password'), { code: '28P01' }))).toBe(false);
    expect(isTransientConnectionError(new Error('relation "topic" does not exist'))).toBe(false);
    expect(isTransientConnectionError(undefined)).toBe(false);
  });

  it('does the work again after transient errors, waiting longer each time, and says so', async () => {
    const waits: number[] = [];
    const retries: number[] = [];
    let calls = 0;
    const result = await retryingStartup(
      async () => {
        calls += 1;
        if (calls < 3) throw poolTimeout();
        return 'built';
      },
      (_error, failed) => retries.push(failed),
      { attempts: 5, waitMs: (failed) => failed * 100 },
      async (ms) => waits.push(ms),
    );
    expect(result).toBe('built');
    expect(retries).toEqual([1, 2]);
    expect(waits).toEqual([100, 200]);
  });

  it('gives up after its attempts, and at once on any other error', async () => {
    const noWait = async () => undefined;
    let calls = 0;
    await expect(
      retryingStartup(
        async () => {
          calls += 1;
          throw poolTimeout();
        },
        () => undefined,
        { attempts: 3, waitMs: () => 0 },
        noWait,
      ),
    ).rejects.toThrow('timeout exceeded');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retryingStartup(
        async () => {
          calls += 1;
          throw new Error('relation "topic" does not exist');
        },
        () => undefined,
        undefined,
        noWait,
      ),
    ).rejects.toThrow('does not exist');
    expect(calls).toBe(1);
  });
});
