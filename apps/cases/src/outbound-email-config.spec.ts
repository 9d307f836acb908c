import { ConfigError } from '@homeroom/platform/config';
import { loadCasesConfig } from './config';

const BASE = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:54329/homeroom_cases',
  KAFKA_BROKERS: '127.0.0.1:9092',
  GATEWAY_TRUST_SECRET: 'x'.repeat(32),
};

describe('outbound mail configuration', () => {
  it('is off unless SMTP_OUTBOUND_URL names a server; an empty value is off too', () => {
    expect(loadCasesConfig(BASE).SMTP_OUTBOUND_URL).toBe('');
    expect(loadCasesConfig({ ...BASE, SMTP_OUTBOUND_URL: '' }).SMTP_OUTBOUND_URL).toBe('');
    expect(loadCasesConfig({ ...BASE, SMTP_OUTBOUND_URL: 'smtp://127.0.0.1:1025' }).SMTP_OUTBOUND_URL).toBe(
      'smtp://127.0.0.1:1025',
    );
    expect(
      loadCasesConfig({ ...BASE, SMTP_OUTBOUND_URL: 'smtps://user:pass@smtp.example.org:465' })
        .SMTP_OUTBOUND_URL,
    ).toBe('smtps://user:pass@smtp.example.org:465');
  });

  it('sends as the district by default', () => {
    expect(loadCasesConfig(BASE).MAIL_FROM).toBe('Riverside Unified <talk@homeroom.test>');
    expect(loadCasesConfig({ ...BASE, MAIL_FROM: 'help@district.example' }).MAIL_FROM).toBe(
      'help@district.example',
    );
  });

  it('names a bad URL or sender', () => {
    let thrown: unknown;
    try {
      loadCasesConfig({
        ...BASE,
        SMTP_OUTBOUND_URL: 'http://mail.example.org',
        MAIL_FROM: 'Riverside Unified',
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
      'MAIL_FROM',
      'SMTP_OUTBOUND_URL',
    ]);
  });
});
