import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import {
  freePort,
  startGroupAtEnd,
  subgraphClient,
  testKafkaBrokers,
  uniqueName,
} from '@homeroom/platform/testing';
import { CASES_ENTITIES, CASES_MIGRATIONS } from '@homeroom/cases/data-access';
import { loadCasesConfig } from './config';
import { CasesAppModule } from './cases-app.module';
import { graphqlBodyLimit } from './extensions-config';

const SECRET = 'attachment-replicas-secret-0123456789abcdef';
const URL_SECRET = 'attachment-replicas-url-secret-0123456789abc';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

/** A PDF as the policy sees one (its signature, then anything): 2.5 MiB, so three chunks in the database. */
const BIG_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2.5 * 1024 * 1024)]);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const TEXT = Buffer.from('Stop 14 moved to Elm and 3rd.\n');

interface Replica {
  origin: string;
  graphql(query: string, variables: Record<string, unknown>, principal?: Principal): Promise<Json>;
  close(): Promise<void>;
}

/**
 * Several replicas of the cases service at once, as a Deployment runs them: each its own Nest application
 * (own port, own pool, own Kafka consumer) on one database. Each consumer is in a group of its own: sharing
 * one would only add a rebalance (about 4 s) to every start, and nothing here rides on Kafka. Downloads use
 * same-origin links (`/attachments/…`), so whichever replica the link is sent to serves it, as behind the
 * gateway's `/attachments` route.
 */
describe('cases: attachments across replicas', () => {
  let database: TestDatabase;
  const databases: TestDatabase[] = [];
  const directories: string[] = [];
  const running: Replica[] = [];
  const schoolId = randomUUID();
  const agent: Principal = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId });

  // Each scenario its own database: what one counts or copies is only its own.
  beforeEach(async () => {
    database = await createTestDatabase('attachment_replicas', {
      migrations: CASES_MIGRATIONS,
      entities: CASES_ENTITIES,
    });
    databases.push(database);
    await database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, 'Lincoln Elementary', 'America/Chicago', true)`,
      [schoolId],
    );
  });

  afterAll(async () => {
    await Promise.all(running.map((replica) => replica.close()));
    await Promise.all(databases.map((each) => each.drop()));
    await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
  });

  async function podDisk(): Promise<string> {
    const directory = await mkdtemp(join(tmpdir(), 'homeroom-replica-disk-'));
    directories.push(directory);
    return directory;
  }

  async function group(label: string): Promise<string> {
    const name = uniqueName(label, '-');
    await startGroupAtEnd(name);
    return name;
  }

  async function startReplica(settings: Record<string, string>): Promise<Replica> {
    const config = loadCasesConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: await group('cases-replica'),
      GATEWAY_TRUST_SECRET: SECRET,
      SMTP_INTAKE_PORT: '0',
      ATTACHMENT_URL_SECRET: URL_SECRET,
      PORTAL_URL: 'http://localhost:4200',
      MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
      ...settings,
    });
    const app = await NestFactory.create<NestExpressApplication>(CasesAppModule.forRoot(config), {
      logger: false,
    });
    app.useBodyParser('json', { limit: graphqlBodyLimit(config) });
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    const origin = `http://127.0.0.1:${port}`;
    const client = subgraphClient(`${origin}/graphql`, SECRET);
    const replica: Replica = {
      origin,
      graphql: (query, variables, principal = { kind: 'anonymous' }) => client(query, variables, principal),
      async close() {
        running.splice(running.indexOf(replica), 1);
        await app.close();
      },
    };
    running.push(replica);
    return replica;
  }

  const upload = (fileName: string, content: Buffer, contentType: string) => ({
    fileName,
    contentType,
    contentBase64: content.toString('base64'),
  });

  /** An inquiry with `inquiryFile`, then a staff reply with `replyFile`, through `replica`; their links. */
  async function inquiryAndReply(
    replica: Replica,
    inquiryFile: ReturnType<typeof upload>,
    replyFile: ReturnType<typeof upload>,
  ): Promise<{ caseId: string; inquiry: Json; reply: Json }> {
    const submitted = await replica.graphql(
      `mutation($input: SubmitInquiryInput!, $a: [AttachmentInput!]) { submitInquiry(input: $input, attachments: $a) { caseNumber } }`,
      { input: { message: 'The bus stop moved.', schoolId, anonymous: true }, a: [inquiryFile] },
    );
    expect(submitted.errors).toBeUndefined();
    const opened = await replica.graphql(
      `query($n: String) { case(number: $n) { id messages { attachments { id fileName sizeBytes downloadUrl } } } }`,
      { n: submitted.data.submitInquiry.caseNumber },
      agent,
    );
    const caseId = opened.data.case.id;
    const replied = await replica.graphql(
      `mutation($id: ID!, $a: [AttachmentInput!]) { replyToCase(caseId: $id, body: "Here is the new route.", attachments: $a) { attachments { id fileName sizeBytes downloadUrl } } }`,
      { id: caseId, a: [replyFile] },
      agent,
    );
    expect(replied.errors).toBeUndefined();
    return {
      caseId,
      inquiry: opened.data.case.messages[0].attachments[0],
      reply: replied.data.replyToCase.attachments[0],
    };
  }

  async function download(replica: Replica, link: string): Promise<{ status: number; body: Buffer }> {
    expect(link).toMatch(/^\/attachments\/[0-9a-f-]{36}\?expires=\d+&signature=/);
    const response = await fetch(`${replica.origin}${link}`);
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  }

  const filesIn = async (directory: string) =>
    (await readdir(directory, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
      .length;
  const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

  it('serves from one replica, byte for byte, what another stored, and writes nothing to either pod’s disk', async () => {
    // Each pod has a directory (an earlier install's, read through): neither is ever written.
    const [diskA, diskB] = [await podDisk(), await podDisk()];
    const a = await startReplica({ ATTACHMENT_STORAGE: 'database', ATTACHMENT_STORAGE_DIR: diskA });
    const b = await startReplica({ ATTACHMENT_STORAGE: 'database', ATTACHMENT_STORAGE_DIR: diskB });

    const fromA = await inquiryAndReply(
      a,
      upload('route.pdf', BIG_PDF, 'application/pdf'),
      upload('stop.png', PNG, 'image/png'),
    );
    const inquiryFile = await download(b, fromA.inquiry.downloadUrl);
    expect(inquiryFile.status).toBe(200);
    expect(inquiryFile.body.length).toBe(BIG_PDF.length);
    expect(sha256(inquiryFile.body)).toBe(sha256(BIG_PDF));
    expect((await download(b, fromA.reply.downloadUrl)).body.equals(PNG)).toBe(true);

    // And the other way round: B stores, A serves.
    const fromB = await inquiryAndReply(
      b,
      upload('note.txt', TEXT, 'text/plain'),
      upload('route-again.pdf', BIG_PDF, 'application/pdf'),
    );
    expect((await download(a, fromB.inquiry.downloadUrl)).body.equals(TEXT)).toBe(true);
    expect(sha256((await download(a, fromB.reply.downloadUrl)).body)).toBe(sha256(BIG_PDF));

    expect(await filesIn(diskA)).toBe(0);
    expect(await filesIn(diskB)).toBe(0);
    const [{ keys, chunks }] = await database.dataSource.query(
      'SELECT count(DISTINCT storage_key)::int AS keys, count(*)::int AS chunks FROM case_attachment_blob',
    );
    expect({ keys, chunks }).toEqual({ keys: 4, chunks: 3 + 1 + 1 + 3 });
    await Promise.all([a.close(), b.close()]);
  });

  it('(the failure this fixes) with ATTACHMENT_STORAGE=filesystem on pod disks, the other replica cannot serve the file', async () => {
    const [diskA, diskB] = [await podDisk(), await podDisk()];
    const a = await startReplica({ ATTACHMENT_STORAGE: 'filesystem', ATTACHMENT_STORAGE_DIR: diskA });
    const b = await startReplica({ ATTACHMENT_STORAGE: 'filesystem', ATTACHMENT_STORAGE_DIR: diskB });
    const fromA = await inquiryAndReply(
      a,
      upload('note.txt', TEXT, 'text/plain'),
      upload('stop.png', PNG, 'image/png'),
    );
    expect(await filesIn(diskA)).toBe(2);
    expect((await download(a, fromA.reply.downloadUrl)).status).toBe(200);
    // The row is in the shared database, the bytes on A's disk: B finds the row and no file.
    expect((await download(b, fromA.reply.downloadUrl)).status).toBe(404);
    expect((await download(b, fromA.inquiry.downloadUrl)).status).toBe(404);
    await Promise.all([a.close(), b.close()]);
  });

  it('moves an earlier install’s files into the database: read through meanwhile, copied by copy-attachments, then the directory can go', async () => {
    const oldDisk = await podDisk();
    // Before the upgrade: one replica, files on its volume.
    const before = await startReplica({
      ATTACHMENT_STORAGE: 'filesystem',
      ATTACHMENT_STORAGE_DIR: oldDisk,
    });
    const old = await inquiryAndReply(
      before,
      upload('route.pdf', BIG_PDF, 'application/pdf'),
      upload('stop.png', PNG, 'image/png'),
    );
    await before.close();
    expect(await filesIn(oldDisk)).toBe(2);

    // After it: the database, with the old volume still mounted (read only, as far as the service goes).
    const after = await startReplica({ ATTACHMENT_STORAGE: 'database', ATTACHMENT_STORAGE_DIR: oldDisk });
    expect(sha256((await download(after, old.inquiry.downloadUrl)).body)).toBe(sha256(BIG_PDF));
    expect((await download(after, old.reply.downloadUrl)).body.equals(PNG)).toBe(true);
    const fresh = await inquiryAndReply(
      after,
      upload('note.txt', TEXT, 'text/plain'),
      upload('stop-2.png', PNG, 'image/png'),
    );
    expect(await filesIn(oldDisk)).toBe(2);

    // A file altered on the volume is not copied, and the command says so (exit 1) …
    const [{ storage_key: pngKey }] = await database.dataSource.query(
      'SELECT storage_key FROM case_attachment WHERE id = $1',
      [old.reply.id],
    );
    const pngPath = join(oldDisk, pngKey.slice(0, 2), pngKey);
    await writeFile(pngPath, Buffer.concat([PNG, Buffer.from('tampered')]));
    const first = await copyCommand(oldDisk);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(
      '1 copied, 2 already in the database, 0 missing, 1 not matching their row',
    );
    expect(first.stdout).toContain(old.reply.id);
    // … and once it is right again, a second run copies just that one.
    await writeFile(pngPath, PNG);
    const second = await copyCommand(oldDisk);
    expect(second).toMatchObject({ code: 0 });
    expect(second.stdout).toContain('4 attachments: 1 copied, 3 already in the database, 0 missing');

    // The directory can go: this replica and a new one without it serve every file, old and new.
    await rm(oldDisk, { recursive: true, force: true });
    const fresh2 = await startReplica({ ATTACHMENT_STORAGE: 'database' });
    for (const replica of [after, fresh2]) {
      expect(sha256((await download(replica, old.inquiry.downloadUrl)).body)).toBe(sha256(BIG_PDF));
      expect((await download(replica, old.reply.downloadUrl)).body.equals(PNG)).toBe(true);
      expect((await download(replica, fresh.inquiry.downloadUrl)).body.equals(TEXT)).toBe(true);
      expect((await download(replica, fresh.reply.downloadUrl)).body.equals(PNG)).toBe(true);
    }
    await Promise.all([after.close(), fresh2.close()]);
  });

  /** `nx run cases:copy-attachments`, as an operator runs it once after the upgrade. */
  function copyCommand(directory: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['-r', '@swc-node/register', join(workspaceRoot(), 'apps/cases/src/copy-attachments.ts')],
        {
          cwd: workspaceRoot(),
          env: {
            ...process.env,
            NODE_OPTIONS: '--disable-warning=TimeoutNegativeWarning',
            DATABASE_URL: database.url,
            ATTACHMENT_STORAGE_DIR: directory,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }
});
