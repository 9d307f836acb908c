import type { TestDatabase } from '@homeroom/platform/database/testing';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { testLogger } from '@homeroom/platform/testing';
import {
  csvFile,
  restBindingOf,
  rosterTestDatabase,
  startOneRosterRestServer,
  type OneRosterRestServer,
} from '../../testing';
import { OneRosterImporter } from '../oneroster-importer';
import { OneRosterRestClient } from '../rest/oneroster-rest-client';
import { RosterImportJobs } from './roster-import-jobs';

const csv = csvFile;
const USER_HEADER = [
  'sourcedId',
  'status',
  'dateLastModified',
  'enabledUser',
  'username',
  'givenName',
  'familyName',
  'email',
  'agentSourcedIds',
];
const ROLE_HEADER = [
  'sourcedId',
  'status',
  'dateLastModified',
  'userSourcedId',
  'roleType',
  'role',
  'orgSourcedId',
];

/** A district of `families` students each with a guardian, at two schools; names with accents, to cut mid-character. */
function district(families: number, modified = '2026-11-01T08:00:00.000Z') {
  const users = [USER_HEADER];
  const roles = [ROLE_HEADER];
  for (let i = 0; i < families; i += 1) {
    const school = i % 2 ? 'org-nhs' : 'org-lin';
    users.push([`s${i}`, 'active', modified, 'true', `s${i}`, 'Zoë', `Nguyễn${i}`, '', `g${i}`]);
    users.push([
      `g${i}`,
      'active',
      modified,
      'true',
      `g${i}`,
      'José',
      `Nguyễn${i}`,
      `g${i}@example.org`,
      `s${i}`,
    ]);
    roles.push([`rs${i}`, 'active', modified, `s${i}`, 'primary', 'student', school]);
    roles.push([`rg${i}`, 'active', modified, `g${i}`, 'primary', 'parent', school]);
  }
  return {
    manifest: csv([
      ['propertyName', 'value'],
      ['manifest.version', '1.0'],
      ['oneroster.version', '1.2'],
      ['file.orgs', 'bulk'],
      ['file.users', 'bulk'],
      ['file.roles', 'bulk'],
    ]),
    orgs: csv([
      ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
      ['org-d', 'active', modified, 'Riverside Unified', 'district', '', ''],
      ['org-lin', 'active', modified, 'Lincoln Elementary', 'school', 'LIN', 'org-d'],
      ['org-nhs', 'active', modified, 'Northgate High', 'school', 'NHS', 'org-d'],
    ]),
    users: csv(users),
    roles: csv(roles),
  };
}

describe('OneRoster import jobs', () => {
  let database: TestDatabase;
  let importer: OneRosterImporter;
  let sis: OneRosterRestServer | undefined;
  let secret = 'district-secret';
  let jobs: RosterImportJobs;
  const count = async (sql: string) => ((await database.dataSource.query(sql)) as { n: number }[])[0]!.n;

  beforeEach(async () => {
    database = await rosterTestDatabase('roster_jobs');
    importer = new OneRosterImporter(database.dataSource, new OutboxWriter('directory'));
    secret = 'district-secret';
    jobs = new RosterImportJobs(database.dataSource, importer, testLogger(), (options) =>
      new OneRosterRestClient({
        baseUrl: sis!.url,
        tokenUrl: sis!.tokenUrl,
        clientId: 'homeroom',
        clientSecret: secret,
        pageSize: 40,
        sleep: () => Promise.resolve(),
      }).readRoster(options),
    );
  });

  afterEach(async () => {
    await sis?.close();
    sis = undefined;
    await database.drop();
  });

  /** Sends each file in parts of `partBytes`, cut wherever the bytes fall (inside characters too). */
  async function upload(files: Record<string, Buffer>, partBytes = 1_000) {
    const job = await jobs.startUpload('staff-1');
    for (const [name, bytes] of Object.entries(files))
      for (let part = 0; part * partBytes < bytes.length; part += 1)
        await jobs.addFilePart(job.id, name, part, bytes.subarray(part * partBytes, (part + 1) * partBytes));
    return jobs.submit(job.id);
  }

  it('uploads in parts, previews with a dry run that writes nothing, then applies on confirmation', async () => {
    const files = district(60);
    const submitted = await upload(files);
    expect(submitted).toMatchObject({ status: 'QUEUED', step: 'DRY_RUN' });
    expect(submitted.files).toEqual(expect.arrayContaining([{ name: 'users', bytes: files.users.length }]));

    expect(await jobs.runDue()).toBe(1);
    const previewed = await jobs.get(submitted.id);
    expect(previewed.status).toBe('AWAITING_CONFIRMATION');
    expect(previewed.dryRunReport).toMatchObject({ dryRun: true, rejected: [], massDeactivation: [] });
    expect(previewed.dryRunReport!.files.find((f) => f.file === 'users.csv')).toMatchObject({
      rows: 120,
      created: 120,
    });
    expect(previewed.dryRunReport!.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'CREATED',
          kind: 'STUDENT',
          schoolName: 'Lincoln Elementary',
          count: 30,
        }),
        expect.objectContaining({
          action: 'CREATED',
          kind: 'GUARDIAN',
          schoolName: 'Northgate High',
          count: 30,
        }),
        expect.objectContaining({ action: 'CREATED', kind: 'SCHOOL', count: 1 }),
      ]),
    );
    expect(await count('SELECT count(*)::int AS n FROM person')).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM school')).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM outbox_event')).toBe(0);

    await jobs.confirm(submitted.id, false);
    expect(await jobs.runDue()).toBe(1);
    const applied = await jobs.get(submitted.id);
    expect(applied).toMatchObject({ status: 'SUCCEEDED', error: null, files: [] });
    expect(applied.report!.dryRun).toBe(false);
    expect(applied.report!.files).toEqual(previewed.dryRunReport!.files);
    // New schools get their ids when written; everything else is as the preview said.
    const withoutIds = (changes: NonNullable<typeof applied.report>['changes']) =>
      changes.map(({ schoolId: _id, ...change }) => change);
    expect(withoutIds(applied.report!.changes)).toEqual(withoutIds(previewed.dryRunReport!.changes));
    expect(await count(`SELECT count(*)::int AS n FROM person WHERE family_name = 'Nguyễn7'`)).toBe(2);
    expect(await count('SELECT count(*)::int AS n FROM relationship')).toBe(60);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM outbox_event WHERE envelope->>'type' = 'directory.PersonCreated'`,
      ),
    ).toBe(120);
  });

  it('stops a set that deactivates most of the district at the preview, until the deactivations are confirmed', async () => {
    await importer.import(district(60));
    const job = await upload(district(5));
    await jobs.runDue();
    const previewed = await jobs.get(job.id);
    expect(previewed.dryRunReport!.massDeactivation).toEqual([
      { what: 'people', deactivated: 110, active: 120 },
    ]);
    await expect(jobs.confirm(job.id, false)).rejects.toMatchObject({ reason: 'MASS_DEACTIVATION' });
    await jobs.confirm(job.id, true);
    await jobs.runDue();
    expect((await jobs.get(job.id)).status).toBe('SUCCEEDED');
    expect(await count('SELECT count(*)::int AS n FROM person WHERE active')).toBe(10);
  });

  it('fails a set that cannot be read with the reason, changing nothing, and refuses steps out of order', async () => {
    const job = await upload({ ...district(3), users: Buffer.from([0x73, 0xff, 0xfe, 0x0a]) });
    await expect(jobs.confirm(job.id, false)).rejects.toMatchObject({ code: 'CONFLICT' });
    await jobs.runDue();
    expect(await jobs.get(job.id)).toMatchObject({
      status: 'FAILED',
      error: { code: 'BAD_USER_INPUT', reason: 'INVALID_ENCODING', message: 'users.csv is not UTF-8 text' },
    });
    await expect(jobs.addFilePart(job.id, 'users', 0, Buffer.from('x'))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      jobs.addFilePart((await jobs.startUpload(null)).id, 'classes', 0, Buffer.from('x')),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await count('SELECT count(*)::int AS n FROM person')).toBe(0);
  });

  it('takes over a job whose replica died (its lease ran out) and runs it from the start', async () => {
    const job = await upload(district(4));
    await database.dataSource.query(
      `UPDATE roster_import_job SET status = 'RUNNING', claimed_until = now() - interval '1 second', phase = 'planning', done = 3 WHERE id = $1`,
      [job.id],
    );
    expect(await jobs.runDue()).toBe(1);
    expect((await jobs.get(job.id)).status).toBe('AWAITING_CONFIRMATION');
  });

  it('runs one job at a time across replicas: none starts while another replica holds a live one', async () => {
    const running = await upload(district(2));
    const waiting = await upload(district(3));
    await database.dataSource.query(
      `UPDATE roster_import_job SET status = 'RUNNING', claimed_until = now() + interval '1 minute' WHERE id = $1`,
      [running.id],
    );
    expect(await jobs.runDue()).toBe(0);
    expect((await jobs.get(waiting.id)).status).toBe('QUEUED');
    // The other replica finishes (or its lease runs out): the next one goes.
    await database.dataSource.query(`UPDATE roster_import_job SET status = 'CANCELLED' WHERE id = $1`, [
      running.id,
    ]);
    expect(await jobs.runDue()).toBe(1);
    expect((await jobs.get(waiting.id)).status).toBe('AWAITING_CONFIRMATION');
  });

  it("syncs from the SIS's REST API: everything first, then only what changed, with the same result as the CSV", async () => {
    sis = await startOneRosterRestServer({
      ...(await restBindingOf(district(50))),
      clientId: 'homeroom',
      clientSecret: 'district-secret',
    });
    const first = await jobs.startSync('staff-1', { dryRun: false });
    await jobs.runDue();
    expect(await jobs.get(first.id)).toMatchObject({ status: 'SUCCEEDED', source: 'SIS_API' });
    expect(await count('SELECT count(*)::int AS n FROM person WHERE active')).toBe(100);
    expect(await count('SELECT count(*)::int AS n FROM relationship')).toBe(50);
    expect(sis.requests.filter((r) => r.startsWith('GET /users')).length).toBe(3);

    // The SIS changes one family and deletes another; the next sync asks only for what changed since.
    const changed = district(50);
    const later = '2026-12-01T09:30:00.000Z';
    const binding = await restBindingOf(changed);
    for (const user of binding.users) {
      if (user.sourcedId === 'g3') Object.assign(user, { familyName: 'Tran', dateLastModified: later });
      if (user.sourcedId === 's4') Object.assign(user, { status: 'tobedeleted', dateLastModified: later });
    }
    await sis.close();
    sis = await startOneRosterRestServer({
      ...binding,
      clientId: 'homeroom',
      clientSecret: 'district-secret',
    });
    const second = await jobs.startSync('staff-1', { dryRun: false });
    await jobs.runDue();
    const synced = await jobs.get(second.id);
    expect(synced.status).toBe('SUCCEEDED');
    expect(
      synced.report!.files.find((f) => f.file.includes('users') && !f.file.includes('roles')),
    ).toMatchObject({
      mode: 'delta',
      rows: 2,
      updated: 1,
      deactivated: 1,
    });
    expect(decodeURIComponent(sis.requests.find((r) => r.startsWith('GET /users'))!)).toContain(
      "filter=dateLastModified>'2026-11-01T08:00:00.000Z'",
    );
    expect(await count(`SELECT count(*)::int AS n FROM person WHERE family_name = 'Tran'`)).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM person WHERE active')).toBe(99);
  });

  it('fails a sync the SIS refuses, naming why and never the secret', async () => {
    sis = await startOneRosterRestServer({
      ...(await restBindingOf(district(2))),
      clientId: 'homeroom',
      clientSecret: 'district-secret',
    });
    secret = 'wrong-secret';
    const job = await jobs.startSync(null, { dryRun: true });
    await jobs.runDue();
    const failed = await jobs.get(job.id);
    expect(failed).toMatchObject({ status: 'FAILED', error: { reason: 'SIS_UNAUTHORIZED' } });
    expect(failed.error!.message).not.toContain('wrong-secret');
    expect(await count('SELECT count(*)::int AS n FROM person')).toBe(0);
  });
});
