import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { testLogger } from '@homeroom/platform/testing';
import { CASES_ENTITIES } from '../entities';
import { CASES_MIGRATIONS } from '../migrations';
import { EmailQuarantine } from './email-quarantine';
import { KeptEmailRetention } from './kept-email-retention';

describe('kept email retention', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('kept_email_retention', {
      migrations: CASES_MIGRATIONS,
      entities: CASES_ENTITIES,
    });
  });

  afterAll(() => database.drop());

  it('deletes kept mail past the retention period, open, released or discarded, and keeps the rest', async () => {
    const quarantine = new EmailQuarantine(database.dataSource);
    const keep = (subject: string) =>
      quarantine.keep(
        Buffer.from(`Subject: ${subject}\r\n\r\nbody\r\n`),
        { sender: '', recipients: ['talk@homeroom.test'] },
        {
          reason: 'AUTO_REPLY',
          detail: 'test',
          dedupeKey: undefined,
          from: 'someone@example.org',
          subject,
        },
      );
    const ages: [string, number][] = [
      ['fresh', 1],
      ['month old', 30],
      ['old', 91],
      ['older', 400],
      ['ancient', 2000],
    ];
    for (const [subject, days] of ages) {
      const { id } = await keep(subject);
      await database.dataSource.query(
        `UPDATE quarantined_email SET received_at = now() - make_interval(days => $2),
                discarded_at = CASE WHEN $2 > 300 THEN now() END WHERE id = $1`,
        [id, days],
      );
    }
    const retention = new KeptEmailRetention(
      quarantine,
      { port: 0, host: '127.0.0.1', addresses: [], maxBytes: 1_000_000, keptEmailRetentionDays: 90 },
      testLogger(),
    );
    expect(await retention.sweep()).toBe(3);
    const left = (await database.dataSource.query(
      'SELECT subject FROM quarantined_email ORDER BY received_at DESC',
    )) as {
      subject: string;
    }[];
    expect(left.map((row) => row.subject)).toEqual(['fresh', 'month old']);
    expect(await quarantine.forgetOlderThan(10, 1)).toBe(1);
  });
});
