import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { createTransport } from 'nodemailer';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ANONYMOUS, type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import {
  type FakeTwilio,
  freePort,
  startFakeTwilio,
  subgraphClient,
  testKafka,
  testKafkaBrokers,
  uniqueName,
  waitUntil,
  startGroupAtEnd,
} from '@homeroom/platform/testing';
import { CASES_TOPIC, CaseMessageAdded } from '@homeroom/cases/contracts';
import { CASES_ENTITIES, CASES_MIGRATIONS } from '@homeroom/cases/data-access';
import { SurveyInvitationIssued } from '@homeroom/surveys/contracts';
// The development mail catcher stands in for the district's SMTP relay, as it does on a developer's machine.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  type CaughtMessage,
  type MailCatcher,
  startMailCatcher,
} from '../../../tools/mail-catcher/mail-catcher';
import { loadCasesConfig } from './config';
import { CasesAppModule } from './cases-app.module';

const SECRET = 'cases-outbound-secret-0123456789abcdef';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL and SQL rows are checked field by field
type Json = any;

/**
 * Staff replies reach the requester by email over real SMTP (the mail catcher on loopback), driven by the
 * service's own CaseMessageAdded events through Kafka, and the requester's answers to the reply address
 * come back into the same case through the SMTP intake.
 */
describe('outbound email', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;
  let catcher: MailCatcher;
  let twilio: FakeTwilio;
  let intakePort: number;
  let outboundPort: number;
  let catcherHttpPort: number;
  const consumerGroup = uniqueName('cases-outbound-test', '-');
  const staff: Principal = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });

  beforeAll(async () => {
    database = await createTestDatabase('cases_outbound', {
      migrations: CASES_MIGRATIONS,
      entities: CASES_ENTITIES,
    });
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    twilio = await startFakeTwilio();
    outboundPort = catcher.smtpPort;
    catcherHttpPort = catcher.httpPort;
    intakePort = await freePort();
    const config = loadCasesConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: consumerGroup,
      GATEWAY_TRUST_SECRET: SECRET,
      SMTP_INTAKE_PORT: String(intakePort),
      SMTP_OUTBOUND_URL: `smtp://127.0.0.1:${outboundPort}`,
      SMS_PROVIDER_URL: twilio.url,
      SMS_ACCOUNT_SID: twilio.accountSid,
      SMS_AUTH_TOKEN: twilio.authToken,
      SMS_FROM: '+15125550100',
    });
    // Start with what this test publishes, not with every earlier run's events.
    await startGroupAtEnd(config.KAFKA_CONSUMER_GROUP);
    app = await NestFactory.create(CasesAppModule.forRoot(config), { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`;
  });

  afterAll(async () => {
    await app?.close();
    await catcher?.close();
    await twilio?.close();
    await database?.drop();
  });

  const graphql = async (query: string, variables: Record<string, unknown>, principal: Principal = staff) => {
    const result = await subgraphClient(url, SECRET)(query, variables, principal);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const reply = async (caseId: string, body: string): Promise<string> =>
    (
      await graphql('mutation($id: ID!, $b: String!) { replyToCase(caseId: $id, body: $b) { id } }', {
        id: caseId,
        b: body,
      })
    ).replyToCase.id;
  const note = async (caseId: string, body: string): Promise<string> =>
    (
      await graphql('mutation($id: ID!, $b: String!) { addInternalNote(caseId: $id, body: $b) { id } }', {
        id: caseId,
        b: body,
      })
    ).addInternalNote.id;

  /** The requester's mail program, talking to the intake listener. */
  const requesterMail = (mail: Record<string, unknown>) =>
    createTransport({ host: '127.0.0.1', port: intakePort, secure: false, ignoreTLS: true }).sendMail(mail);

  /** What the catcher holds for an address, through its JSON API, oldest first. */
  const mailTo = async (address: string): Promise<CaughtMessage[]> => {
    const response = await fetch(`${catcher.url}/api/messages`);
    const messages = (await response.json()) as CaughtMessage[];
    return messages.filter((message) => message.envelope.to.includes(address)).reverse();
  };
  const row = async (sql: string, parameters: unknown[]): Promise<Json> =>
    (await database.dataSource.query(sql, parameters))[0];
  const casesFrom = (email: string): Promise<Json[]> =>
    database.dataSource.query(
      `SELECT id, number, subject, reply_token FROM support_case WHERE contact->>'email' = $1 ORDER BY created_at`,
      [email],
    );
  const message = (id: string): Promise<Json> =>
    row('SELECT email_message_id, delivered_at, email_skipped FROM case_message WHERE id = $1', [id]);
  const emailsSent = async (messageId: string): Promise<number> =>
    (
      await row(
        `SELECT count(*)::int AS n FROM case_timeline WHERE kind = 'EMAIL_SENT' AND details->>'messageId' = $1`,
        [messageId],
      )
    ).n;
  /** Waits until this app's consumer has applied (or skipped) the event that announced a message. */
  const eventHandled = async (messageId: string): Promise<void> => {
    const { event_id: eventId } = await row(
      `SELECT event_id FROM outbox_event WHERE envelope->'data'->>'messageId' = $1`,
      [messageId],
    );
    await waitUntil(
      `the CaseMessageAdded of ${messageId} to be handled`,
      async () =>
        Boolean(
          await row('SELECT 1 AS ok FROM inbox_event WHERE consumer_group = $1 AND event_id = $2', [
            consumerGroup,
            eventId,
          ]),
        ),
      { timeoutMs: 60_000 },
    );
  };

  let rosaCase: { id: string; number: string; reply_token: string };
  let firstReplyId: string;

  it('emails a staff reply to the requester, from the district, answering to the case reply address', async () => {
    await requesterMail({
      from: 'Rosa Parks <rosa.parks@example.org>',
      to: 'talk@homeroom.test',
      subject: 'Bus 14 keeps missing our stop',
      messageId: '<rosa-1@mail.example.org>',
      text: 'The bus skipped our stop on Elm Street twice this week.',
    });
    [rosaCase] = await casesFrom('rosa.parks@example.org');
    expect(rosaCase!.reply_token).toMatch(/^[a-z2-7]{20}$/);

    firstReplyId = await reply(rosaCase!.id, 'We are sorry. The route is being fixed this week.');
    await waitUntil(
      'the reply in the catcher',
      async () => (await mailTo('rosa.parks@example.org')).length > 0,
      {
        timeoutMs: 60_000,
      },
    );
    await waitUntil('delivery to be recorded', async () => (await emailsSent(firstReplyId)) === 1, {
      timeoutMs: 10_000,
    });
    const mails = await mailTo('rosa.parks@example.org');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({
      to: ['rosa.parks@example.org'],
      replyTo: `talk+${rosaCase!.reply_token}@homeroom.test`,
      subject: `Re: [${rosaCase!.number}] Bus 14 keeps missing our stop`,
      messageId: `<${firstReplyId}@homeroom.test>`,
      inReplyTo: '<rosa-1@mail.example.org>',
      references: ['<rosa-1@mail.example.org>'],
    });
    expect(mail!.from).toMatch(/Riverside Unified.*<talk@homeroom\.test>/);
    expect(mail!.headers['auto-submitted']).toBeUndefined();
    expect(mail!.text).toContain('We are sorry. The route is being fixed this week.');
    expect(mail!.text).toContain(`Case ${rosaCase!.number}`);
    expect(mail!.text).toMatch(/tracking link/);

    const delivered = await message(firstReplyId);
    expect(delivered.email_message_id).toBe(`${firstReplyId}@homeroom.test`);
    expect(delivered.delivered_at).toBeInstanceOf(Date);
    expect(delivered.email_skipped).toBeNull();
  });

  it("threads the requester's answer to the reply address into the case, without a case number", async () => {
    const replyTo = `talk+${rosaCase.reply_token}@homeroom.test`;
    await requesterMail({
      from: 'rosa.parks@example.org',
      to: replyTo,
      subject: 'Thanks, but it was late again',
      inReplyTo: `<${firstReplyId}@homeroom.test>`,
      references: [`<rosa-1@mail.example.org>`, `<${firstReplyId}@homeroom.test>`],
      messageId: '<rosa-2@mail.example.org>',
      text: `It was late again today.\n\nOn Tue, Nov 24, 2026 Riverside Unified <talk@homeroom.test> wrote:\n> We are sorry.`,
    });
    // Someone the requester forwarded the thread to answers too: the token, not the sender, is the proof.
    await requesterMail({
      from: 'Marcus Parks <marcus@example.net>',
      to: replyTo,
      subject: 'Fwd: Re: bus',
      text: 'I drive them now until it is fixed.',
    });
    expect(await casesFrom('rosa.parks@example.org')).toHaveLength(1);
    expect(await casesFrom('marcus@example.net')).toHaveLength(0);
    const messages: Json[] = await database.dataSource.query(
      'SELECT direction, body, email_message_id FROM case_message WHERE case_id = $1 ORDER BY created_at, id',
      [rosaCase.id],
    );
    expect(messages.map((m) => [m.direction, m.body])).toEqual([
      ['INBOUND', 'The bus skipped our stop on Elm Street twice this week.'],
      ['OUTBOUND', 'We are sorry. The route is being fixed this week.'],
      ['INBOUND', 'It was late again today.'],
      ['INBOUND', 'I drive them now until it is fixed.'],
    ]);
    expect(messages[2].email_message_id).toBe('rosa-2@mail.example.org');

    // The next reply answers the requester's latest known message and carries the whole thread.
    const second = await reply(rosaCase.id, 'Thank you both; the new driver starts Monday.');
    await waitUntil('the second reply', async () => (await emailsSent(second)) === 1, { timeoutMs: 60_000 });
    const mails = await mailTo('rosa.parks@example.org');
    expect(mails).toHaveLength(2);
    expect(mails[1]).toMatchObject({
      inReplyTo: expect.stringMatching(/^<[^>]+@/),
      references: expect.arrayContaining(['<rosa-1@mail.example.org>', '<rosa-2@mail.example.org>']),
      replyTo,
    });
  });

  it('sends nothing for an internal note, nor for an anonymous web-form case', async () => {
    const before = catcher.messages().length;
    const noteId = await note(rosaCase.id, 'Driver shortage on route 14.');
    await eventHandled(noteId);
    expect(await message(noteId)).toEqual({
      email_message_id: null,
      delivered_at: null,
      email_skipped: null,
    });

    const submitted = await graphql(
      'mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber } }',
      { input: { message: 'A bus driver was rude to my child.', anonymous: true } },
      { kind: 'anonymous' },
    );
    const { id: anonymousCaseId } = await row('SELECT id FROM support_case WHERE number = $1', [
      submitted.submitInquiry.caseNumber,
    ]);
    const answered = await reply(anonymousCaseId, 'Thank you for telling us; we are looking into it.');
    await eventHandled(answered);
    expect((await message(answered)).email_skipped).toBe('ANONYMOUS');
    expect(catcher.messages()).toHaveLength(before);
  });

  it('does not send a delivered reply again when its event comes again', async () => {
    const before = catcher.messages().length;
    const again = createEnvelope('cases', CaseMessageAdded, {
      aggregateId: rosaCase.id,
      data: {
        caseId: rosaCase.id,
        messageId: firstReplyId,
        direction: 'OUTBOUND',
        at: new Date().toISOString(),
      },
    });
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: CASES_TOPIC,
      messages: [{ key: rosaCase.id, value: JSON.stringify(again) }],
    });
    await producer.disconnect();
    await waitUntil(
      'the repeated event to be handled',
      async () =>
        Boolean(
          await row('SELECT 1 AS ok FROM inbox_event WHERE consumer_group = $1 AND event_id = $2', [
            consumerGroup,
            again.id,
          ]),
        ),
      { timeoutMs: 60_000 },
    );
    expect(catcher.messages()).toHaveLength(before);
    expect(await emailsSent(firstReplyId)).toBe(1);
  });

  it('keeps a reply through an SMTP outage: the handler fails, the event is retried, the mail arrives once', async () => {
    // The relay goes down: whatever connects is cut off before the greeting.
    await catcher.close();
    const dropped: Socket[] = [];
    const down: Server = createServer((socket) => {
      dropped.push(socket);
      socket.destroy();
    });
    await new Promise<void>((resolve) => down.listen(outboundPort, '127.0.0.1', resolve));
    try {
      const replyId = await reply(rosaCase.id, 'The route change is now in effect.');
      await waitUntil('a failed delivery attempt', () => dropped.length > 0, { timeoutMs: 60_000 });
      expect((await message(replyId)).delivered_at).toBeNull();
      expect(await emailsSent(replyId)).toBe(0);

      // Back up, on the same address, while the consumer is still retrying.
      await new Promise<void>((resolve) => down.close(() => resolve()));
      catcher = await startMailCatcher({ smtpPort: outboundPort, httpPort: catcherHttpPort });
      await waitUntil('delivery after the outage', async () => (await emailsSent(replyId)) === 1, {
        timeoutMs: 60_000,
      });
      const arrived = catcher.messages().filter((m) => m.messageId === `<${replyId}@homeroom.test>`);
      expect(arrived).toHaveLength(1);
      expect(arrived[0]!.subject).toBe(`Re: [${rosaCase.number}] Bus 14 keeps missing our stop`);
      expect((await message(replyId)).delivered_at).toBeInstanceOf(Date);
    } finally {
      if (down.listening) await new Promise<void>((resolve) => down.close(() => resolve()));
    }
  });
  it("emails the satisfaction survey's invitation to the requester, and records why when it cannot", async () => {
    const invitation = (caseId: string, reminder = false) =>
      createEnvelope('surveys', SurveyInvitationIssued, {
        aggregateId: randomUUID(),
        data: {
          ...SurveyInvitationIssued.fixture,
          invitationId: randomUUID(),
          caseId,
          language: 'en',
          reminder,
          subject: `How did we do? (case ${rosaCase.number})`,
          body: 'How were you left feeling? https://portal.district.test/s/abc',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      });
    const publish = async (envelope: ReturnType<typeof invitation>) => {
      await producer.send({
        topic: SurveyInvitationIssued.topic,
        messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
      });
      await waitUntil(
        `invitation ${envelope.id} handled`,
        async () =>
          Boolean(
            await row('SELECT 1 AS ok FROM inbox_event WHERE consumer_group = $1 AND event_id = $2', [
              consumerGroup,
              envelope.id,
            ]),
          ),
        { timeoutMs: 60_000 },
      );
    };
    const producer = testKafka().producer();
    await producer.connect();
    try {
      const sent = invitation(rosaCase.id);
      await publish(sent);
      const mail = (await mailTo('rosa.parks@example.org')).find((m) =>
        m.subject.startsWith('How did we do?'),
      );
      expect(mail).toMatchObject({
        subject: `How did we do? (case ${rosaCase.number})`,
        messageId: `<survey-${sent.data.invitationId}@homeroom.test>`,
      });
      expect(mail!.headers['auto-submitted']).toBe('auto-generated');
      expect(mail!.text).toContain('https://portal.district.test/s/abc');
      expect(
        await row(`SELECT details FROM case_timeline WHERE case_id = $1 AND kind = 'SURVEY_SENT'`, [
          rosaCase.id,
        ]),
      ).toMatchObject({ details: { invitationId: sent.data.invitationId, reminder: false } });

      const { id: anonymousCaseId } = await row(`SELECT id FROM support_case WHERE anonymous LIMIT 1`, []);
      await publish(invitation(anonymousCaseId));
      expect(
        await row(`SELECT details FROM case_timeline WHERE case_id = $1 AND kind = 'SURVEY_NOT_SENT'`, [
          anonymousCaseId,
        ]),
      ).toMatchObject({ details: { reason: 'ANONYMOUS' } });

      // By text message through the SMS provider (a loopback server speaking Twilio's API).
      const text = invitation(rosaCase.id, true);
      await publish({ ...text, data: { ...text.data, channel: 'SMS' } });
      const reasons = await database.dataSource.query(
        `SELECT details->>'reason' AS reason FROM case_timeline WHERE case_id = $1 AND kind = 'SURVEY_NOT_SENT'`,
        [rosaCase.id],
      );
      expect(reasons).toEqual([{ reason: 'NO_PHONE' }]);
      const phoned = await graphql(
        'mutation { createCase(input: { channel: PHONE, description: "Asked about the bus route.", contact: { name: "Ana Ruiz", phone: "(512) 555-0142" } }) { id } }',
        {},
      );
      const sms = invitation(phoned.createCase.id);
      await publish({
        ...sms,
        data: { ...sms.data, channel: 'SMS', body: '¿Cómo lo hicimos? https://portal.district.test/s/xyz' },
      });
      expect(twilio.messages.at(-1)).toMatchObject({
        to: '+15125550142',
        from: '+15125550100',
        body: '¿Cómo lo hicimos? https://portal.district.test/s/xyz',
      });
      expect(
        await row(`SELECT details FROM case_timeline WHERE case_id = $1 AND kind = 'SURVEY_SENT'`, [
          phoned.createCase.id,
        ]),
      ).toMatchObject({ details: { channel: 'SMS', providerMessageId: twilio.messages.at(-1)!.sid } });

      // Never to a number that texted STOP (recorded by the text-message webhook).
      await database.dataSource.query(
        `INSERT INTO sms_consent (phone, opted_out, keyword, provider_message_id, changed_at)
         VALUES ('+15125550142', true, 'STOP', 'SM0123456789abcdef0123456789abcdef', now())`,
      );
      const texted = twilio.messages.length;
      const again = invitation(phoned.createCase.id, true);
      await publish({ ...again, data: { ...again.data, channel: 'SMS' } });
      expect(
        await row(`SELECT details FROM case_timeline WHERE case_id = $1 AND kind = 'SURVEY_NOT_SENT'`, [
          phoned.createCase.id,
        ]),
      ).toMatchObject({ details: { channel: 'SMS', reason: 'OPTED_OUT' } });
      expect(twilio.messages).toHaveLength(texted);
    } finally {
      await producer.disconnect();
    }
  });

  it('gives each email that asks for the tracking link a link of its own, each opening the case', async () => {
    const before = (await mailTo('rosa.parks@example.org')).length;
    const asked = ['See where it stands: {{case.trackingLink}}', 'And here again: {{ case.trackingLink }}'];
    for (const body of asked) {
      const replyId = await reply(rosaCase.id, body);
      await waitUntil('delivery to be recorded', async () => (await emailsSent(replyId)) === 1, {
        timeoutMs: 60_000,
      });
    }
    const mails = (await mailTo('rosa.parks@example.org')).slice(before);
    const tokens = mails.map(
      (mail) => /http:\/\/localhost:4200\/track\/([A-Za-z0-9_-]{43})\n/.exec(mail.text ?? '')?.[1],
    );
    expect(tokens).toEqual([expect.any(String), expect.any(String)]);
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(
      await database.dataSource.query(
        `SELECT channel, count(*)::int AS n FROM case_tracking_link WHERE case_id = $1 GROUP BY channel`,
        [rosaCase.id],
      ),
    ).toEqual([{ channel: 'EMAIL', n: 2 }]);
    for (const token of tokens) {
      const tracked = await subgraphClient(url, SECRET)(
        'query($t: String!) { trackCase(token: $t) { number } }',
        { t: token },
        ANONYMOUS,
      );
      expect(tracked.data.trackCase).toEqual({ number: rosaCase.number });
    }
  });
});
