import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { staffPrincipal } from '@homeroom/platform/auth';
import type { EventData } from '@homeroom/platform/event-contracts';
import { createEnvelope } from '@homeroom/platform/messaging';
import { type FakeTwilio, testKafka, waitUntil } from '@homeroom/platform/testing';
import { BusinessCalendarChanged } from '@homeroom/slas/contracts';
import { KnownCalendars } from '@homeroom/cases/data-access';
import { type CasesTestApp, startTextingCasesApp, type TextingCasesApp } from './testing/cases-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SQL rows are checked field by field
type Json = any;
type CalendarSnapshot = EventData<typeof BusinessCalendarChanged>;

const TIME_ZONE = 'America/Chicago';
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

/** 'YYYY-MM-DD' in Chicago of an instant, and that day `days` later. */
const chicagoDay = (at: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(at));
const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The instant Chicago's clocks read `time` on `day`: CDT (UTC-5) or CST (UTC-6), whichever it is. */
function chicagoInstant(day: string, time: string): Date {
  for (const hours of [5, 6]) {
    const candidate = Date.parse(`${day}T${time}:00.000Z`) + hours * 3_600_000;
    const clock = new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(candidate));
    if (chicagoDay(candidate) === day && clock === time) return new Date(candidate);
  }
  throw new Error(`no ${time} on ${day} in ${TIME_ZONE}`);
}

/**
 * Quiet hours by the business calendar (SMS_QUIET_HOURS=calendar), against the real PostgreSQL and Kafka
 * and a loopback Twilio, with calendars published on the broker as the slas service publishes them. Each
 * test gives its own school its own calendar (other suites' calendars share the topic, and a school's own
 * calendar comes before the district's), closed today whatever the hour: a two-day holiday from today.
 */
describe('texts held while the business calendar is closed', () => {
  let twilio: FakeTwilio;
  let cases: CasesTestApp;
  let webhook: string;
  let texting: TextingCasesApp;
  let producer: Producer;
  const admin = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });

  beforeAll(async () => {
    texting = await startTextingCasesApp('cases_calendar_texts', {
      DISTRICT_TIME_ZONE: TIME_ZONE,
      SMS_QUIET_HOURS: 'calendar',
      SMS_HELD_SWEEP_SECONDS: '1',
    });
    ({ cases, twilio, webhook } = texting);
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await texting?.close();
  });

  const query = (sql: string, params: unknown[] = []): Promise<Json[]> =>
    cases.database.dataSource.query(sql, params);

  /** Publishes a snapshot as the slas service does, and waits until the cases service has taken it. */
  async function publish(data: CalendarSnapshot): Promise<void> {
    const envelope = createEnvelope('slas', BusinessCalendarChanged, { aggregateId: data.calendarId, data });
    await producer.send({
      topic: BusinessCalendarChanged.topic,
      messages: [{ key: data.calendarId, value: JSON.stringify(envelope) }],
    });
    await waitUntil(
      `calendar event ${envelope.id} taken`,
      async () => (await query('SELECT 1 FROM inbox_event WHERE event_id = $1', [envelope.id])).length > 0,
      { timeoutMs: 60_000 },
    );
  }

  const today = chicagoDay(Date.now());
  /** A school's calendar, open every day 07:30-16:30, closed today and tomorrow (a two-day holiday). */
  const closedToday = (schoolId: string, calendarId = randomUUID()): CalendarSnapshot => ({
    calendarId,
    scope: 'SCHOOL',
    schoolId,
    definition: {
      timeZone: TIME_ZONE,
      openingHours: EVERY_DAY.map((weekday) => ({ weekday, opens: '07:30', closes: '16:30' })),
      closures: [{ date: today, through: addDays(today, 1), reason: 'Winter holiday', kind: 'HOLIDAY' }],
    },
    version: 1,
    deleted: false,
  });

  const conversationAt = async (schoolId: string, phone: string, body: string): Promise<string> => {
    await twilio.text(webhook, { from: phone, body });
    const [{ id }] = await query(`SELECT id FROM support_case WHERE contact->>'phone' = $1`, [phone]);
    // Texts arrive without a school; staff set it (as the case page does) before replying.
    await query('UPDATE support_case SET school_id = $2 WHERE id = $1', [id, schoolId]);
    return id;
  };
  const reply = (caseId: string, body: string) => cases.reply(caseId, body, admin);
  const delivery = async (messageId: string) =>
    (await query('SELECT texted_at, sms_deferred_until FROM case_message WHERE id = $1', [messageId]))[0];
  const deferrals = async (caseId: string) =>
    (
      await query(
        `SELECT details FROM case_timeline WHERE case_id = $1 AND kind = 'SMS_DEFERRED' ORDER BY id`,
        [caseId],
      )
    ).map((row) => row.details);
  const textsTo = (phone: string) => twilio.messages.filter((m) => m.to === phone).map((m) => m.body);

  it("holds a reply while the school's calendar is closed, until it next opens, and texts it once open", async () => {
    const schoolId = randomUUID();
    const closed = closedToday(schoolId);
    await publish(closed);
    const phone = '+15125550150';
    const caseId = await conversationAt(schoolId, phone, 'Is the enrollment office open this week?');
    const replyId = await reply(caseId, 'It reopens after the holiday, at 7:30.');

    // The first opening after the holiday: the day after tomorrow, 07:30 in Chicago.
    const opening = chicagoInstant(addDays(today, 2), '07:30');
    await waitUntil(
      'the reply to be held',
      async () => Boolean((await delivery(replyId)).sms_deferred_until),
      {
        timeoutMs: 60_000,
      },
    );
    expect((await delivery(replyId)).sms_deferred_until).toEqual(opening);
    expect(await deferrals(caseId)).toEqual([{ messageId: replyId, until: opening.toISOString() }]);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(textsTo(phone)).toEqual([]);

    // The sweep finds it due (moved here, not waited for) while the calendar is still closed: held again,
    // until the same opening, not texted.
    await query("UPDATE case_message SET sms_deferred_until = now() - interval '1 second' WHERE id = $1", [
      replyId,
    ]);
    await waitUntil('the reply to be held again', async () => (await deferrals(caseId)).length === 2, {
      timeoutMs: 30_000,
    });
    expect((await delivery(replyId)).sms_deferred_until).toEqual(opening);
    expect(textsTo(phone)).toEqual([]);

    // The district reopens the office (the holiday taken off: version 2, open around the clock); once the
    // held time comes, the sweep finds the calendar open and texts it, once.
    await publish({
      ...closed,
      definition: {
        timeZone: TIME_ZONE,
        openingHours: EVERY_DAY.map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
        closures: [],
      },
      version: 2,
    });
    await query("UPDATE case_message SET sms_deferred_until = now() - interval '1 second' WHERE id = $1", [
      replyId,
    ]);
    await waitUntil('the held reply to be texted', async () => Boolean((await delivery(replyId)).texted_at), {
      timeoutMs: 30_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(textsTo(phone)).toEqual(['It reopens after the holiday, at 7:30.']);
    expect(await deferrals(caseId)).toHaveLength(2);
  });

  it("texts an URGENT case's reply at once, though its calendar is closed", async () => {
    const schoolId = randomUUID();
    await publish(closedToday(schoolId));
    const phone = '+15125550151';
    const caseId = await conversationAt(schoolId, phone, 'My son was not on the bus this afternoon.');
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
    expect(textsTo(phone)).toEqual(['We are calling the driver now.']);
  });

  it('keeps the newest snapshot of each calendar: a repeated or older one changes nothing, a deletion stays', async () => {
    const schoolId = randomUUID();
    const calendarId = randomUUID();
    const honolulu = (version: number): CalendarSnapshot => ({
      ...closedToday(schoolId, calendarId),
      definition: { ...closedToday(schoolId).definition!, timeZone: 'Pacific/Honolulu' },
      version,
    });
    const known = async () =>
      (await query('SELECT version, definition FROM known_calendar WHERE id = $1', [calendarId]))[0];
    const followed = () =>
      cases.app.get(KnownCalendars).calendarFor(cases.database.dataSource.manager, schoolId);

    await publish(honolulu(2));
    await publish(closedToday(schoolId, calendarId)); // version 1, late: ignored
    await publish(honolulu(2)); // the same snapshot again (the slas service restarted)
    expect(await known()).toMatchObject({ version: 2, definition: { timeZone: 'Pacific/Honolulu' } });
    expect((await followed())?.timeZone).toBe('Pacific/Honolulu');

    await publish({ ...honolulu(3), definition: null, deleted: true });
    await publish(honolulu(2)); // a snapshot from before the deletion, arriving after it
    expect(await known()).toEqual({ version: 3, definition: null });
    // The school's own calendar gone, the school follows the district's (whatever another suite last
    // published as the district's, if any), never the deleted one.
    expect((await followed())?.timeZone).not.toBe('Pacific/Honolulu');
  });
});
