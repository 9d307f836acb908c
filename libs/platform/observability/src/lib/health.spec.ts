import { checkReadiness } from './health';

describe('checkReadiness', () => {
  it('is ready only when every check passes, and reports each', async () => {
    const report = await checkReadiness([
      { name: 'database', check: async () => undefined },
      { name: 'kafka', check: async () => Promise.reject(new Error('connection refused')) },
    ]);
    expect(report.ready).toBe(false);
    expect(report.checks['database']?.ok).toBe(true);
    expect(report.checks['kafka']).toMatchObject({ ok: false, error: 'connection refused' });
  });

  it('treats a check that hangs as failed', async () => {
    const report = await checkReadiness([{ name: 'slow', check: () => new Promise(() => undefined) }], 50);
    expect(report.ready).toBe(false);
    expect(report.checks['slow']?.error).toMatch(/did not answer within 50 ms/);
  });
});
