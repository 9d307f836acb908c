import { randomUUID } from 'node:crypto';
import { ANONYMOUS, staffPrincipal } from '@homeroom/platform/auth';
import { type FakeTwilio, waitUntil } from '@homeroom/platform/testing';
import { contactKey } from '@homeroom/directory/contracts';
import {
  type CasesTestApp,
  DISTRICT_NUMBER,
  startTextingCasesApp,
  type TextingCasesApp,
} from './testing/cases-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SQL rows are checked field by field
type Json = any;

const HELP_TEXT = 'Riverside Unified: we answer texts on school days. Reply STOP to stop.';

/**
 * Two-way text messages against the real PostgreSQL and Kafka, with a loopback server speaking Twilio's
 * API: its signed incoming-message webhook, its MMS files, its Messages resource for our replies.
 */
describe('text messages', () => {
  let twilio: FakeTwilio;
  let cases: CasesTestApp;
  let webhook: string;
  const admin = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });

  let texting: TextingCasesApp;
  beforeAll(async () => {
    texting = await startTextingCasesApp('cases_texts', { SMS_HELP_TEXT: HELP_TEXT });
    ({ cases, twilio, webhook } = texting);
  });

  afterAll(async () => {
    await texting?.close();
  });

  const query = (sql: string, params: unknown[] = []): Promise<Json[]> =>
    cases.database.dataSource.query(sql, params);
  const casesOf = (phone: string) =>
    query(
      `SELECT id, number, channel, status, contact, subject FROM support_case WHERE contact->>'phone' = $1 ORDER BY created_at`,
      [phone],
    );
  const messagesOf = (caseId: string) =>
    query(
      `SELECT id, body, direction, sms_message_sid FROM case_message WHERE case_id = $1 ORDER BY created_at`,
      [caseId],
    );
  const timeline = (caseId: string, kind: string) =>
    query(`SELECT details FROM case_timeline WHERE case_id = $1 AND kind = $2 ORDER BY id`, [caseId, kind]);
  const events = (type: string, key: string) =>
    query(
      `SELECT envelope FROM outbox_event WHERE envelope->>'type' = $1 AND message_key = $2 ORDER BY position`,
      [type, key],
    );
  const reply = (caseId: string, body: string) => cases.reply(caseId, body, admin);
  const textsTo = (phone: string) => twilio.messages.filter((message) => message.to === phone);
  const deliveryOf = async (messageId: string) =>
    (
      await query('SELECT texted_at, sms_message_sid, sms_skipped FROM case_message WHERE id = $1', [
        messageId,
      ])
    )[0];

  it('opens a case from a text, and takes a retried webhook of it once', async () => {
    const phone = '+15125550111';
    const answer = await twilio.text(webhook, {
      from: phone,
      body: 'Is there school tomorrow? The roads are icy.',
    });
    expect(answer).toMatchObject({ status: 200, contentType: expect.stringMatching(/^text\/xml/) });
    expect(answer.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    const [opened, ...more] = await casesOf(phone);
    expect(more).toEqual([]);
    expect(opened).toMatchObject({
      channel: 'SMS',
      status: 'NEW',
      contact: { name: null, email: null, phone },
      subject: 'Is there school tomorrow? The roads are icy.',
    });
    expect(await messagesOf(opened.id)).toEqual([
      expect.objectContaining({ direction: 'INBOUND', sms_message_sid: answer.sid }),
    ]);

    // Twilio retries with the same sid when it thinks the first attempt failed.
    const { params } = twilio.inboundRequest({
      from: phone,
      body: 'Is there school tomorrow? The roads are icy.',
    });
    const again = await twilio.post(webhook, {
      ...params,
      MessageSid: answer.sid,
      SmsSid: answer.sid,
      SmsMessageSid: answer.sid,
    });
    expect(again.status).toBe(200);
    expect(await casesOf(phone)).toHaveLength(1);
    expect(await messagesOf(opened.id)).toHaveLength(1);
  });

  it("threads the sender's next text into their conversation; another number starts its own", async () => {
    const phone = '+15125550112';
    await twilio.text(webhook, { from: phone, body: 'My son lost his coat on bus 14.' });
    await twilio.text(webhook, { from: phone, body: 'It is a blue coat with a hood.' });
    await twilio.text(webhook, { from: '+15125550113', body: 'Lunch menu for Friday?' });
    const [conversation, ...more] = await casesOf(phone);
    expect(more).toEqual([]);
    expect((await messagesOf(conversation.id)).map((message: Json) => message.body)).toEqual([
      'My son lost his coat on bus 14.',
      'It is a blue coat with a hood.',
    ]);
    expect(await casesOf('+15125550113')).toHaveLength(1);
  });

  it('records the language a text is written in, and takes it as the case language', async () => {
    const phone = '+15125550120';
    await twilio.text(webhook, { from: phone, body: 'Con tôi bị ốm hôm nay nên không thể đến trường.' });
    const [opened] = await query(`SELECT id, language FROM support_case WHERE contact->>'phone' = $1`, [
      phone,
    ]);
    expect(opened.language).toBe('vi');
    await twilio.text(webhook, { from: phone, body: 'Thank you, see you tomorrow at the front office.' });
    expect(
      await query('SELECT language FROM case_message WHERE case_id = $1 ORDER BY created_at', [opened.id]),
    ).toEqual([{ language: 'vi' }, { language: 'en' }]);
  });

  it('keeps the files of a picture message under the attachment policy, and names one it could not fetch', async () => {
    const phone = '+15125550114';
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    const { params } = twilio.inboundRequest({
      from: phone,
      body: '',
      media: [{ contentType: 'image/png', bytes: png }],
    });
    // A second file whose URL is not the provider's: never fetched (the request is still Twilio's, signed).
    const answer = await twilio.post(webhook, {
      ...params,
      NumMedia: '2',
      MediaUrl1: 'http://169.254.169.254/latest/meta-data/',
      MediaContentType1: 'image/jpeg',
    });
    expect(answer.status).toBe(200);
    const [opened] = await casesOf(phone);
    const [message] = await messagesOf(opened.id);
    expect(message.body).toBe('(no text: see the attachments)');
    const files = await query(
      'SELECT file_name, content_type, size_bytes FROM case_attachment WHERE message_id = $1',
      [message.id],
    );
    expect(files).toEqual([expect.objectContaining({ content_type: 'image/png', size_bytes: png.length })]);
    const refused = JSON.stringify(
      await query(`SELECT details FROM case_timeline WHERE case_id = $1`, [opened.id]),
    );
    expect(refused).toContain('ATTACHMENT_NOT_RECEIVED');
    expect(refused).toContain("not the provider's");
  });

  it('refuses a request without the signature of the URL it was configured with, storing nothing', async () => {
    const phone = '+15125550115';
    const { params } = twilio.inboundRequest({ from: phone, body: 'forged' });
    expect((await twilio.post(webhook, params, { signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' })).status).toBe(
      403,
    );
    expect(
      (await twilio.post(webhook, params, { signedUrl: 'https://elsewhere.example/sms/twilio' })).status,
    ).toBe(403);
    const unsigned = await fetch(webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
    expect(unsigned.status).toBe(403);
    const json = await fetch(webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-twilio-signature': 'x' },
      body: JSON.stringify(params),
    });
    expect(json.status).toBe(403);
    expect(await casesOf(phone)).toEqual([]);
  });

  it('answers 400 to a signed request that is no text message', async () => {
    const { params } = twilio.inboundRequest({ from: '+15125550116', body: 'x' });
    const { From: _from, ...withoutSender } = params;
    const answer = await twilio.post(webhook, withoutSender);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: 'From is not an E.164 phone number' });
    expect(await casesOf('+15125550116')).toEqual([]);
  });

  it('texts a staff reply back, with the segments it took, and retries the provider when it is down', async () => {
    const phone = '+15125550117';
    await twilio.text(webhook, { from: phone, body: 'When is the bus coming?' });
    const [conversation] = await casesOf(phone);
    twilio.failNext(1);
    const replyId = await reply(conversation.id, 'Bus 14 is running 10 minutes late today.');
    await waitUntil('the reply to be texted', async () => Boolean((await deliveryOf(replyId))?.texted_at), {
      timeoutMs: 60_000,
    });
    const texts = textsTo(phone);
    expect(texts).toEqual([
      expect.objectContaining({ from: DISTRICT_NUMBER, body: 'Bus 14 is running 10 minutes late today.' }),
    ]);
    expect((await deliveryOf(replyId)).sms_message_sid).toBe(texts[0]!.sid);
    expect(await timeline(conversation.id, 'SMS_SENT')).toEqual([
      { details: { messageId: replyId, providerMessageId: texts[0]!.sid, segments: 1, encoding: 'GSM-7' } },
    ]);
  });

  it('fills a reply’s tracking link with a link made for the text, which opens the case, its own link in it', async () => {
    const phone = '+15125550127';
    await twilio.text(webhook, { from: phone, body: 'Did the field trip form arrive?' });
    const [conversation] = await casesOf(phone);
    const asked = 'It did. Follow your case here: {{ case.trackingLink }}';
    const replyId = await reply(conversation.id, asked);
    await waitUntil('the reply to be texted', async () => Boolean((await deliveryOf(replyId))?.texted_at), {
      timeoutMs: 60_000,
    });
    const [text] = textsTo(phone);
    const token = /http:\/\/localhost:4200\/track\/([A-Za-z0-9_-]{43})$/.exec(text!.body)?.[1] ?? '';
    expect(text!.body).toMatch(/^It did\. Follow your case here: http/);
    expect(token).toHaveLength(43);
    // Staff keep what they wrote; the link's hash is all that is kept of it, with the message it went in.
    expect((await messagesOf(conversation.id)).find((m) => m.id === replyId).body).toBe(asked);
    expect(
      await query('SELECT case_id, message_id, channel FROM case_tracking_link WHERE case_id = $1', [
        conversation.id,
      ]),
    ).toEqual([{ case_id: conversation.id, message_id: replyId, channel: 'SMS' }]);
    expect(await query('SELECT 1 FROM case_tracking_link WHERE token_hash = $1', [token])).toEqual([]);

    // The family opens the link: their case, the reply showing the link they opened it by.
    const tracked = await cases.graphql(
      'query($t: String!) { trackCase(token: $t) { number messages { body } } }',
      { t: token },
      ANONYMOUS,
    );
    expect(tracked.data.trackCase.number).toBe(conversation.number);
    expect(tracked.data.trackCase.messages.map((m: Json) => m.body)).toContain(
      `It did. Follow your case here: http://localhost:4200/track/${token}`,
    );
    // A link that was never made opens nothing.
    const unknown = await cases.graphql(
      'query($t: String!) { trackCase(token: $t) { number } }',
      { t: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` },
      ANONYMOUS,
    );
    expect(unknown.data.trackCase).toBeNull();
  });

  it("texts a reply's pictures as a picture message the provider fetches, and names the files it could not", async () => {
    const phone = '+15125550131';
    await twilio.text(webhook, { from: phone, body: 'Can you send the new bus map?' });
    const [conversation] = await casesOf(phone);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000, 32), Buffer.from('\n%%EOF\n')]);
    const result = await cases.graphql(
      'mutation($id: ID!, $a: [AttachmentInput!]) { replyToCase(caseId: $id, body: "Here is the map.", attachments: $a) { id } }',
      {
        id: conversation.id,
        a: [
          { fileName: 'bus-map.png', contentType: 'image/png', contentBase64: png.toString('base64') },
          { fileName: 'routes.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
        ],
      },
      admin,
    );
    expect(result.errors).toBeUndefined();
    const replyId = result.data.replyToCase.id as string;
    await waitUntil('the reply to be texted', async () => Boolean((await deliveryOf(replyId))?.texted_at), {
      timeoutMs: 60_000,
    });
    // The provider fetched the picture by its signed public link, as Twilio does; the PDF stayed in the case.
    const [text] = textsTo(phone);
    expect(text!.body).toBe('Here is the map.');
    expect(text!.media).toEqual([
      expect.objectContaining({ status: 200, contentType: 'image/png', bytes: png.length }),
    ]);
    expect(text!.media[0]!.url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/attachments\/[0-9a-f-]+\?expires=\d+&signature=/,
    );
    expect(await timeline(conversation.id, 'SMS_SENT')).toEqual([
      {
        details: expect.objectContaining({
          messageId: replyId,
          pictures: ['bus-map.png'],
          filesNotTexted: [{ fileName: 'routes.pdf', reason: 'NOT_A_PICTURE' }],
        }),
      },
    ]);
  });

  it('honours STOP and START: recorded once, raised for the directory, replies held meanwhile', async () => {
    const phone = '+15125550118';
    await twilio.text(webhook, { from: phone, body: 'Please send the field trip form again.' });
    const [conversation] = await casesOf(phone);

    const stop = await twilio.text(webhook, { from: phone, body: 'Stop' });
    expect(stop.status).toBe(200);
    expect(stop.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    // Retried by the provider: nothing new.
    await twilio.post(webhook, twilio.inboundRequest({ from: phone, body: 'Stop', sid: stop.sid }).params);
    expect(
      await query('SELECT opted_out, keyword, provider_message_id FROM sms_consent WHERE phone = $1', [
        phone,
      ]),
    ).toEqual([{ opted_out: true, keyword: 'STOP', provider_message_id: stop.sid }]);
    const raised = await events('cases.SmsConsentChanged', contactKey(phone));
    expect(raised.map((row: Json) => row.envelope.data)).toEqual([
      expect.objectContaining({ contactKey: contactKey(phone), consent: 'OPTED_OUT', keyword: 'STOP' }),
    ]);
    // No number travels on Kafka.
    expect(JSON.stringify(raised)).not.toContain(phone.slice(1));
    expect(await timeline(conversation.id, 'SMS_OPTED_OUT')).toEqual([{ details: { keyword: 'STOP' } }]);
    // The keyword is not a message of the conversation.
    expect(await messagesOf(conversation.id)).toHaveLength(1);

    const held = await reply(conversation.id, 'Here is the form.');
    await waitUntil(
      'the reply to be held',
      async () => (await deliveryOf(held))?.sms_skipped === 'OPTED_OUT',
      {
        timeoutMs: 60_000,
      },
    );
    expect(textsTo(phone)).toEqual([]);
    expect(await timeline(conversation.id, 'SMS_NOT_SENT')).toEqual([
      { details: { messageId: held, reason: 'OPTED_OUT' } },
    ]);

    await twilio.text(webhook, { from: phone, body: 'START' });
    expect(
      (await events('cases.SmsConsentChanged', contactKey(phone))).map(
        (row: Json) => row.envelope.data.consent,
      ),
    ).toEqual(['OPTED_OUT', 'OPTED_IN']);
    const sent = await reply(conversation.id, 'Here is the form, again.');
    await waitUntil('the reply to be texted', async () => Boolean((await deliveryOf(sent))?.texted_at), {
      timeoutMs: 60_000,
    });
    expect(textsTo(phone).map((text) => text.body)).toEqual(['Here is the form, again.']);
  });

  it("answers HELP with the district's text, and opens no case for it", async () => {
    const phone = '+15125550119';
    const help = await twilio.text(webhook, { from: phone, body: 'help' });
    expect(help.body).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${HELP_TEXT}</Message></Response>`,
    );
    expect(await casesOf(phone)).toEqual([]);
  });
});
