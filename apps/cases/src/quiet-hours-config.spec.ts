import { loadCasesConfig } from './config';

const BASE = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:54329/homeroom_cases',
  KAFKA_BROKERS: '127.0.0.1:9092',
  GATEWAY_TRUST_SECRET: 'x'.repeat(32),
};

describe('SMS_QUIET_HOURS', () => {
  it('is the business calendar, a fixed window, or none (the default outside the chart)', () => {
    expect(loadCasesConfig({ ...BASE, SMS_QUIET_HOURS: 'calendar' }).SMS_QUIET_HOURS).toEqual({
      kind: 'CALENDAR',
    });
    expect(loadCasesConfig({ ...BASE, SMS_QUIET_HOURS: '21:00-08:00' }).SMS_QUIET_HOURS).toEqual({
      kind: 'WINDOW',
      window: { start: 21 * 60, end: 8 * 60 },
    });
    expect(loadCasesConfig(BASE).SMS_QUIET_HOURS).toBeNull();
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => loadCasesConfig({ ...BASE, SMS_QUIET_HOURS: 'school calendar' })).toThrow(/SMS_QUIET_HOURS/);
  });
});
