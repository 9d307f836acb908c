import { ConfigError } from '@homeroom/platform/config';
import { loadCasesConfig } from './config';
import { attachmentOptions } from './extensions-config';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://u:p@127.0.0.1:54329/homeroom_cases',
  KAFKA_BROKERS: '127.0.0.1:9092',
  GATEWAY_TRUST_SECRET: 'x'.repeat(32),
  ATTACHMENT_URL_SECRET: 'y'.repeat(32),
  PORTAL_URL: 'http://localhost:4200',
  MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
};

function problems(environment: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadCasesConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('attachment storage configuration', () => {
  it('keeps attachments in the database by default, in production with no directory at all', () => {
    const config = loadCasesConfig(PRODUCTION);
    expect(config.ATTACHMENT_STORAGE).toBe('database');
    expect(attachmentOptions(config).storage).toEqual({ kind: 'database', previousDirectory: undefined });
    expect(attachmentOptions(loadCasesConfig({ ...PRODUCTION, ATTACHMENT_STORAGE: '' })).storage.kind).toBe(
      'database',
    );
  });

  it("reads an earlier install's directory through, never writing it, when ATTACHMENT_STORAGE_DIR stays set", () => {
    const config = loadCasesConfig({
      ...PRODUCTION,
      ATTACHMENT_STORAGE_DIR: '/var/lib/homeroom/attachments',
    });
    expect(attachmentOptions(config).storage).toEqual({
      kind: 'database',
      previousDirectory: '/var/lib/homeroom/attachments',
    });
  });

  it('keeps files in a directory only when asked, and production must then name it', () => {
    expect(
      attachmentOptions(
        loadCasesConfig({
          ...PRODUCTION,
          ATTACHMENT_STORAGE: 'filesystem',
          ATTACHMENT_STORAGE_DIR: '/srv/a',
        }),
      ).storage,
    ).toEqual({ kind: 'filesystem', directory: '/srv/a' });
    expect(problems({ ...PRODUCTION, ATTACHMENT_STORAGE: 'filesystem' })).toEqual([
      {
        variable: 'ATTACHMENT_STORAGE_DIR',
        message: 'is required in production when ATTACHMENT_STORAGE is filesystem',
      },
    ]);
  });

  it('refuses an unknown storage, naming the variable', () => {
    expect(problems({ ...PRODUCTION, ATTACHMENT_STORAGE: 's3' })).toEqual([
      { variable: 'ATTACHMENT_STORAGE', message: 'must be database or filesystem' },
    ]);
  });
});
