import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import {
  freePort,
  startGroupAtEnd,
  subgraphClient,
  testKafkaBrokers,
  uniqueName,
} from '@homeroom/platform/testing';
import {
  AttachmentService,
  AttachmentUrlSigner,
  CASES_ENTITIES,
  CASES_MIGRATIONS,
} from '@homeroom/cases/data-access';
import { loadCasesConfig } from './config';
import { CasesAppModule } from './cases-app.module';
import { graphqlBodyLimit } from './extensions-config';

const SECRET = 'attachments-test-secret-0123456789abcdef';
const URL_SECRET = 'attachment-url-secret-0123456789abcdefghij';
const MAX_BYTES = 64 * 1024;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run')]);
// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('cases: attachments', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let base: string;
  let storageDir: string;
  let smtpPort: number;
  const schoolId = randomUUID();
  const agent: Principal = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: schoolId });
  const admin: Principal = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });
  const anonymous: Principal = { kind: 'anonymous' };

  beforeAll(async () => {
    database = await createTestDatabase('attachments', {
      migrations: CASES_MIGRATIONS,
      entities: CASES_ENTITIES,
    });
    await database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, 'Lincoln Elementary', 'America/Chicago', true)`,
      [schoolId],
    );
    storageDir = await mkdtemp(join(tmpdir(), 'homeroom-attachments-it-'));
    smtpPort = await freePort();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const config = loadCasesConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: uniqueName('cases-attachments-test', '-'),
      GATEWAY_TRUST_SECRET: SECRET,
      SMTP_INTAKE_PORT: String(smtpPort),
      // In the database, as production keeps them; the directory is only read through (and stays empty).
      ATTACHMENT_STORAGE: 'database',
      ATTACHMENT_STORAGE_DIR: storageDir,
      ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
      ATTACHMENT_URL_SECRET: URL_SECRET,
      ATTACHMENT_DOWNLOAD_BASE_URL: base,
      PORTAL_URL: 'http://localhost:4200',
      MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
    });
    // Start with what this test publishes, not with every earlier run's events.
    await startGroupAtEnd(config.KAFKA_CONSUMER_GROUP);
    app = await NestFactory.create<NestExpressApplication>(CasesAppModule.forRoot(config), { logger: false });
    app.useBodyParser('json', { limit: graphqlBodyLimit(config) });
    await app.listen(port, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  const graphql = (
    query: string,
    variables: Record<string, unknown> = {},
    principal: Principal = anonymous,
  ) => subgraphClient(`${base}/graphql`, SECRET)(query, variables, principal) as Promise<Json>;

  /** Stored files: in the database (the default storage) and, were anything ever written there, the directory. */
  const blobs = async () =>
    (
      await database.dataSource.query(
        'SELECT count(DISTINCT storage_key)::int AS n FROM case_attachment_blob',
      )
    )[0].n +
    (await readdir(storageDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
      .length;
  const rows = async () =>
    (await database.dataSource.query('SELECT count(*)::int AS n FROM case_attachment'))[0].n as number;

  const MESSAGES = `messages { id direction body attachments { id fileName contentType sizeBytes downloadUrl } }`;
  const SUBMIT = `mutation($input: SubmitInquiryInput!, $a: [AttachmentInput!]) { submitInquiry(input: $input, attachments: $a) { caseNumber trackingToken } }`;

  async function staffCase(): Promise<string> {
    const created = await graphql(
      'mutation($s: ID) { createCase(input: { channel: PHONE, description: "Lost bus pass.", schoolId: $s, contact: { email: "family@example.org" } }) { id } }',
      { s: schoolId },
      agent,
    );
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    return created.data.createCase.id;
  }

  async function download(url: string): Promise<Response> {
    return fetch(url, { redirect: 'manual' });
  }

  it('keeps the PDF of an email, refuses its .exe on the timeline, and threads a reply with its image', async () => {
    const mailer = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await mailer.sendMail({
      from: 'Rosa Parks <rosa.parks@example.org>',
      to: 'talk@homeroom.test',
      subject: 'The bus schedule we were sent',
      text: 'Attached is the schedule. It does not match the stop times.',
      attachments: [
        { filename: 'schedule.pdf', content: PDF, contentType: 'application/pdf' },
        { filename: 'schedule-viewer.exe', content: EXE, contentType: 'application/octet-stream' },
      ],
    });
    const [opened] = await database.dataSource.query(
      `SELECT id, number FROM support_case WHERE contact->>'email' = 'rosa.parks@example.org'`,
    );
    const CASE = `query($n: String) { case(number: $n) { ${MESSAGES} timeline { kind details } } }`;
    let staffView = (await graphql(CASE, { n: opened.number }, admin)).data.case;
    const [message] = staffView.messages;
    expect(message.attachments).toEqual([
      {
        id: expect.any(String),
        fileName: 'schedule.pdf',
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
        downloadUrl: expect.stringMatching(
          new RegExp(`^${base}/attachments/[0-9a-f-]{36}\\?expires=\\d+&signature=`),
        ),
      },
    ]);
    const refused = staffView.timeline.find((t: Json) => t.kind === 'ATTACHMENTS_REFUSED');
    expect(JSON.parse(refused.details)).toEqual({
      messageId: message.id,
      refused: [
        {
          fileName: 'schedule-viewer.exe',
          reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
          message: '.exe files are not accepted',
        },
      ],
    });
    const pdf = await download(message.attachments[0].downloadUrl);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).equals(PDF)).toBe(true);

    await mailer.sendMail({
      from: 'rosa.parks@example.org',
      to: 'talk@homeroom.test',
      subject: `Re: [${opened.number}] The bus schedule we were sent`,
      text: 'Here is a photo of the stop.\n\n> earlier text',
      attachments: [{ filename: 'stop.png', content: PNG }],
    });
    staffView = (await graphql(CASE, { n: opened.number }, admin)).data.case;
    expect(staffView.messages).toHaveLength(2);
    expect(staffView.messages[1]).toMatchObject({
      body: 'Here is a photo of the stop.',
      attachments: [{ fileName: 'stop.png', contentType: 'image/png', sizeBytes: PNG.length }],
    });
  });

  it('lets staff reply with a base64 PNG that downloads, byte for byte, through the signed link', async () => {
    const id = await staffCase();
    const reply = await graphql(
      `
        mutation ($id: ID!, $a: [AttachmentInput!]) {
          replyToCase(caseId: $id, body: "Here is the new pass.", attachments: $a) {
            id
            attachments {
              id
              fileName
              contentType
              sizeBytes
              downloadUrl
            }
          }
        }
      `,
      {
        id,
        a: [{ fileName: '../../pass.png', contentType: 'image/png', contentBase64: PNG.toString('base64') }],
      },
      agent,
    );
    expect(reply.errors).toBeUndefined();
    const [attachment] = reply.data.replyToCase.attachments;
    expect(attachment).toMatchObject({
      fileName: 'pass.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
    });
    const response = await download(attachment.downloadUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="pass.png"; filename*=UTF-8''pass.png`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
    const [row] = await database.dataSource.query(
      'SELECT case_id, message_id, sha256 FROM case_attachment WHERE id = $1',
      [attachment.id],
    );
    expect(row).toEqual({
      case_id: id,
      message_id: reply.data.replyToCase.id,
      sha256: createHash('sha256').update(PNG).digest('hex'),
    });
    const [stored] = await database.dataSource.query(
      `SELECT string_agg(b.content, ''::bytea ORDER BY b.chunk_index) AS content
         FROM case_attachment a JOIN case_attachment_blob b USING (storage_key) WHERE a.id = $1`,
      [attachment.id],
    );
    expect(Buffer.from(stored.content).equals(PNG)).toBe(true);
    expect(await readdir(storageDir)).toEqual([]);
  });

  it('answers 403 to a tampered, foreign or expired signature, and to none', async () => {
    const id = await staffCase();
    const reply = await graphql(
      `
        mutation ($id: ID!, $a: [AttachmentInput!]) {
          addInternalNote(caseId: $id, body: "Scan.", attachments: $a) {
            attachments {
              id
              downloadUrl
            }
          }
        }
      `,
      {
        id,
        a: [{ fileName: 'scan.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') }],
      },
      agent,
    );
    const [{ id: attachmentId, downloadUrl }] = reply.data.addInternalNote.attachments;
    const url = new URL(downloadUrl);
    const signature = url.searchParams.get('signature')!;
    const variants = [
      downloadUrl.replace(`signature=${signature}`, `signature=${signature.slice(0, -2)}AA`),
      downloadUrl.replace(/expires=(\d+)/, (_: string, e: string) => `expires=${Number(e) + 86_400}`),
      downloadUrl.replace(attachmentId, randomUUID()),
      `${base}/attachments/${attachmentId}`,
      new AttachmentUrlSigner(URL_SECRET, -60, base).url(attachmentId),
      new AttachmentUrlSigner('another-secret-0123456789abcdefghijklmn', 600, base).url(attachmentId),
    ];
    for (const variant of variants) {
      const response = await download(variant);
      expect({ variant, status: response.status }).toEqual({ variant, status: 403 });
    }
    expect((await download(downloadUrl)).status).toBe(200);
  });

  it('refuses an oversized or disguised upload with a typed error, and writes nothing', async () => {
    const id = await staffCase();
    const count = async () => ({
      messages: (
        await database.dataSource.query('SELECT count(*)::int AS n FROM case_message WHERE case_id = $1', [
          id,
        ])
      )[0].n,
      rows: await rows(),
      blobs: await blobs(),
    });
    const before = await count();
    const REPLY = `mutation($id: ID!, $body: String!, $a: [AttachmentInput!]) { replyToCase(caseId: $id, body: $body, attachments: $a) { id } }`;
    const oversized = await graphql(
      REPLY,
      {
        id,
        body: 'Too big',
        a: [
          {
            fileName: 'big.pdf',
            contentType: 'application/pdf',
            contentBase64: 'A'.repeat(Math.ceil((MAX_BYTES * 4) / 3) + 8),
          },
        ],
      },
      agent,
    );
    expect(oversized.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ATTACHMENT_TOO_LARGE',
    });
    const disguised = await graphql(
      REPLY,
      {
        id,
        body: 'An invoice',
        a: [
          { fileName: 'invoice.pdf', contentType: 'application/pdf', contentBase64: EXE.toString('base64') },
        ],
      },
      agent,
    );
    expect(disguised.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
    });
    const tooMany = await graphql(
      REPLY,
      {
        id,
        body: 'Many',
        a: Array.from({ length: 11 }, (_, i) => ({
          fileName: `${i}.txt`,
          contentType: 'text/plain',
          contentBase64: 'aGk=',
        })),
      },
      agent,
    );
    expect(tooMany.errors[0].extensions.reason).toBe('TOO_MANY_ATTACHMENTS');
    // A valid file whose message then fails: its blob was stored first, and is removed with the failure.
    const emptyBody = await graphql(
      REPLY,
      {
        id,
        body: '   ',
        a: [{ fileName: 'ok.png', contentType: 'image/png', contentBase64: PNG.toString('base64') }],
      },
      agent,
    );
    expect(emptyBody.errors[0].extensions.reason).toBe('EMPTY_MESSAGE');
    expect(await count()).toEqual(before);
  });

  it("keeps an inquiry's PDF on the case's first message, downloadable through the signed link", async () => {
    const submitted = await graphql(SUBMIT, {
      input: {
        message: 'The registration form will not upload on the school site, so here it is.',
        schoolId,
        requester: { name: 'Ida Wells', email: 'ida.wells@example.org' },
      },
      a: [
        {
          fileName: 'C:\\forms\\registration.pdf',
          contentType: 'application/pdf',
          contentBase64: PDF.toString('base64'),
        },
      ],
    });
    expect(submitted.errors).toBeUndefined();
    const { caseNumber, trackingToken } = submitted.data.submitInquiry;
    const staffView = (
      await graphql(
        `query($n: String) { case(number: $n) { id ${MESSAGES} timeline { kind } } }`,
        { n: caseNumber },
        admin,
      )
    ).data.case;
    expect(staffView.messages).toHaveLength(1);
    const [first] = staffView.messages;
    expect(first).toMatchObject({
      direction: 'INBOUND',
      body: 'The registration form will not upload on the school site, so here it is.',
    });
    expect(first.attachments).toEqual([
      {
        id: expect.any(String),
        fileName: 'registration.pdf',
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
        downloadUrl: expect.stringMatching(
          new RegExp(`^${base}/attachments/[0-9a-f-]{36}\\?expires=\\d+&signature=`),
        ),
      },
    ]);
    expect(staffView.timeline.map((t: Json) => t.kind)).not.toContain('ATTACHMENTS_REFUSED');
    // The family sees the same file on their own first message.
    const tracked = (
      await graphql(`query($t: String!) { trackCase(token: $t) { ${MESSAGES} } }`, { t: trackingToken })
    ).data.trackCase;
    expect(tracked.messages[0].attachments.map((a: Json) => a.id)).toEqual([first.attachments[0].id]);
    const response = await download(first.attachments[0].downloadUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="registration.pdf"; filename*=UTF-8''registration.pdf`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    const [row] = await database.dataSource.query(
      'SELECT case_id, message_id, sha256 FROM case_attachment WHERE id = $1',
      [first.attachments[0].id],
    );
    expect(row).toEqual({
      case_id: staffView.id,
      message_id: first.id,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
  });

  it('refuses an inquiry with a disallowed file as a reply refuses it, opening no case and keeping no file', async () => {
    const earlier = await graphql(SUBMIT, {
      input: { message: 'A reply will carry the refused file.', schoolId, anonymous: true },
    });
    const { trackingToken } = earlier.data.submitInquiry;
    const written = async () => ({
      cases: (await database.dataSource.query('SELECT count(*)::int AS n FROM support_case'))[0].n,
      messages: (await database.dataSource.query('SELECT count(*)::int AS n FROM case_message'))[0].n,
      numbers: (
        await database.dataSource.query(
          'SELECT coalesce(sum(last_value), 0)::int AS n FROM case_number_sequence',
        )
      )[0].n,
      rows: await rows(),
      blobs: await blobs(),
    });
    const before = await written();
    const input = { message: 'Our bus stop sign is down.', schoolId, anonymous: true };
    for (const file of [
      { fileName: 'stop-sign.exe', contentType: 'application/octet-stream', content: EXE },
      { fileName: 'stop-sign.pdf', contentType: 'application/pdf', content: EXE },
    ]) {
      const a = [
        {
          fileName: file.fileName,
          contentType: file.contentType,
          contentBase64: file.content.toString('base64'),
        },
      ];
      const inquiry = await graphql(SUBMIT, { input, a });
      const asReply = await graphql(
        'mutation($t: String!, $a: [AttachmentInput!]) { replyAsRequester(token: $t, body: "Hi", attachments: $a) { number } }',
        { t: trackingToken, a },
      );
      expect(inquiry.data).toBeNull();
      expect(inquiry.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      });
      expect({ message: inquiry.errors[0].message, extensions: inquiry.errors[0].extensions }).toEqual({
        message: asReply.errors[0].message,
        extensions: asReply.errors[0].extensions,
      });
    }
    const oversized = await graphql(SUBMIT, {
      input,
      a: [
        {
          fileName: 'stop-sign.png',
          contentType: 'image/png',
          contentBase64: 'A'.repeat(Math.ceil((MAX_BYTES * 4) / 3) + 8),
        },
      ],
    });
    expect(oversized.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ATTACHMENT_TOO_LARGE',
    });
    // A valid file whose inquiry then fails: its blob was stored first, and is removed with the failure.
    const unknownSchool = await graphql(SUBMIT, {
      input: { ...input, schoolId: randomUUID() },
      a: [{ fileName: 'stop-sign.png', contentType: 'image/png', contentBase64: PNG.toString('base64') }],
    });
    expect(unknownSchool.errors[0].extensions.reason).toBe('UNKNOWN_SCHOOL');
    expect(await written()).toEqual(before);
  });

  it("shows the requester their own and staff's files through trackCase, never an internal note's", async () => {
    const submitted = await graphql(
      'mutation($input: SubmitInquiryInput!, $a: [AttachmentInput!]) { submitInquiry(input: $input, attachments: $a) { caseNumber trackingToken } }',
      {
        input: { message: 'The bus pass does not scan.', schoolId, anonymous: true },
        a: [{ fileName: 'pass.jpg.png', contentType: 'image/png', contentBase64: PNG.toString('base64') }],
      },
    );
    expect(submitted.errors).toBeUndefined();
    const { caseNumber, trackingToken } = submitted.data.submitInquiry;
    const [{ id }] = await database.dataSource.query('SELECT id FROM support_case WHERE number = $1', [
      caseNumber,
    ]);
    const upload = (fileName: string, content: Buffer, contentType: string) => [
      { fileName, contentType, contentBase64: content.toString('base64') },
    ];
    const note = await graphql(
      `
        mutation ($id: ID!, $a: [AttachmentInput!]) {
          addInternalNote(caseId: $id, body: "The card reader log.", attachments: $a) {
            attachments {
              id
            }
          }
        }
      `,
      { id, a: upload('reader-log.txt', Buffer.from('reader 7: error 42\n'), 'text/plain') },
      agent,
    );
    const [{ id: internalId }] = note.data.addInternalNote.attachments;
    await graphql(
      `
        mutation ($id: ID!, $a: [AttachmentInput!]) {
          replyToCase(caseId: $id, body: "A new pass is attached.", attachments: $a) {
            id
          }
        }
      `,
      { id, a: upload('new-pass.pdf', PDF, 'application/pdf') },
      agent,
    );
    const replied = await graphql(
      `mutation($t: String!, $a: [AttachmentInput!]) { replyAsRequester(token: $t, body: "Thank you!", attachments: $a) { ${MESSAGES} } }`,
      { t: trackingToken, a: upload('thanks.txt', Buffer.from('Thanks'), 'text/plain') },
    );
    expect(replied.errors).toBeUndefined();
    const tracked = (
      await graphql(`query($t: String!) { trackCase(token: $t) { ${MESSAGES} } }`, { t: trackingToken })
    ).data.trackCase;
    // The same case both ways. Each answer signs its download links with an expiry to the second, so two
    // answers a second apart differ only there: compare without the signature, and check it is there.
    const unsigned = (answer: Json): Json =>
      JSON.parse(JSON.stringify(answer).replace(/\?expires=\d+&signature=[\w-]+/g, ''));
    expect(unsigned(tracked)).toEqual(unsigned(replied.data.replyAsRequester));
    expect(tracked.messages[0].attachments[0].downloadUrl).toMatch(/\?expires=\d+&signature=[\w-]+$/);
    expect(
      tracked.messages.map((m: Json) => [m.direction, m.attachments.map((a: Json) => a.fileName)]),
    ).toEqual([
      ['INBOUND', ['pass.jpg.png']],
      ['OUTBOUND', ['new-pass.pdf']],
      ['INBOUND', ['thanks.txt']],
    ]);
    expect(JSON.stringify(tracked)).not.toContain(internalId);
    expect(JSON.stringify(tracked)).not.toContain('reader-log');
    // Staff see all four messages' files, read in one query for the whole page of messages.
    const lookups = jest.spyOn(app.get(AttachmentService), 'forMessages');
    const staffView = (await graphql(`query($id: ID) { case(id: $id) { ${MESSAGES} } }`, { id }, agent)).data
      .case;
    expect(staffView.messages).toHaveLength(4);
    expect(staffView.messages.flatMap((m: Json) => m.attachments.map((a: Json) => a.id))).toContain(
      internalId,
    );
    expect(lookups).toHaveBeenCalledTimes(1);
    lookups.mockClear();
    // A page of cases: one query per case's messages (as Case.messages itself), never one per message.
    const page = await graphql(`{ cases(first: 20) { edges { node { ${MESSAGES} } } } }`, {}, agent);
    const cases = page.data.cases.edges.length;
    const messages = page.data.cases.edges.flatMap((e: Json) => e.node.messages).length;
    expect(messages).toBeGreaterThan(cases);
    expect(lookups.mock.calls.length).toBeLessThanOrEqual(cases);
    lookups.mockRestore();
    // A wrong token stores nothing.
    const before = await blobs();
    const wrong = await graphql(
      `
        mutation ($a: [AttachmentInput!]) {
          replyAsRequester(token: "nope", body: "Hi", attachments: $a) {
            number
          }
        }
      `,
      { a: upload('x.txt', Buffer.from('x'), 'text/plain') },
    );
    expect(wrong.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(await blobs()).toBe(before);
  });
});
