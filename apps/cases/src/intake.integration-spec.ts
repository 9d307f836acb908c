import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Principal } from '@homeroom/platform/auth';
import { type TestDatabase } from '@homeroom/platform/database/testing';
import { readTopic } from '@homeroom/platform/testing';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { CASES_TOPIC, CaseOpened } from '@homeroom/cases/contracts';
import { useCasesSuite, SUBMIT, TRACK } from './testing/cases-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

describe('cases: intake from the public form and email', () => {
  const suite = useCasesSuite('cases-intake');
  const { schoolId, admin, anonymous, graphql, submit, caseId } = suite;
  let database: TestDatabase;
  let topicId: string;
  let smtpPort: number;
  // What the suite has once it has started.
  beforeAll(() => ({ database, topicId, smtpPort } = suite));

  it('serves the committed SDL that composition reads (set UPDATE_SCHEMAS=1 to rewrite it)', async () => {
    const committed = join(workspaceRoot(), 'apps', 'cases', 'schema.graphql');
    const generated: string = (await graphql('{ _service { sdl } }')).data._service.sdl;
    if (process.env['UPDATE_SCHEMAS'] === '1' || !existsSync(committed)) writeFileSync(committed, generated);
    expect(generated).toBe(readFileSync(committed, 'utf8'));
    expect(generated).toMatch(/type Case\s+@key\(fields: "id"\)/);
  });

  it('takes an anonymous inquiry from the public form and lets the family track it', async () => {
    const { caseNumber, trackingToken } = await submit();
    expect(caseNumber).toMatch(/^HR-\d{4}-\d{6}$/);
    expect(trackingToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const tracked = (await graphql(TRACK, { t: trackingToken })).data.trackCase;
    expect(tracked).toEqual({
      number: caseNumber,
      status: 'NEW',
      messages: [{ direction: 'INBOUND', body: 'Bus 14 was 40 minutes late this morning.' }],
      followUpNumber: null,
    });
    const [stored] = await database.dataSource.query(
      'SELECT contact, tracking_token_hash FROM support_case WHERE number = $1',
      [caseNumber],
    );
    expect(stored.contact).toEqual({ name: null, email: null, phone: null });
    expect(stored.tracking_token_hash).not.toContain(trackingToken);
    expect((await graphql(TRACK, { t: 'not-a-token' })).data.trackCase).toBeNull();
  });

  it('refuses bad inquiries with typed errors and writes nothing', async () => {
    const count = async () =>
      (
        await database.dataSource.query(
          'SELECT (SELECT count(*) FROM support_case) + (SELECT count(*) FROM outbox_event) AS n',
        )
      )[0].n;
    const before = await count();
    const reasons = async (input: Record<string, unknown>) =>
      (await graphql(SUBMIT, { input: { message: 'Hello', ...input } })).errors[0].extensions.reason;
    expect(await reasons({ schoolId: randomUUID(), anonymous: true })).toBe('UNKNOWN_SCHOOL');
    expect(await reasons({ topicId: randomUUID(), anonymous: true })).toBe('UNKNOWN_TOPIC');
    expect(await reasons({ requester: { name: 'Rosa' } })).toBe('CONTACT_REQUIRED');
    expect(await reasons({ requester: { email: 'rosa@' } })).toBe('INVALID_EMAIL');
    expect(await reasons({ message: '   ', anonymous: true })).toBe('EMPTY_MESSAGE');
    expect(await reasons({ message: 'x'.repeat(20_001), anonymous: true })).toBe('MESSAGE_TOO_LONG');
    expect(await reasons({ language: 'klingonese', anonymous: true })).toBe('INVALID_LANGUAGE_TAG');
    expect(await count()).toBe(before);
  });

  it('refuses oversized text, NUL characters and ids that are not ids with BAD_USER_INPUT naming the field', async () => {
    const { caseNumber, trackingToken } = await submit();
    const id = await caseId(caseNumber);
    const written = async () =>
      (
        await database.dataSource.query(
          'SELECT (SELECT count(*) FROM case_message) + (SELECT count(*) FROM outbox_event) AS n',
        )
      )[0].n;
    const before = await written();
    const refusal = async (
      query: string,
      variables: Record<string, unknown>,
      principal: Principal = admin,
    ) => {
      const { errors } = await graphql(query, variables, principal);
      expect(errors).toHaveLength(1);
      return errors[0].extensions;
    };
    const CASES_SEARCH = 'query($s: String) { cases(filter: { search: $s }) { totalCount } }';
    // A search of 100 KB once held the database for seconds (twice: the count and the page).
    expect(await refusal(CASES_SEARCH, { s: 'late bus '.repeat(11_112) })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'STRING_TOO_LONG',
      details: [{ path: 'filter.search', message: 'at most 200 characters' }],
    });
    expect((await graphql(CASES_SEARCH, { s: 'late bus '.repeat(22) }, admin)).errors).toBeUndefined();
    // PostgreSQL text cannot hold U+0000: refused by name, not an INTERNAL error from the database.
    expect(
      await refusal(SUBMIT, { input: { message: 'Hello\u0000', anonymous: true } }, anonymous),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NUL_CHARACTER',
      details: [{ path: 'message' }],
    });
    expect(
      await refusal(
        'mutation($t: String!, $b: String!) { replyAsRequester(token: $t, body: $b) { number } }',
        {
          t: trackingToken,
          b: 'Thanks\u0000',
        },
        anonymous,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'body' }] });
    expect(
      await refusal(CASES_SEARCH.replace('search: $s', 'search: $s, tags: ["ok", "b\\u0000d"]'), {
        s: 'bus',
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'filter.tags.1' }] });
    // Every ID this subgraph takes is a UUID; anything else never reaches a query.
    expect(await refusal('query($id: ID) { case(id: $id) { id } }', { id: 'HR-2026-000001' })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
      details: [{ path: 'id', message: 'not a valid id' }],
    });
    expect(
      await refusal('mutation($c: ID!, $b: String!) { replyToCase(caseId: $c, body: $b) { id } }', {
        c: '42',
        b: 'Hi',
      }),
    ).toMatchObject({ reason: 'INVALID_ID', details: [{ path: 'caseId' }] });
    expect(
      await refusal('mutation($c: ID!, $a: ID) { assignCase(caseId: $c, assigneeId: $a) { id } }', {
        c: id,
        a: 'me',
      }),
    ).toMatchObject({ reason: 'INVALID_ID', details: [{ path: 'assigneeId' }] });
    expect(
      await refusal(CASES_SEARCH.replace('search: $s', 'search: $s, schoolId: "lincoln"'), { s: 'bus' }),
    ).toMatchObject({
      reason: 'INVALID_ID',
      details: [{ path: 'filter.schoolId' }],
    });
    // A body up to its own, larger limit still reaches the domain, which keeps its finer reason.
    expect(
      await refusal('mutation($c: ID!, $b: String!) { addInternalNote(caseId: $c, body: $b) { id } }', {
        c: id,
        b: 'x'.repeat(20_001),
      }),
    ).toMatchObject({ reason: 'MESSAGE_TOO_LONG' });
    expect(await written()).toBe(before);
  });

  describe('email intake', () => {
    const mailer = () =>
      createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    const casesFrom = async (email: string) =>
      database.dataSource.query(
        `SELECT number, channel, subject, contact FROM support_case WHERE contact->>'email' = $1 ORDER BY created_at`,
        [email],
      );
    const messagesOf = async (number: string) =>
      (
        await database.dataSource.query(
          'SELECT m.body FROM case_message m JOIN support_case c ON c.id = m.case_id WHERE c.number = $1 ORDER BY m.created_at',
          [number],
        )
      ).map((r: Json) => r.body);

    it('turns a message into a case and threads the reply, keeping only what is new', async () => {
      await mailer().sendMail({
        from: 'Rosa Parks <Rosa.Parks@Example.org>',
        to: 'talk@homeroom.test',
        subject: 'Bus 14 keeps missing our stop',
        text: 'The bus skipped our stop on Elm Street twice this week.\n\n-- \nRosa',
      });
      const [opened] = await casesFrom('rosa.parks@example.org');
      expect(opened).toMatchObject({
        channel: 'EMAIL',
        subject: 'Bus 14 keeps missing our stop',
        contact: { name: 'Rosa Parks', email: 'rosa.parks@example.org' },
      });

      await mailer().sendMail({
        from: 'rosa.parks@example.org',
        to: 'talk@homeroom.test',
        subject: `Re: [${opened.number}] Bus 14 keeps missing our stop`,
        text: `It happened again today.\n\nOn Tue, Nov 24, 2026 at 9:14 AM Homeroom <talk@homeroom.test> wrote:\n> We are looking into it.`,
      });
      expect(await casesFrom('rosa.parks@example.org')).toHaveLength(1);
      const messages = await messagesOf(opened.number);
      expect(messages[messages.length - 1]).toBe('It happened again today.');
    });

    it('reads HTML-only mail as text, and starts a new case when a stranger quotes a case number', async () => {
      const [{ number }] = await casesFrom('rosa.parks@example.org');
      await mailer().sendMail({
        from: 'someone@example.net',
        to: 'talk@homeroom.test',
        subject: `About ${number}`,
        html: '<p>Hello,<br>my son <b>lost</b> his bus pass.</p><script>alert(1)</script>',
      });
      const [stranger] = await casesFrom('someone@example.net');
      expect(stranger.number).not.toBe(number);
      const [body] = await messagesOf(stranger.number);
      expect(body).toBe('Hello,\nmy son lost his bus pass.');
      expect(body).not.toContain('alert');
      expect(body).not.toContain('<');
    });

    it('ignores auto-replies and bounces, and refuses other mailboxes and oversized mail', async () => {
      await mailer().sendMail({
        from: 'away@example.org',
        to: 'talk@homeroom.test',
        subject: 'Out of office',
        text: 'I am away.',
        headers: { 'Auto-Submitted': 'auto-replied' },
      });
      await mailer().sendMail({
        from: 'MAILER-DAEMON@mx.example.org',
        to: 'talk@homeroom.test',
        subject: 'Undeliverable',
        text: 'Delivery failed.',
      });
      expect(await casesFrom('away@example.org')).toHaveLength(0);
      expect(await casesFrom('mailer-daemon@mx.example.org')).toHaveLength(0);
      await expect(
        mailer().sendMail({
          from: 'rosa.parks@example.org',
          to: 'principal@homeroom.test',
          subject: 'Hi',
          text: 'x',
        }),
      ).rejects.toMatchObject({ responseCode: 550 });
      await expect(
        mailer().sendMail({
          from: 'rosa.parks@example.org',
          to: 'talk@homeroom.test',
          subject: 'Huge',
          text: 'x'.repeat(11 * 1024 * 1024),
        }),
      ).rejects.toMatchObject({ responseCode: 552 });
    });
  });

  it('never gives two cases the same number, however many arrive at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => submit({ message: `Parallel inquiry ${i}` })),
    );
    const numbers = results.map((r) => r.caseNumber);
    expect(new Set(numbers).size).toBe(40);
    const sequences = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect(sequences.at(-1)! - sequences[0]!).toBe(39);
  });

  it("publishes CaseOpened through the outbox, without the requester's words or contact", async () => {
    const { caseNumber } = await submit({ anonymous: false, requester: { email: 'parent@example.org' } });
    const id = await caseId(caseNumber);
    const [message] = await readTopic(CASES_TOPIC, 1, {
      timeoutMs: 30_000,
      filter: (m) => m.key?.toString() === id && JSON.parse(m.value!.toString()).type === CaseOpened.type,
    });
    const event = JSON.parse(message!.value!.toString());
    expect(CaseOpened.schema.parse(event.data)).toMatchObject({
      caseId: id,
      number: caseNumber,
      channel: 'WEB_FORM',
      schoolId,
      topicId,
    });
    expect(JSON.stringify(event)).not.toContain('parent@example.org');
    expect(JSON.stringify(event)).not.toContain('Bus 14');
  });
});
