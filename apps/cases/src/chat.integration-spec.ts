import { randomUUID } from 'node:crypto';
import { ChatClient, type ChatMessage } from '@homeroom/cases/chat-client';
import { ChatService } from '@homeroom/cases/data-access';
import { ANONYMOUS, type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { waitUntil } from '@homeroom/platform/testing';
// The development mail catcher stands in for the district's SMTP relay, as it does on a developer's machine.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  type CaughtMessage,
  type MailCatcher,
  startMailCatcher,
} from '../../../tools/mail-catcher/mail-catcher';
import { startCasesApp, type CasesTestApp } from './testing/cases-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL and SQL rows are checked field by field
type Json = any;

const START = `mutation($input: SubmitInquiryInput!) { startChat(input: $input) { caseNumber trackingToken } }`;
const SAY = `mutation($t: String!, $b: String!) { replyAsRequester(token: $t, body: $b) { number } }`;

/** What one open stream of a chat received, as the widget's own client reads it. */
interface Followed {
  messages: ChatMessage[];
  ended: (string | null)[];
  gone: boolean;
  stop(): void;
}

/**
 * Web chat against the real PostgreSQL and Kafka: a chat is a case whose family follows it live by
 * Server-Sent Events (woken by NOTIFY from whichever replica wrote), ends by the family, staff or idleness
 * with a transcript mailed over real SMTP, and staff presence says whether anyone is there.
 */
describe('web chat', () => {
  let cases: CasesTestApp;
  let catcher: MailCatcher;
  let origin: string;
  const schoolId = randomUUID();
  const otherSchool = randomUUID();
  const agent = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId });
  const otherAgent = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: otherSchool });
  const vendor: Principal = {
    kind: 'client',
    subject: 'website-vendor',
    scopes: ['cases:read', 'cases:write'],
  };
  const teamId = randomUUID();

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    cases = await startCasesApp('cases_chat', { SMTP_OUTBOUND_URL: `smtp://127.0.0.1:${catcher.smtpPort}` });
    origin = await cases.app.getUrl();
    // The directory's school and team (its events feed these read models in production).
    await cases.database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active)
       VALUES ($1, 'Lincoln Elementary', 'America/Chicago', true), ($2, 'Washington High', 'America/Chicago', true)`,
      [schoolId, otherSchool],
    );
    await cases.database.dataSource.query(
      `INSERT INTO known_team (id, name, school_id, active) VALUES ($1, 'Lincoln front office', $2, true)`,
      [teamId, schoolId],
    );
    await cases.database.dataSource.query(
      'INSERT INTO known_team_member (team_id, person_id, available) VALUES ($1, $2, true)',
      [teamId, agent.subject],
    );
  });
  afterAll(async () => {
    await cases?.close();
    await catcher?.close();
  });

  const ok = async (query: string, variables: Record<string, unknown>, principal: Principal = ANONYMOUS) => {
    const result = await cases.graphql(query, variables, principal);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const start = async (input: Record<string, unknown> = {}) =>
    (
      await ok(START, {
        input: {
          message: 'Hi, is the library open during spring break?',
          language: 'en',
          schoolId,
          ...input,
        },
      })
    ).startChat as { caseNumber: string; trackingToken: string };
  const caseOf = async (caseNumber: string): Promise<Json> =>
    (
      await cases.database.dataSource.query(
        'SELECT id, channel, status FROM support_case WHERE number = $1',
        [caseNumber],
      )
    )[0];
  const follow = (token: string, at = origin): Followed => {
    const followed: Followed = { messages: [], ended: [], gone: false, stop: () => undefined };
    followed.stop = new ChatClient(at).follow(token, {
      message: (message) => followed.messages.push(message),
      ended: (reason) => followed.ended.push(reason),
      connection: () => undefined,
      gone: () => (followed.gone = true),
    });
    return followed;
  };
  /** Waits (up to 10 s) for what the stream or the database should soon show. */
  const eventually = (what: string, probe: () => Promise<boolean>) =>
    waitUntil(what, probe, { timeoutMs: 10_000 });
  const mailTo = async (address: string): Promise<CaughtMessage[]> => {
    const messages = (await (await fetch(`${catcher.url}/api/messages`)).json()) as CaughtMessage[];
    return messages.filter((message) => message.envelope.to.includes(address));
  };

  it("opens a chat as a case, and streams the family's and staff's messages live, each once", async () => {
    const chat = await start({ requester: { name: 'Mai Tran', email: 'mai.tran@example.org' } });
    const supportCase = await caseOf(chat.caseNumber);
    expect(supportCase).toMatchObject({ channel: 'CHAT', status: 'NEW' });

    const stream = follow(chat.trackingToken);
    await eventually('the first message on the stream', async () => stream.messages.length === 1);
    expect(stream.messages[0]).toMatchObject({
      body: 'Hi, is the library open during spring break?',
      fromRequester: true,
    });

    const replyId = await cases.reply(supportCase.id, 'Yes, 9 to 3 every weekday.', agent);
    await eventually('the reply on the stream', async () => stream.messages.length === 2);
    expect(stream.messages[1]).toMatchObject({
      id: replyId,
      body: 'Yes, 9 to 3 every weekday.',
      fromRequester: false,
    });

    await ok(SAY, { t: chat.trackingToken, b: 'Thank you!' });
    await eventually('the family’s next message on the stream', async () => stream.messages.length === 3);
    // An internal note never reaches the family.
    await ok(
      'mutation($id: ID!) { addInternalNote(caseId: $id, body: "Regular at the library") { id } }',
      { id: supportCase.id },
      agent,
    );
    const second = follow(chat.trackingToken);
    await eventually('a second tab to catch up', async () => second.messages.length === 3);
    expect(second.messages.map((message) => message.body)).toEqual(
      stream.messages.map((message) => message.body),
    );
    expect(new Set(stream.messages.map((message) => message.id)).size).toBe(3);

    // While the family is in the chat, the reply is not mailed as well.
    await waitUntil(
      'the reply to be handled',
      async () => {
        const [row] = await cases.database.dataSource.query(
          'SELECT email_skipped FROM case_message WHERE id = $1',
          [replyId],
        );
        return row.email_skipped === 'IN_CHAT';
      },
      { timeoutMs: 60_000 },
    );
    stream.stop();
    second.stop();

    const seen: Json = await ok(
      'query($id: ID!) { case(id: $id) { channel chat { endedAt endReason } } }',
      { id: supportCase.id },
      agent,
    );
    expect(seen.case).toEqual({ channel: 'CHAT', chat: { endedAt: null, endReason: null } });
  });

  it('refuses a stream without a token, with a token that is not a chat’s, and with a made-up one', async () => {
    expect((await fetch(`${origin}/chat/events`)).status).toBe(401);
    const webForm = (
      await ok('mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { trackingToken } }', {
        input: { message: 'A question by the form', anonymous: true },
      })
    ).submitInquiry.trackingToken as string;
    for (const token of [webForm, 'x'.repeat(43)]) {
      const response = await fetch(`${origin}/chat/events`, {
        headers: { Authorization: `Tracking ${token}` },
      });
      expect(response.status).toBe(404);
    }
    const refused = await cases.graphql(
      'mutation($t: String!) { endChat(token: $t) }',
      { t: webForm },
      ANONYMOUS,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('ends a chat the family leaves: the stream says so, and the transcript is mailed once', async () => {
    const chat = await start({
      requester: { name: 'Ana Ruiz', email: 'ana.ruiz@example.org' },
      language: 'es',
    });
    const supportCase = await caseOf(chat.caseNumber);
    await cases.reply(supportCase.id, 'Buenos días, ¿en qué le ayudo?', agent);
    await cases.reply(supportCase.id, 'Siga su caso aquí: {{case.trackingLink}}', agent);
    const stream = follow(chat.trackingToken);
    await eventually('the three messages', async () => stream.messages.length === 3);
    // In the chat, the tracking link is the one the family holds.
    expect(stream.messages[2]!.body).toBe(
      `Siga su caso aquí: http://localhost:4200/track/${chat.trackingToken}`,
    );

    expect(
      (await ok('mutation($t: String!) { endChat(token: $t) }', { t: chat.trackingToken })).endChat,
    ).toBe(true);
    await eventually('the end on the stream', async () => stream.ended.length === 1);
    expect(stream.ended).toEqual(['REQUESTER_LEFT']);
    expect(
      (await ok('mutation($t: String!) { endChat(token: $t) }', { t: chat.trackingToken })).endChat,
    ).toBe(false);

    expect(await cases.app.get(ChatService).mailTranscripts()).toBe(1);
    expect(await cases.app.get(ChatService).mailTranscripts()).toBe(0);
    const [mail] = await mailTo('ana.ruiz@example.org');
    expect(mail).toMatchObject({ subject: `Su chat con el distrito (caso ${chat.caseNumber})` });
    expect(mail!.text).toContain('Hi, is the library open during spring break?');
    expect(mail!.text).toContain('Personal del distrito:\nBuenos días, ¿en qué le ayudo?');
    expect(mail!.replyTo).toMatch(/^talk\+/);
    // The mailed transcript carries a link of its own (the chat's stays with the browser that held it).
    const mailed = /Siga su caso aquí: http:\/\/localhost:4200\/track\/([A-Za-z0-9_-]{43})/.exec(
      mail!.text ?? '',
    );
    expect(mailed?.[1]).toEqual(expect.any(String));
    expect(mailed?.[1]).not.toBe(chat.trackingToken);
    expect(
      await cases.database.dataSource.query('SELECT channel FROM case_tracking_link WHERE case_id = $1', [
        supportCase.id,
      ]),
    ).toEqual([{ channel: 'CHAT_TRANSCRIPT' }]);
    const kinds = await cases.database.dataSource.query(
      `SELECT kind FROM case_timeline WHERE case_id = $1 AND kind LIKE 'CHAT_%' ORDER BY id`,
      [supportCase.id],
    );
    expect(kinds.map((row: Json) => row.kind)).toEqual(['CHAT_ENDED', 'CHAT_TRANSCRIPT_SENT']);
    stream.stop();
  });

  it('ends idle chats and chats whose case was resolved; no transcript without an address', async () => {
    const idle = await start();
    const resolved = await start();
    const idleCase = await caseOf(idle.caseNumber);
    const resolvedCase = await caseOf(resolved.caseNumber);
    await cases.database.dataSource.query(
      "UPDATE chat_session SET last_activity_at = now() - interval '2 hours' WHERE case_id = $1",
      [idleCase.id],
    );
    await ok(
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: RESOLVED, sendSurvey: false) { id } }',
      { id: resolvedCase.id },
      agent,
    );
    const chats = cases.app.get(ChatService);
    expect(await chats.endIdle()).toBeGreaterThanOrEqual(2);
    const sessions = await cases.database.dataSource.query(
      'SELECT case_id, closed_reason FROM chat_session WHERE case_id = ANY($1) ORDER BY closed_reason',
      [[idleCase.id, resolvedCase.id]],
    );
    expect(sessions).toEqual([
      { case_id: resolvedCase.id, closed_reason: 'CASE_CLOSED' },
      { case_id: idleCase.id, closed_reason: 'IDLE' },
    ]);
    await chats.mailTranscripts();
    const [skipped] = await cases.database.dataSource.query(
      'SELECT transcript_skipped FROM chat_session WHERE case_id = $1',
      [idleCase.id],
    );
    expect(skipped.transcript_skipped).toBe('NO_EMAIL');
    // A stream opened on an ended chat says it ended, and closes.
    const late = follow(idle.trackingToken);
    await eventually('the end on a late stream', async () => late.ended.length === 1);
    expect(late.ended).toEqual(['IDLE']);
    late.stop();
  });

  it("says whether anyone is there by staff presence, within the caller's schools", async () => {
    const availability = async (school: string) =>
      (await ok('query($s: ID) { chatAvailability(schoolId: $s) { agentsAvailable } }', { s: school }))
        .chatAvailability.agentsAvailable;
    expect(await availability(schoolId)).toBe(false);
    const set = await ok('mutation { setMyPresence(status: AVAILABLE) { personId status } }', {}, agent);
    expect(set.setMyPresence).toEqual({ personId: agent.subject, status: 'AVAILABLE' });
    expect(await availability(schoolId)).toBe(true);
    // The team is Lincoln's: Washington's families are told nobody is there.
    expect(await availability(otherSchool)).toBe(false);

    const team = `query($t: ID!) { teamPresence(teamId: $t) { personId status } }`;
    expect((await ok(team, { t: teamId }, agent)).teamPresence).toEqual([
      { personId: agent.subject, status: 'AVAILABLE' },
    ]);
    const outside = await cases.graphql(team, { t: teamId }, otherAgent);
    expect(outside.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUTSIDE_YOUR_SCHOOLS',
    });
    const asVendor = await cases.graphql(
      'mutation { setMyPresence(status: AVAILABLE) { status } }',
      {},
      vendor,
    );
    expect(asVendor.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'STAFF_ONLY' });

    // A portal that stopped saying so lapses to AWAY.
    await cases.database.dataSource.query(
      "UPDATE staff_presence SET seen_at = now() - interval '10 minutes' WHERE person_id = $1",
      [agent.subject],
    );
    expect(await availability(schoolId)).toBe(false);
    expect((await ok('query { myPresence { status } }', {}, agent)).myPresence.status).toBe('AWAY');
  });

  it('reaches a stream on one replica with a reply written on another', async () => {
    const replica = await startCasesApp('cases_chat', {}, cases);
    try {
      const chat = await start();
      const supportCase = await caseOf(chat.caseNumber);
      const stream = follow(chat.trackingToken, await replica.app.getUrl());
      await eventually('the first message on the replica', async () => stream.messages.length === 1);
      await cases.reply(supportCase.id, 'Answered on the other replica.', agent);
      await eventually('the reply on the replica', async () => stream.messages.length === 2);
      expect(stream.messages[1]!.body).toBe('Answered on the other replica.');
      stream.stop();
    } finally {
      await replica.close();
    }
  });
});
