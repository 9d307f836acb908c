import { randomUUID } from 'node:crypto';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { createEnvelope } from '@homeroom/platform/messaging';
import { type FakeTwilio, testKafka, waitUntil } from '@homeroom/platform/testing';
import { TranslatorLanguagesChanged } from '@homeroom/directory/contracts';
import { type CasesTestApp, startTextingCasesApp, type TextingCasesApp } from './testing/cases-test-app';
import { SUBMIT, TRACK } from './testing/cases-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL and SQL rows are checked field by field
type Json = any;

const REPLY =
  'mutation($c: ID!, $body: String!, $t: ID, $o: String) { replyToCase(caseId: $c, body: $body, templateId: $t, translatedFrom: $o) { id body review { status category language authorId } } }';
const APPROVE =
  'mutation($m: ID!, $body: String) { approveVitalMessage(messageId: $m, body: $body) { id body review { status reviewedBy } } }';
const RETURN =
  'mutation($m: ID!, $reason: String!) { returnVitalMessage(messageId: $m, reason: $reason) { id review { status reason reviewedBy } } }';
const QUEUE =
  '{ messagesAwaitingReview(first: 50) { totalCount edges { node { case { id number } message { id body translations { language text provider } } } } } }';

/**
 * Review of vital messages by a qualified translator (ADR 32) against the real PostgreSQL and Kafka, with
 * texts through a loopback Twilio: a reply from a vital template to a Spanish-speaking family is held (no
 * text, nothing on the tracking page, no first response), shows in the queue of the school's Spanish
 * translator only, is refused to everyone else, and goes once approved; a returned one never goes.
 */
describe('vital messages wait for a qualified translator', () => {
  let texting: TextingCasesApp;
  let cases: CasesTestApp;
  let twilio: FakeTwilio;
  let webhook: string;
  const schoolA = randomUUID();
  const schoolB = randomUUID();
  const admin = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });
  const agent = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: schoolA });
  /** Another agent at school A, who translates nothing. */
  const colleague = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: schoolA });
  /** Qualified in Spanish and Vietnamese, at school A. */
  const translator = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: schoolA });
  /** Qualified in Vietnamese only, at school A. */
  const vietnameseTranslator = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: schoolA });
  /** Qualified in Spanish, at school B. */
  const otherSchoolTranslator = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: schoolB });
  /** Qualified in Spanish, reading school A's cases only. */
  const viewerTranslator = staffPrincipal(randomUUID(), { role: 'VIEWER', schoolId: schoolA });
  /** Qualified in Spanish, who also writes replies at school A. */
  const translatingAgent = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: schoolA });
  let templateId: string;

  beforeAll(async () => {
    texting = await startTextingCasesApp('cases_vital_review');
    ({ cases, twilio, webhook } = texting);
    await cases.database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, 'Oak', 'America/Chicago', true), ($2, 'Elm', 'America/Chicago', true)`,
      [schoolA, schoolB],
    );
    // The directory says who translates what; the service learns it from the events alone.
    await announceTranslators([
      [translator.subject, ['es', 'vi']],
      [vietnameseTranslator.subject, ['vi']],
      [otherSchoolTranslator.subject, ['es']],
      [viewerTranslator.subject, ['es']],
      [translatingAgent.subject, ['es']],
    ]);
    const created = await graphql(
      'mutation($input: ReplyTemplateInput!) { createReplyTemplate(input: $input) { id vitalCategory } }',
      {
        input: {
          name: 'Suspension notice',
          vitalCategory: 'DISCIPLINE',
          setStatus: 'PENDING',
          translations: [
            { language: 'en', body: 'Case {{case.number}}: your child is suspended for one day.' },
            { language: 'es', body: 'Caso {{case.number}}: su hijo queda expulsado por un día.' },
          ],
        },
      },
      admin,
    );
    expect(created.createReplyTemplate.vitalCategory).toBe('DISCIPLINE');
    templateId = created.createReplyTemplate.id;
  }, 120_000);

  afterAll(() => texting?.close());

  async function announceTranslators(people: [string, string[]][]): Promise<void> {
    const producer = testKafka().producer();
    await producer.connect();
    try {
      for (const [personId, languages] of people)
        await producer.send({
          topic: TranslatorLanguagesChanged.topic,
          messages: [
            {
              key: personId,
              value: JSON.stringify(
                createEnvelope('directory', TranslatorLanguagesChanged, {
                  aggregateId: personId,
                  data: { personId, languages },
                }),
              ),
            },
          ],
        });
    } finally {
      await producer.disconnect();
    }
    await waitUntil(
      'the translators in the read model',
      async () =>
        (
          await cases.database.dataSource.query(
            'SELECT count(*)::int AS n FROM known_translator WHERE person_id = ANY($1)',
            [people.map(([id]) => id)],
          )
        )[0].n === people.length,
      { timeoutMs: 60_000 },
    );
  }

  const call = (query: string, variables: Record<string, unknown>, principal: Principal) =>
    cases.graphql(query, variables, principal);
  const graphql = async (query: string, variables: Record<string, unknown>, principal: Principal) => {
    const result = await call(query, variables, principal);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const refusal = async (query: string, variables: Record<string, unknown>, principal: Principal) =>
    (await call(query, variables, principal)).errors?.[0]?.extensions;
  const rendered = async (caseId: string) =>
    (
      await graphql(
        'query($t: ID!, $c: ID!) { renderReplyTemplate(templateId: $t, caseId: $c) { body } }',
        { t: templateId, c: caseId },
        agent,
      )
    ).renderReplyTemplate.body;
  const caseRow = async (caseId: string): Promise<Json> =>
    (
      await cases.database.dataSource.query(
        'SELECT status, first_responded_at FROM support_case WHERE id = $1',
        [caseId],
      )
    )[0];
  const queueOf = async (principal: Principal) =>
    (await graphql(QUEUE, {}, principal)).messagesAwaitingReview.edges.map((edge: Json) => edge.node);
  const outboxOf = async (caseId: string, type: string): Promise<Json[]> =>
    (
      await cases.database.dataSource.query(
        `SELECT envelope->'data' AS data FROM outbox_event WHERE message_key = $1 AND envelope->>'type' = $2 ORDER BY position`,
        [caseId, type],
      )
    ).map((row: Json) => row.data);

  it("holds a vital template's Spanish reply until the school's Spanish translator approves it, then texts it", async () => {
    const phone = '+15125550160';
    await twilio.text(webhook, {
      from: phone,
      body: 'Mi hijo tuvo un problema en la escuela hoy. ¿Qué pasó?',
    });
    const [opened] = await cases.database.dataSource.query(
      `SELECT id, number, language FROM support_case WHERE contact->>'phone' = $1`,
      [phone],
    );
    expect(opened.language).toBe('es');
    await graphql(
      'mutation($id: ID!, $s: ID) { updateCase(caseId: $id, input: { schoolId: $s }) { id } }',
      { id: opened.id, s: schoolA },
      admin,
    );
    const body = await rendered(opened.id);
    expect(body).toContain('expulsado');

    const sent = (await graphql(REPLY, { c: opened.id, body, t: templateId }, agent)).replyToCase;
    expect(sent.review).toEqual({
      status: 'PENDING',
      category: 'DISCIPLINE',
      language: 'es',
      authorId: agent.subject,
    });
    // Held: no CaseMessageAdded (so nothing texts or mails it), no first response, the template's status waits.
    expect((await outboxOf(opened.id, 'cases.CaseMessageAdded')).map((e) => e.messageId)).not.toContain(
      sent.id,
    );
    expect(await caseRow(opened.id)).toMatchObject({ status: 'OPEN', first_responded_at: null });

    // The Spanish translator of the school finds it, with the template's English beside it.
    const [queued] = (await queueOf(translator)).filter((node: Json) => node.message.id === sent.id);
    expect(queued.case.number).toBe(opened.number);
    expect(queued.message.translations).toEqual([
      {
        language: 'en',
        text: `Case ${opened.number}: your child is suspended for one day.`,
        provider: 'TEMPLATE',
      },
    ]);
    // Nobody else's queue holds it: another language, another school, a reader.
    for (const other of [vietnameseTranslator, otherSchoolTranslator, colleague])
      expect((await queueOf(other)).map((node: Json) => node.message.id)).not.toContain(sent.id);
    expect(await refusal(QUEUE, {}, viewerTranslator)).toMatchObject({ code: 'FORBIDDEN' });

    // Refused: its author, a staff member who translates none, one of another language, another school's
    // translator (who cannot see the case), a translator who only reads the school's cases.
    expect(await refusal(APPROVE, { m: sent.id }, agent)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'REVIEWER_IS_AUTHOR',
    });
    expect(await refusal(RETURN, { m: sent.id, reason: 'Looks fine to me' }, colleague)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_A_QUALIFIED_TRANSLATOR',
    });
    expect(await refusal(APPROVE, { m: sent.id }, vietnameseTranslator)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_A_QUALIFIED_TRANSLATOR',
    });
    expect(await refusal(APPROVE, { m: sent.id }, otherSchoolTranslator)).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await refusal(RETURN, { m: sent.id, reason: 'No.' }, otherSchoolTranslator)).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await refusal(APPROVE, { m: sent.id }, viewerTranslator)).toMatchObject({ code: 'FORBIDDEN' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(twilio.messages.filter((m) => m.to === phone)).toEqual([]);

    // The translator corrects "expulsado" (expelled) to "suspendido" and approves: it goes, as corrected.
    const corrected = body.replace('queda expulsado', 'queda suspendido');
    const approved = (await graphql(APPROVE, { m: sent.id, body: corrected }, translator))
      .approveVitalMessage;
    expect(approved).toEqual({
      id: sent.id,
      body: corrected,
      review: { status: 'APPROVED', reviewedBy: translator.subject },
    });
    await waitUntil('the approved reply texted', async () => twilio.messages.some((m) => m.to === phone), {
      timeoutMs: 60_000,
    });
    expect(twilio.messages.filter((m) => m.to === phone).map((m) => m.body)).toEqual([corrected]);
    const after = await caseRow(opened.id);
    expect(after.status).toBe('PENDING');
    expect(after.first_responded_at).not.toBeNull();
    const timeline = (
      await graphql(
        'query($id: ID!) { case(id: $id) { timeline { kind details } } }',
        { id: opened.id },
        admin,
      )
    ).case.timeline.map((entry: Json) => ({ kind: entry.kind, details: JSON.parse(entry.details) }));
    expect(timeline.map((entry: Json) => entry.kind)).toEqual(
      expect.arrayContaining(['REPLY_HELD_FOR_REVIEW', 'REVIEW_APPROVED', 'REPLIED', 'SMS_SENT']),
    );
    expect(timeline.find((entry: Json) => entry.kind === 'REVIEW_APPROVED').details).toMatchObject({
      messageId: sent.id,
      language: 'es',
      originalLanguage: 'en',
      provider: 'TEMPLATE',
      reviewedBy: translator.subject,
      corrected: true,
      textAsHeld: body,
    });
    expect(
      (await outboxOf(opened.id, 'cases.MessageTranslated')).filter((e) => e.messageId === sent.id),
    ).toEqual([
      expect.objectContaining({ from: 'en', to: 'es', provider: 'TEMPLATE', reviewedBy: null }),
      expect.objectContaining({ from: 'en', to: 'es', provider: 'TEMPLATE', reviewedBy: translator.subject }),
    ]);
    expect(await refusal(APPROVE, { m: sent.id }, translator)).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_REVIEWED',
    });
    expect(await refusal(RETURN, { m: sent.id, reason: 'Too late' }, translatingAgent)).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_REVIEWED',
    });
  });

  it('keeps a returned reply from the family for good, holds the translated follow-up on that case, and shows it once approved', async () => {
    const { caseNumber, trackingToken } = (
      await graphql(
        SUBMIT,
        {
          input: {
            message: 'Quiero saber por qué suspendieron a mi hija.',
            schoolId: schoolA,
            language: 'es',
            requester: { name: 'Ana Ruiz', email: 'ana.ruiz@familia.test' },
          },
        },
        { kind: 'anonymous' },
      )
    ).submitInquiry;
    const [{ id: caseId }] = await cases.database.dataSource.query(
      'SELECT id FROM support_case WHERE number = $1',
      [caseNumber],
    );
    const tracked = async () =>
      (await graphql(TRACK, { t: trackingToken }, { kind: 'anonymous' })).trackCase.messages.filter(
        (m: Json) => m.direction === 'OUTBOUND',
      );

    // A translator who wrote the reply may not review it.
    const held = (
      await graphql(REPLY, { c: caseId, body: await rendered(caseId), t: templateId }, translatingAgent)
    ).replyToCase;
    expect(held.review.status).toBe('PENDING');
    expect(await refusal(APPROVE, { m: held.id }, translatingAgent)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'REVIEWER_IS_AUTHOR',
    });
    expect(await refusal(RETURN, { m: held.id, reason: '  ' }, translator)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REASON_REQUIRED',
    });
    const returned = (
      await graphql(RETURN, { m: held.id, reason: 'Say suspendida, not expulsada.' }, translator)
    ).returnVitalMessage;
    expect(returned.review).toEqual({
      status: 'RETURNED',
      reason: 'Say suspendida, not expulsada.',
      reviewedBy: translator.subject,
    });
    expect(await tracked()).toEqual([]);
    expect(await refusal(APPROVE, { m: held.id }, translator)).toMatchObject({ reason: 'ALREADY_REVIEWED' });

    // On a case a vital template was used on, a machine-translated follow-up waits too; one typed by hand
    // in the family's language goes (nothing marks it as anything but its author's own words).
    const typed = (await graphql(REPLY, { c: caseId, body: 'Le llamaremos hoy.' }, agent)).replyToCase;
    expect(typed.review).toBeNull();
    const followUp = (
      await graphql(
        REPLY,
        {
          c: caseId,
          body: 'Su hija está suspendida por un día.',
          o: 'Your daughter is suspended for one day.',
        },
        translatingAgent,
      )
    ).replyToCase;
    expect(followUp.review).toMatchObject({ status: 'PENDING', category: 'DISCIPLINE' });
    expect(await tracked()).toEqual([{ direction: 'OUTBOUND', body: 'Le llamaremos hoy.' }]);
    await graphql(APPROVE, { m: followUp.id }, translator);
    expect(await tracked()).toEqual([
      { direction: 'OUTBOUND', body: 'Le llamaremos hoy.' },
      { direction: 'OUTBOUND', body: 'Su hija está suspendida por un día.' },
    ]);
    const [original] = await cases.database.dataSource.query(
      'SELECT text, provider, reviewed_by FROM message_translation WHERE message_id = $1',
      [followUp.id],
    );
    expect(original).toEqual({
      text: 'Your daughter is suspended for one day.',
      provider: 'STAFF',
      reviewed_by: translator.subject,
    });
  });
});
