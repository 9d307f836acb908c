import { randomUUID } from 'node:crypto';
import { staffPrincipal } from '@homeroom/platform/auth';
import {
  type FakeTranslation,
  type FakeTwilio,
  startFakeTranslation,
  waitUntil,
} from '@homeroom/platform/testing';
import { type CasesTestApp, startTextingCasesApp, type TextingCasesApp } from './testing/cases-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL and SQL rows are checked field by field
type Json = any;

/**
 * Machine translation of a conversation against the real PostgreSQL and Kafka, with a loopback server
 * speaking LibreTranslate's API (the other providers' clients are tested in platform/translation): a family
 * texts in Vietnamese, staff read it in English beside the original, write back in English, preview the
 * Vietnamese, and the family receives the Vietnamese by text.
 */
describe('translated conversations', () => {
  let translation: FakeTranslation;
  let twilio: FakeTwilio;
  let cases: CasesTestApp;
  let webhook: string;
  const agent = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });

  let texting: TextingCasesApp;
  beforeAll(async () => {
    translation = await startFakeTranslation();
    texting = await startTextingCasesApp('cases_translation', {
      TRANSLATION_PROVIDER: 'libretranslate',
      TRANSLATION_URL: translation.urls.LIBRETRANSLATE,
      TRANSLATION_API_KEY: translation.keys.LIBRETRANSLATE,
    });
    ({ cases, twilio, webhook } = texting);
  });

  afterAll(async () => {
    await texting?.close();
    await translation?.close();
  });

  const graphql = async (query: string, variables: Record<string, unknown>) => {
    const result = await cases.graphql(query, variables, agent);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const caseOf = async (phone: string): Promise<Json> =>
    (
      await cases.database.dataSource.query(
        `SELECT id, language FROM support_case WHERE contact->>'phone' = $1`,
        [phone],
      )
    )[0];
  const messages = async (caseId: string): Promise<Json[]> =>
    (
      await graphql(
        'query($id: ID!) { case(id: $id) { messages { id direction body language translations { language text sourceLanguage provider } } } }',
        { id: caseId },
      )
    ).case.messages;

  it("translates a family's message for staff, and sends staff's English reply in the family's language", async () => {
    const phone = '+15125550130';
    await twilio.text(webhook, { from: phone, body: 'Con trai tôi bị ốm và sẽ ở nhà.' });
    const opened = await caseOf(phone);
    expect(opened.language).toBe('vi');
    await waitUntil('the translation', async () => (await messages(opened.id))[0].translations.length > 0, {
      timeoutMs: 60_000,
    });
    expect(await messages(opened.id)).toEqual([
      expect.objectContaining({
        direction: 'INBOUND',
        body: 'Con trai tôi bị ốm và sẽ ở nhà.',
        language: 'vi',
        translations: [
          {
            language: 'en',
            text: 'My son is sick and will stay home.',
            sourceLanguage: 'vi',
            provider: 'LIBRETRANSLATE',
          },
        ],
      }),
    ]);

    const preview = (
      await graphql(
        'query($id: ID!, $b: String!) { replyTranslation(caseId: $id, body: $b) { language text provider } }',
        {
          id: opened.id,
          b: 'The bus will be late today.',
        },
      )
    ).replyTranslation;
    expect(preview).toEqual({
      language: 'vi',
      text: 'Hôm nay xe buýt sẽ đến trễ.',
      provider: 'LIBRETRANSLATE',
    });

    const sent = (
      await graphql(
        'mutation($id: ID!, $b: String!, $o: String!) { replyToCase(caseId: $id, body: $b, translatedFrom: $o) { id body translations { language text sourceLanguage } } }',
        { id: opened.id, b: preview.text, o: 'The bus will be late today.' },
      )
    ).replyToCase;
    expect(sent).toMatchObject({
      body: 'Hôm nay xe buýt sẽ đến trễ.',
      translations: [{ language: 'en', text: 'The bus will be late today.', sourceLanguage: null }],
    });
    await waitUntil('the text to the family', async () => twilio.messages.some((m) => m.to === phone), {
      timeoutMs: 60_000,
    });
    expect(twilio.messages.filter((m) => m.to === phone).map((m) => m.body)).toEqual([
      'Hôm nay xe buýt sẽ đến trễ.',
    ]);
    const raised = await cases.database.dataSource.query(
      `SELECT envelope->'data' AS data FROM outbox_event WHERE envelope->>'type' = 'cases.MessageTranslated'
          AND envelope->'data'->>'caseId' = $1 ORDER BY position`,
      [opened.id],
    );
    expect(raised.map((row: Json) => [row.data.from, row.data.to, row.data.provider])).toEqual([
      ['vi', 'en', 'LIBRETRANSLATE'],
      ['en', 'vi', 'LIBRETRANSLATE'],
    ]);
  });

  it('leaves a message in the staff language alone, and refuses to preview a reply into it', async () => {
    const phone = '+15125550131';
    await twilio.text(webhook, { from: phone, body: 'When is the parent-teacher conference?' });
    const opened = await caseOf(phone);
    expect(opened.language).toBe('en');
    const result = await cases.graphql(
      'query($id: ID!) { replyTranslation(caseId: $id, body: "Next Tuesday.") { text } }',
      { id: opened.id },
      agent,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SAME_LANGUAGE' });
    // Its event has been handled by now (the case is there): still no translation.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await messages(opened.id))[0].translations).toEqual([]);
  });

  it('keeps the message and retries when the provider is down, and translates it once it is back', async () => {
    const phone = '+15125550132';
    translation.failNext(2, 503);
    await twilio.text(webhook, { from: phone, body: 'Mi hijo está enfermo y se quedará en casa.' });
    const opened = await caseOf(phone);
    expect(opened).toBeDefined();
    await waitUntil(
      'the translation after the outage',
      async () => (await messages(opened.id))[0].translations.length === 1,
      {
        timeoutMs: 60_000,
      },
    );
    expect((await messages(opened.id))[0].translations[0].text).toBe('My son is sick and will stay home.');
  });
});
