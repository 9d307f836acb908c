import { z } from 'zod';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { booleanFlag, brokerList, developmentDefault, port, serviceConfigShape } from './common-schemas';

const schema = z.object({ ...serviceConfigShape, PORT: port(4002), EMAIL_ENABLED: booleanFlag(false) });

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:54329/cases',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9094',
  GATEWAY_TRUST_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  describe('development defaults', () => {
    const withLocalUrl = z.object({
      ...serviceConfigShape,
      PORTAL_URL: developmentDefault(z.url().default('http://localhost:4200')),
    });

    it('applies them in development and tests', () => {
      expect(loadConfig('cases', withLocalUrl, valid).PORTAL_URL).toBe('http://localhost:4200');
      expect(loadConfig('cases', withLocalUrl, { ...valid, NODE_ENV: 'test' }).PORTAL_URL).toBe(
        'http://localhost:4200',
      );
    });

    it('refuses to start in production until each is set, naming it', () => {
      const production = { ...valid, NODE_ENV: 'production' };
      expect(() => loadConfig('cases', withLocalUrl, production)).toThrow(
        /PORTAL_URL: must be set in production/,
      );
      // An empty value is unset, as everywhere else.
      expect(() => loadConfig('cases', withLocalUrl, { ...production, PORTAL_URL: '' })).toThrow(ConfigError);
      expect(
        loadConfig('cases', withLocalUrl, { ...production, PORTAL_URL: 'https://portal.district.example' })
          .PORTAL_URL,
      ).toBe('https://portal.district.example');
    });
  });

  it('converts and defaults variables', () => {
    const config = loadConfig('cases', schema, { ...valid, PORT: '5000', EMAIL_ENABLED: '1' });
    expect(config.PORT).toBe(5000);
    expect(config.EMAIL_ENABLED).toBe(true);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9094']);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DATABASE_POOL_SIZE).toBe(10);
  });

  it('treats empty strings as unset so that defaults apply', () => {
    expect(loadConfig('cases', schema, { ...valid, PORT: '' }).PORT).toBe(4002);
  });

  it('names every missing or bad variable at once', () => {
    let thrown: unknown;
    try {
      loadConfig('cases', schema, {
        DATABASE_URL: 'mysql://x',
        PORT: '99999',
        GATEWAY_TRUST_SECRET: 'short',
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const problems = (thrown as ConfigError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(['DATABASE_URL', 'GATEWAY_TRUST_SECRET', 'KAFKA_BROKERS', 'PORT']);
    expect((thrown as ConfigError).message).toMatch(/KAFKA_BROKERS: is required/);
  });

  it('rejects a broker list with a missing port', () => {
    expect(brokerList.safeParse('kafka-0').success).toBe(false);
    expect(brokerList.safeParse('kafka-0:9092,kafka-1:9092').success).toBe(true);
  });
});
