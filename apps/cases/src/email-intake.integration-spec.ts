import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { EmailIntakeService } from '@homeroom/cases/data-access';
import { tnefStream } from '@homeroom/cases/data-access/testing';
import { startCasesApp, type CasesTestApp } from './testing/cases-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows and GraphQL results are checked field by field
type Json = any;

const admin: Principal = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });
const agent: Principal = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: randomUUID() });

/** The smallest JPEG the attachment policy's signature check accepts. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);

/** A message as a mail server hands it over: raw lines, CRLF. */
const message = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);
const headerBlock = (from: string | null, subject: string, extra: string[] = []) => [
  ...(from === null ? [] : [`From: ${from}`]),
  'To: talk@homeroom.test',
  `Subject: ${subject}`,
  `Message-ID: <${randomUUID()}@mail.example.org>`,
  'Date: Sun, 06 Dec 2026 09:00:00 -0600',
  'MIME-Version: 1.0',
  ...extra,
];

/**
 * The email intake's promise, over real SMTP: every message answered 250 is a case, a reply on one, a second
 * delivery of one, or kept in the quarantine with the reason; staff release or discard what was kept.
 * Each defect the replay of published mail found (issue 18) has its case here.
 */
describe('email intake: nothing lost, nothing invented', () => {
  let cases: CasesTestApp;

  beforeAll(async () => {
    cases = await startCasesApp('email-intake');
  });
  afterAll(() => cases?.close());

  const send = (raw: Buffer, from: string | false = 'parent@example.org') =>
    createTransport({ host: '127.0.0.1', port: cases.smtpPort, secure: false, ignoreTLS: true }).sendMail({
      envelope: { from: from === false ? '' : from, to: ['talk@homeroom.test'] },
      raw,
    });
  const rows = (sql: string, params: unknown[] = []): Promise<Json[]> =>
    cases.database.dataSource.query(sql, params);
  const casesFrom = (email: string) =>
    rows(
      `SELECT number, subject, contact FROM support_case WHERE contact->>'email' = $1 ORDER BY created_at`,
      [email],
    );
  const quarantinedFrom = (email: string) =>
    rows('SELECT id, reason, detail FROM quarantined_email WHERE from_address = $1 ORDER BY received_at', [
      email,
    ]);

  it('takes an attachment whose Content-Type is empty, keeping the mail (it was a 451 on every retry)', async () => {
    const raw = message([
      ...headerBlock('Ana <ana@example.org>', 'Photo of the broken bench'),
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'The bench by the gym is broken.',
      '--b',
      'Content-Type: ; name="bench.jpg"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="bench.jpg"',
      '',
      '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z',
      '--b--',
    ]);
    await expect(send(raw, 'ana@example.org')).resolves.toMatchObject({
      response: expect.stringMatching(/^250/),
    });
    const [opened] = await casesFrom('ana@example.org');
    expect(opened?.subject).toBe('Photo of the broken bench');
  });

  it('cuts a subject over 200 characters instead of answering 451 forever', async () => {
    const subject = `Bus route question ${'and more details '.repeat(20)}`.trim();
    await send(
      message([...headerBlock('long@example.org', subject), 'Content-Type: text/plain', '', 'See subject.']),
      'long@example.org',
    );
    const [opened] = await casesFrom('long@example.org');
    expect(opened.subject).toHaveLength(200);
    expect(opened.subject.endsWith('…')).toBe(true);
  });

  it.each([
    [
      'an Exchange out-of-office',
      'oof@example.org',
      ['X-Auto-Response-Suppress: All', 'X-MS-Exchange-Inbox-Rules-Loop: oof@example.org'],
      'Automatic reply: Bus 14',
      'oof@example.org',
      'AUTO_REPLY',
    ],
    [
      'an Apple Mail vacation reply (null sender)',
      'vacation@example.org',
      [],
      'Out of Office: Re: Bus 14',
      false,
      'AUTO_REPLY',
    ],
    [
      'a mailing list post',
      'list@example.org',
      ['List-Id: PTA news <pta.lists.example.org>'],
      'PTA minutes',
      'list@example.org',
      'MAILING_LIST',
    ],
  ] as [string, string, string[], string, string | false, string][])(
    'keeps %s in the quarantine instead of opening a case',
    async (_what, from, extra, subject, envelopeFrom, reason) => {
      await send(
        message([
          ...headerBlock(from, subject, extra),
          'Content-Type: text/plain',
          '',
          'I am away until Monday.',
        ]),
        envelopeFrom,
      );
      expect(await casesFrom(from)).toHaveLength(0);
      expect((await quarantinedFrom(from)).map((row) => row.reason)).toEqual([reason]);
    },
  );

  it.each([
    ['a read receipt', 'disposition-notification', 'READ_RECEIPT'],
    ['an abuse report', 'feedback-report', 'ABUSE_REPORT'],
  ])('keeps %s (multipart/report) in the quarantine', async (_what, reportType, reason) => {
    const from = `${reportType}@example.net`;
    const raw = message([
      ...headerBlock(from, 'Read: Bus 14'),
      `Content-Type: multipart/report; report-type=${reportType}; boundary="r"`,
      '',
      '--r',
      'Content-Type: text/plain',
      '',
      'Your message was displayed.',
      '--r',
      `Content-Type: message/${reportType === 'feedback-report' ? 'feedback-report' : 'disposition-notification'}`,
      '',
      reportType === 'feedback-report'
        ? 'Feedback-Type: abuse'
        : 'Disposition: manual-action/MDN-sent-manually; displayed',
      '--r--',
    ]);
    await send(raw, from);
    expect(await casesFrom(from)).toHaveLength(0);
    expect((await quarantinedFrom(from)).map((row) => row.reason)).toEqual([reason]);
  });

  it('makes one case of a message delivered twice, one after the other or both at once', async () => {
    const raw = message([
      ...headerBlock('twice@example.org', 'Lunch account'),
      'Content-Type: text/plain',
      '',
      'Please refund the lunch account.',
    ]);
    await send(raw, 'twice@example.org');
    await send(raw, 'twice@example.org');
    const racing = message([
      ...headerBlock('race@example.org', 'Field trip form'),
      'Content-Type: text/plain',
      '',
      'Where is the form?',
    ]);
    await Promise.all([
      send(racing, 'race@example.org'),
      send(racing, 'race@example.org'),
      send(racing, 'race@example.org'),
    ]);
    expect(await casesFrom('twice@example.org')).toHaveLength(1);
    expect(await casesFrom('race@example.org')).toHaveLength(1);
  });

  it('answers the envelope sender when the From header cannot be read', async () => {
    await send(
      message([
        ...headerBlock('undisclosed-recipients:;', 'Bus pass'),
        'Content-Type: text/plain',
        '',
        'My son lost his bus pass.',
      ]),
      'grandma@example.org',
    );
    await send(
      message([...headerBlock(null, 'No From at all'), 'Content-Type: text/plain', '', 'Hello?']),
      'nofrom@example.org',
    );
    expect((await casesFrom('grandma@example.org')).map((row) => row.subject)).toEqual(['Bus pass']);
    expect((await casesFrom('nofrom@example.org')).map((row) => row.subject)).toEqual(['No From at all']);
  });

  it('keeps a message with no address to answer, a notification with no sender, and an empty one, with the reason', async () => {
    const ghost = (id: string) =>
      message([
        `Message-ID: <${id}@mail.example.org>`,
        'To: talk@homeroom.test',
        'Subject: ghost',
        '',
        'Boo.',
      ]);
    const reasonOf = async (id: string) =>
      rows("SELECT reason FROM quarantined_email WHERE convert_from(raw, 'UTF8') LIKE $1", [`%${id}%`]);
    // No From, and an envelope sender mail cannot be sent to.
    const nowhere = randomUUID();
    await send(ghost(nowhere), 'nobody@localhost');
    expect(await reasonOf(nowhere)).toEqual([{ reason: 'NO_SENDER' }]);
    // No From and the null sender <>: a notification, by RFC 5321.
    const notification = randomUUID();
    await send(ghost(notification), false);
    expect(await reasonOf(notification)).toEqual([{ reason: 'DELIVERY_REPORT' }]);
    await send(
      message([...headerBlock('empty@example.org', ''), 'Content-Type: text/plain', '', '']),
      'empty@example.org',
    );
    expect((await quarantinedFrom('empty@example.org')).map((row) => row.reason)).toEqual(['EMPTY']);
  });

  it('lets district administrators list, release and discard what was kept; no one else', async () => {
    const list = `query($state: QuarantineState) { quarantinedEmails(state: $state, first: 100) { totalCount edges { node { id reason fromAddress subject releasedCaseNumber } } } }`;
    const listed = await cases.graphql(list, { state: 'OPEN' }, admin);
    const oof = listed.data.quarantinedEmails.edges
      .map((edge: Json) => edge.node)
      .find((node: Json) => node.fromAddress === 'oof@example.org');
    expect(oof).toMatchObject({ reason: 'AUTO_REPLY', subject: 'Automatic reply: Bus 14' });
    expect((await cases.graphql(list, {}, agent)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const release = `mutation($id: ID!) { releaseQuarantinedEmail(id: $id) { caseNumber email { releasedCaseNumber } } }`;
    const released = await cases.graphql(release, { id: oof.id }, admin);
    const caseNumber = released.data.releaseQuarantinedEmail.caseNumber;
    expect(released.data.releaseQuarantinedEmail.email.releasedCaseNumber).toBe(caseNumber);
    expect((await casesFrom('oof@example.org')).map((row) => row.number)).toEqual([caseNumber]);
    const again = await cases.graphql(release, { id: oof.id }, admin);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_SETTLED' });

    const [list2] = await quarantinedFrom('list@example.org');
    const discarded = await cases.graphql(
      `mutation($id: ID!) { discardQuarantinedEmail(id: $id) { discardedAt } }`,
      { id: list2.id },
      admin,
    );
    expect(discarded.data.discardQuarantinedEmail.discardedAt).toBeTruthy();
    const open = (await cases.graphql(list, { state: 'OPEN' }, admin)).data.quarantinedEmails.edges.map(
      (edge: Json) => edge.node.id,
    );
    expect(open).not.toContain(list2.id);
    expect(open).not.toContain(oof.id);
  });

  it('refuses to release a message with no one to answer, leaving it open', async () => {
    const [ghost] = await rows(`SELECT id FROM quarantined_email WHERE reason = 'NO_SENDER'`);
    const released = await cases.graphql(
      `mutation($id: ID!) { releaseQuarantinedEmail(id: $id) { caseNumber } }`,
      { id: ghost.id },
      admin,
    );
    expect(released.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_SENDER' });
    expect(await rows('SELECT released_at FROM quarantined_email WHERE id = $1', [ghost.id])).toEqual([
      { released_at: null },
    ]);
  });

  it('keeps the words of a forwarded message and of a calendar invitation, which were refused as attachments', async () => {
    const forwarded = [
      'From: Ms. Lee <lee@school.example>',
      'To: parent@example.org',
      'Subject: Field trip on Tuesday',
      'Date: Fri, 04 Dec 2026 10:00:00 -0600',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'The trip leaves at 8:15 from the front office.',
    ];
    const raw = message([
      ...headerBlock('forwarder@example.org', 'Fwd: Field trip on Tuesday'),
      'Content-Type: multipart/mixed; boundary="f"',
      '',
      '--f',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Is the time below right? My son says 7:45.',
      '--f',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="Field trip.eml"',
      '',
      ...forwarded,
      '--f',
      'Content-Type: text/calendar; method=REQUEST; charset=utf-8',
      'Content-Disposition: attachment; filename="invite.ics"',
      '',
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'SUMMARY:Field trip',
      'DTSTART:20261208T141500Z',
      'LOCATION:Front office',
      'END:VEVENT',
      'END:VCALENDAR',
      '--f--',
    ]);
    await send(raw, 'forwarder@example.org');
    const [opened] = await casesFrom('forwarder@example.org');
    const [{ body }] = await rows(
      'SELECT m.body FROM case_message m JOIN support_case c ON c.id = m.case_id WHERE c.number = $1',
      [opened.number],
    );
    expect(body).toBe(
      [
        'Is the time below right? My son says 7:45.',
        '---------- Forwarded message ----------\nFrom: "Ms. Lee" <lee@school.example>\nDate: 2026-12-04T16:00:00.000Z\nSubject: Field trip on Tuesday',
        'The trip leaves at 8:15 from the front office.',
        'Invitation: Field trip\nWhen: 2026-12-08 14:15 UTC\nWhere: Front office',
      ].join('\n\n'),
    );
    const refused = await rows(
      `SELECT t.details FROM case_timeline t JOIN support_case c ON c.id = t.case_id WHERE c.number = $1 AND t.kind = 'ATTACHMENTS_REFUSED'`,
      [opened.number],
    );
    expect(refused).toEqual([]);
  });

  it('keeps the files inside an Outlook winmail.dat (TNEF), under the same attachment rules', async () => {
    const tnef = tnefStream({
      files: [
        { title: 'PLAYGR~1.JPG', longName: 'playground.jpg', content: JPEG },
        { title: 'bookmark.htm', content: Buffer.from('<html><body>a web page</body></html>') },
      ],
    });
    const raw = message([
      ...headerBlock('outlook@example.org', 'Picture of the playground'),
      'Content-Type: multipart/mixed; boundary="w"',
      '',
      '--w',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'See the attached picture.',
      '--w',
      'Content-Type: application/ms-tnef; name="winmail.dat"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="winmail.dat"',
      '',
      ...(tnef.toString('base64').match(/.{1,76}/g) ?? []),
      '--w--',
    ]);
    await send(raw, 'outlook@example.org');
    const [opened] = await casesFrom('outlook@example.org');
    const files = await rows(
      'SELECT a.file_name FROM case_attachment a JOIN support_case c ON c.id = a.case_id WHERE c.number = $1',
      [opened.number],
    );
    expect(files.map((file) => file.file_name)).toEqual(['playground.jpg']);
    // The web page inside it is refused as any .htm attachment is, and the timeline says so.
    const [refused] = await rows(
      `SELECT t.details FROM case_timeline t JOIN support_case c ON c.id = t.case_id WHERE c.number = $1 AND t.kind = 'ATTACHMENTS_REFUSED'`,
      [opened.number],
    );
    expect(JSON.stringify(refused?.details)).toContain('bookmark.htm');
  });

  it('takes the same message through the service as through SMTP (the corpus replay drives the service)', async () => {
    const intake = cases.app.get(EmailIntakeService);
    const raw = message([
      ...headerBlock('direct@example.org', 'Direct'),
      'Content-Type: text/plain',
      '',
      'Hello.',
    ]);
    const first = await intake.receive(raw, {
      sender: 'direct@example.org',
      recipients: ['talk@homeroom.test'],
    });
    const second = await intake.receive(raw, {
      sender: 'direct@example.org',
      recipients: ['talk@homeroom.test'],
    });
    expect(first.kind).toBe('created');
    expect(second).toEqual({ kind: 'duplicate', caseNumber: (first as { caseNumber: string }).caseNumber });
  });
});
