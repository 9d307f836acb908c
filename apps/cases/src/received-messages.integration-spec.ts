import { randomUUID } from 'node:crypto';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { startCasesApp, type CasesTestApp } from './testing/cases-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL and SQL rows are checked field by field
type Json = any;

const RECEIVE = `mutation($input: ReceivedMessageInput!) {
  receiveMessage(input: $input) { outcome caseId caseNumber }
}`;

/**
 * Messages an integration hands over from a channel another system runs (the phone system's voicemail
 * transcripts), against the real PostgreSQL and Kafka: a case, the sender's conversation, a retry.
 */
describe('messages handed over by integrations', () => {
  let cases: CasesTestApp;
  const phoneSystem: Principal = {
    kind: 'client',
    subject: 'phone-system',
    scopes: ['cases:read', 'cases:write'],
  };
  const otherVendor: Principal = { kind: 'client', subject: 'social-inbox', scopes: ['cases:write'] };
  const reader: Principal = { kind: 'client', subject: 'reports', scopes: ['cases:read'] };
  const agent = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: randomUUID() });

  beforeAll(async () => {
    cases = await startCasesApp('cases_received');
  });
  afterAll(() => cases?.close());

  const receive = (input: Record<string, unknown>, principal: Principal = phoneSystem) =>
    cases.graphql(RECEIVE, { input }, principal);
  const voicemail = (externalId: string, body: string, phone = '(512) 555-0161') => ({
    channel: 'PHONE',
    externalId,
    from: { name: 'Dana Cole', phone },
    body,
  });
  const messagesOf = (caseId: string): Promise<Json[]> =>
    cases.database.dataSource.query(
      'SELECT body, direction, language, external_key FROM case_message WHERE case_id = $1 ORDER BY created_at',
      [caseId],
    );

  it("opens a case from a voicemail transcript, and threads the caller's next one into it", async () => {
    const first = await receive(
      voicemail('vm-1001', 'Hi, this is Dana. My daughter missed the bus this morning.'),
    );
    expect(first.errors).toBeUndefined();
    expect(first.data.receiveMessage).toMatchObject({
      outcome: 'CREATED',
      caseNumber: expect.stringMatching(/^HR-/),
    });
    const { caseId } = first.data.receiveMessage;
    const [opened] = await cases.database.dataSource.query(
      'SELECT channel, contact, language FROM support_case WHERE id = $1',
      [caseId],
    );
    expect(opened).toEqual({
      channel: 'PHONE',
      contact: { name: 'Dana Cole', email: null, phone: '+15125550161' },
      language: 'en',
    });

    const second = await receive(
      voicemail('vm-1002', 'Dana again: she got a ride, thank you.', '+1 512 555 0161'),
    );
    expect(second.data.receiveMessage).toEqual({ ...first.data.receiveMessage, outcome: 'THREADED' });
    expect((await messagesOf(caseId)).map((message) => message.external_key)).toEqual([
      'client:phone-system:vm-1001',
      'client:phone-system:vm-1002',
    ]);
  });

  it('takes a retried message once, and keeps two systems with the same id apart', async () => {
    const first = await receive(voicemail('vm-2001', 'Calling about the field trip form.', '5125550162'));
    const again = await receive(voicemail('vm-2001', 'Calling about the field trip form.', '5125550162'));
    expect(again.data.receiveMessage).toEqual({ ...first.data.receiveMessage, outcome: 'DUPLICATE' });
    expect(await messagesOf(first.data.receiveMessage.caseId)).toHaveLength(1);

    const social = await receive(
      { ...voicemail('vm-2001', 'Posted: when is the field trip?', '5125550162'), channel: 'SOCIAL' },
      otherVendor,
    );
    expect(social.data.receiveMessage.outcome).toBe('CREATED');
    expect(social.data.receiveMessage.caseId).not.toBe(first.data.receiveMessage.caseId);
  });

  it('records the language, given or detected', async () => {
    const given = await receive({
      ...voicemail('vm-3001', 'Hola, llamo por el autobús.', '5125550163'),
      language: 'es',
    });
    expect((await messagesOf(given.data.receiveMessage.caseId))[0].language).toBe('es');
    const detected = await receive(
      voicemail('vm-3002', 'Con trai tôi bị ốm hôm nay nên không thể đến trường.', '5125550164'),
    );
    const [row] = await cases.database.dataSource.query('SELECT language FROM support_case WHERE id = $1', [
      detected.data.receiveMessage.caseId,
    ]);
    expect(row.language).toBe('vi');
  });

  it.each([
    [{ channel: 'EMAIL' }, 'INVALID_CHANNEL'],
    [{ channel: 'WEB_FORM' }, 'INVALID_CHANNEL'],
    [{ externalId: '  ' }, 'EXTERNAL_ID_REQUIRED'],
    [{ from: { name: 'No way to answer' } }, 'CONTACT_REQUIRED'],
    [{ body: '   ' }, undefined],
  ])('refuses what is not a message it can keep (%j), keeping nothing', async (change, reason) => {
    const before = await cases.database.dataSource.query('SELECT count(*)::int AS n FROM case_message');
    const result = await receive({ ...voicemail(`vm-bad-${randomUUID()}`, 'Hello'), ...change });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      ...(reason ? { reason } : {}),
    });
    expect(await cases.database.dataSource.query('SELECT count(*)::int AS n FROM case_message')).toEqual(
      before,
    );
  });

  it('is for integrations that write cases and district administrators only', async () => {
    for (const principal of [reader, agent, { kind: 'anonymous' } as Principal]) {
      const result = await receive(voicemail(`vm-${randomUUID()}`, 'Hello'), principal);
      expect(result.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
    }
  });
});
