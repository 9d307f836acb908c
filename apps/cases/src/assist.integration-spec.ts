import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import {
  type FakeChatCompletions,
  startFakeChatCompletions,
  startGroupAtEnd,
  subgraphClient,
  testKafkaBrokers,
  uniqueName,
} from '@homeroom/platform/testing';
import { CASES_ENTITIES, CASES_MIGRATIONS } from '@homeroom/cases/data-access';
import { loadCasesConfig } from './config';
import { CasesAppModule } from './cases-app.module';

const SECRET = 'assist-test-secret-0123456789abcdef0123';
const API_KEY = 'sk-test-0123456789';
const TIMEOUT_MS = 1_000;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;
type Client = (query: string, variables?: Record<string, unknown>, principal?: Principal) => Promise<Json>;

describe('cases: writing assistant', () => {
  let database: TestDatabase;
  let storageDir: string;
  let model: FakeChatCompletions;
  const apps: INestApplication[] = [];
  let on: Client;
  let off: Client;
  let caseId: string;
  const schoolId = randomUUID();
  const agent: Principal = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: schoolId });
  const outsider: Principal = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: randomUUID() });
  const viewer: Principal = staffPrincipal(randomUUID(), { role: 'VIEWER', schoolId: null });
  const client: Principal = { kind: 'client', subject: 'vendor', scopes: ['cases:read', 'cases:write'] };

  async function boot(extra: Record<string, string>): Promise<Client> {
    const config = loadCasesConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: uniqueName('cases-assist-test', '-'),
      GATEWAY_TRUST_SECRET: SECRET,
      SMTP_INTAKE_PORT: '0',
      ATTACHMENT_STORAGE_DIR: storageDir,
      ATTACHMENT_URL_SECRET: SECRET,
      PORTAL_URL: 'http://localhost:4200',
      MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
      ...extra,
    });
    // Start with what this test publishes, not with every earlier run's events.
    await startGroupAtEnd(config.KAFKA_CONSUMER_GROUP);
    const app = await NestFactory.create(CasesAppModule.forRoot(config), { logger: false });
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    return subgraphClient(`${await app.getUrl()}/graphql`, SECRET);
  }

  beforeAll(async () => {
    database = await createTestDatabase('assist', { migrations: CASES_MIGRATIONS, entities: CASES_ENTITIES });
    await database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, 'Lincoln Elementary', 'America/Chicago', true)`,
      [schoolId],
    );
    storageDir = await mkdtemp(join(tmpdir(), 'homeroom-assist-it-'));
    // The assistant's prompts differ by task: a summary for staff, or a reply to the family.
    model = await startFakeChatCompletions({
      slowMs: TIMEOUT_MS * 3,
      answer: (request) =>
        String(request.body.messages[0].content).includes('Summarise')
          ? '  - Bus 14 skipped the stop twice.\n- A driver shortage is the cause.  '
          : 'Hello,\n\nThank you for telling us. [date]\n\nThe support team',
    });
    on = await boot({
      LLM_BASE_URL: model.url,
      LLM_API_KEY: API_KEY,
      LLM_MODEL: 'district-small',
      LLM_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    off = await boot({});

    const created = await on(
      'mutation($s: ID) { createCase(input: { channel: PHONE, description: "Bus 14 skipped our stop twice. Call me at 512-555-0101 or write to rosa.parks@example.org.", schoolId: $s, contact: { name: "Rosa Parks", email: "Rosa.Parks@example.org", phone: "(512) 555-0101" } }) { id } }',
      { s: schoolId },
      agent,
    );
    caseId = created.data.createCase.id;
    await on(
      'mutation($id: ID!) { addInternalNote(caseId: $id, body: "Driver shortage on route 14.") { id } }',
      { id: caseId },
      agent,
    );
    await on(
      'mutation($id: ID!) { replyToCase(caseId: $id, body: "We are looking into it.") { id } }',
      { id: caseId },
      agent,
    );
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await model?.close();
    await database?.drop();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    model.setMode('ok');
    model.seen.length = 0;
  });

  const SUMMARY = 'query($id: ID!) { caseSummary(caseId: $id) }';
  const SUGGEST = 'mutation($id: ID!, $tone: ReplyTone) { suggestReply(caseId: $id, tone: $tone) }';

  const written = async () =>
    (
      await database.dataSource.query(
        `SELECT (SELECT count(*) FROM case_message WHERE case_id = $1)::int AS messages,
                (SELECT count(*) FROM case_timeline WHERE case_id = $1)::int AS timeline`,
        [caseId],
      )
    )[0];

  it('summarises a case through the chat-completions API, with internal notes and without contact data', async () => {
    const before = await written();
    const result = await on(SUMMARY, { id: caseId }, agent);
    expect(result.errors).toBeUndefined();
    expect(result.data.caseSummary).toBe(
      '- Bus 14 skipped the stop twice.\n- A driver shortage is the cause.',
    );
    expect(model.seen).toHaveLength(1);
    const [request] = model.seen;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      authorization: `Bearer ${API_KEY}`,
    });
    expect(request!.body).toEqual({
      model: 'district-small',
      messages: [
        { role: 'system', content: expect.any(String) },
        { role: 'user', content: expect.any(String) },
      ],
      temperature: expect.any(Number),
      max_tokens: expect.any(Number),
    });
    const prompt = JSON.stringify(request!.body.messages);
    expect(prompt).toContain('Driver shortage on route 14.');
    expect(prompt).toContain('Bus 14 skipped our stop twice.');
    for (const secret of ['rosa.parks@example.org', 'Rosa.Parks', '555-0101', '5125550101', 'Rosa Parks'])
      expect(prompt).not.toContain(secret);
    // Nothing the model said is written to the case.
    expect(await written()).toEqual(before);
  });

  it('suggests a reply from the public conversation only, in the tone asked, and saves nothing', async () => {
    const before = await written();
    const result = await on(SUGGEST, { id: caseId, tone: 'WARM' }, agent);
    expect(result.errors).toBeUndefined();
    expect(result.data.suggestReply).toContain('The support team');
    const prompt = JSON.stringify(model.seen[0]!.body.messages);
    expect(prompt).toContain('warm');
    expect(prompt).toContain('We are looking into it.');
    expect(prompt).not.toContain('Driver shortage');
    expect(prompt).not.toContain('rosa.parks@example.org');
    expect(prompt).not.toContain('555-0101');
    expect(await written()).toEqual(before);
  });

  it('is for staff who may see the case: others get the usual errors and the model is never called', async () => {
    expect((await on(SUMMARY, { id: caseId }, outsider)).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await on(SUMMARY, { id: randomUUID() }, agent)).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await on(SUMMARY, { id: caseId })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await on(SUMMARY, { id: caseId }, client)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await on(SUGGEST, { id: caseId }, viewer)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(model.seen).toHaveLength(0);
    // A viewer may read a summary.
    expect((await on(SUMMARY, { id: caseId }, viewer)).data.caseSummary).toContain('Bus 14');
  });

  it('is off by default: FEATURE_DISABLED, before anything is looked up', async () => {
    for (const [query, id] of [
      [SUMMARY, caseId],
      [SUGGEST, caseId],
      [SUMMARY, randomUUID()],
    ] as const) {
      const result = await off(query, { id }, agent);
      expect(result.errors[0].extensions).toEqual({
        code: 'FEATURE_DISABLED',
        reason: 'LLM_ASSIST_DISABLED',
      });
    }
    expect(model.seen).toHaveLength(0);
  });

  it.each([
    ['an HTTP 500', 'error', 'LLM_HTTP_ERROR'],
    ['silence past the timeout', 'slow', 'LLM_TIMEOUT'],
    ['a body that is not JSON', 'garbage', 'LLM_MALFORMED_RESPONSE'],
    ['JSON without a completion', 'empty', 'LLM_MALFORMED_RESPONSE'],
  ] as const)('answers %s from the model with a typed error, not INTERNAL', async (_, mode, reason) => {
    model.setMode(mode);
    const started = Date.now();
    const result = await on(SUGGEST, { id: caseId }, agent);
    expect(result.data).toBeNull();
    expect(result.errors[0].extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', reason });
    expect(result.errors[0].message).not.toContain('prompt');
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 2.5);
  });
});
