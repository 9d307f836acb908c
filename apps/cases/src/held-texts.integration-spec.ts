import { randomUUID } from 'node:crypto';
import { staffPrincipal } from '@homeroom/platform/auth';
import { type FakeTwilio, waitUntil } from '@homeroom/platform/testing';
import { type CasesTestApp, startTextingCasesApp, type TextingCasesApp } from './testing/cases-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SQL rows are checked field by field
type Json = any;

const TIME_ZONE = 'America/Chicago';

/** "HH:MM" in the district's time, `minutes` from now. */
function districtTime(minutes: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + minutes * 60_000));
}

/**
 * Replies by text held through the district's quiet hours (here: the two hours around now, whenever the
 * suite runs), against the real PostgreSQL and Kafka and a loopback Twilio: held with the time they go,
 * texted by the sweep once that time has come, urgent cases' replies never held.
 */
describe('texts held through quiet hours', () => {
  let twilio: FakeTwilio;
  let cases: CasesTestApp;
  let webhook: string;
  const admin = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });

  let texting: TextingCasesApp;
  beforeAll(async () => {
    texting = await startTextingCasesApp('cases_held_texts', {
      DISTRICT_TIME_ZONE: TIME_ZONE,
      SMS_QUIET_HOURS: `${districtTime(-60)}-${districtTime(60)}`,
      SMS_HELD_SWEEP_SECONDS: '1',
    });
    ({ cases, twilio, webhook } = texting);
  });

  afterAll(async () => {
    await texting?.close();
  });

  const query = (sql: string, params: unknown[] = []): Promise<Json[]> =>
    cases.database.dataSource.query(sql, params);
  const conversationOf = async (phone: string, body: string): Promise<string> => {
    await twilio.text(webhook, { from: phone, body });
    return (await query(`SELECT id FROM support_case WHERE contact->>'phone' = $1`, [phone]))[0].id;
  };
  const reply = (caseId: string, body: string) => cases.reply(caseId, body, admin);
  const delivery = async (messageId: string) =>
    (await query('SELECT texted_at, sms_deferred_until FROM case_message WHERE id = $1', [messageId]))[0];

  it('holds a reply until the quiet hours end, then texts it once', async () => {
    const phone = '+15125550140';
    const caseId = await conversationOf(phone, 'Is the library open late tonight?');
    const replyId = await reply(caseId, 'Yes, until 8 pm.');
    await waitUntil(
      'the reply to be held',
      async () => Boolean((await delivery(replyId)).sms_deferred_until),
      {
        timeoutMs: 60_000,
      },
    );
    const { sms_deferred_until: until } = await delivery(replyId);
    // The end of the window: about an hour from now, on the minute.
    expect(until.getTime() - Date.now()).toBeGreaterThan(55 * 60_000);
    expect(until.getTime() - Date.now()).toBeLessThan(61 * 60_000);
    expect(until.getUTCSeconds()).toBe(0);
    const [held] = await query(
      `SELECT details FROM case_timeline WHERE case_id = $1 AND kind = 'SMS_DEFERRED'`,
      [caseId],
    );
    expect(held.details).toEqual({ messageId: replyId, until: until.toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(twilio.messages.filter((m) => m.to === phone)).toEqual([]);

    // The time comes (moved here, not waited for): the sweep texts it, once.
    await query("UPDATE case_message SET sms_deferred_until = now() - interval '1 second' WHERE id = $1", [
      replyId,
    ]);
    await waitUntil('the held reply to be texted', async () => Boolean((await delivery(replyId)).texted_at), {
      timeoutMs: 30_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(twilio.messages.filter((m) => m.to === phone).map((m) => m.body)).toEqual(['Yes, until 8 pm.']);
  });

  it("texts an urgent case's reply at once, quiet hours or not", async () => {
    const phone = '+15125550141';
    const caseId = await conversationOf(phone, 'My child did not come home from the bus stop.');
    await query(`UPDATE support_case SET priority = 'URGENT' WHERE id = $1`, [caseId]);
    const replyId = await reply(caseId, 'We are calling the driver now.');
    await waitUntil(
      'the urgent reply to be texted',
      async () => Boolean((await delivery(replyId)).texted_at),
      {
        timeoutMs: 60_000,
      },
    );
    expect((await delivery(replyId)).sms_deferred_until).toBeNull();
  });
});
