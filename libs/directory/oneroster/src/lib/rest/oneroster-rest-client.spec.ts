import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCsv } from '../read/csv-table';
import { csvFile } from '../../testing/csv-file';
import {
  restBindingOf,
  startOneRosterRestServer,
  type OneRosterRestServer,
  type OneRosterRestServerOptions,
  type RestRecord,
} from '../../testing';
import { OneRosterRestClient, readRosterFromRest, type OneRosterRestConfig } from './oneroster-rest-client';

const csv = csvFile;

// Every character RFC 6749 §2.3.1's form-encoding exists for: a client that skips it is refused.
const CLIENT_ID = 'homeroom:district 7';
const CLIENT_SECRET = 'pa:ss w%rd+/ü=&';

const ORGS = [
  ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
  ['org-d', 'active', '2026-08-01T00:00:00.000Z', 'Riverside Unified', 'district', '', ''],
  ['org-lin', 'active', '2026-08-01T00:00:00.000Z', 'Lincoln Elementary', 'school', 'LIN', 'org-d'],
  ['org-nhs', 'active', '2026-08-20T09:30:00.000Z', 'Northgate High, "NHS"', 'school', 'NHS', 'org-d'],
];
const USER_COLUMNS = [
  'sourcedId',
  'status',
  'dateLastModified',
  'enabledUser',
  'username',
  'givenName',
  'familyName',
  'middleName',
  'preferredGivenName',
  'email',
  'sms',
  'phone',
  'identifier',
  'grades',
  'agentSourcedIds',
  'userMasterIdentifier',
];
const ROLE_COLUMNS = [
  'sourcedId',
  'status',
  'dateLastModified',
  'userSourcedId',
  'roleType',
  'role',
  'beginDate',
  'endDate',
  'orgSourcedId',
  'userProfileSourcedId',
];
const id = (i: number) => `u-${String(i).padStart(3, '0')}`;
/** Modified on 1–20 August by position: 75 of 300 after the 15th. */
const modified = (i: number) => `2026-08-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00.000Z`;

/** 200 students, 70 guardians (of the first 70 students), 30 teachers at both schools. */
function userRow(i: number): string[] {
  const kind = i < 200 ? 'student' : i < 270 ? 'guardian' : 'teacher';
  const agents = kind === 'student' && i < 70 ? id(200 + i) : kind === 'guardian' ? id(i - 200) : '';
  return [
    id(i),
    i % 37 === 5 ? 'tobedeleted' : 'active',
    modified(i),
    i % 11 === 0 ? 'false' : 'true',
    `user${i}`,
    i % 7 === 0 ? 'Zoë' : `Given${i}`,
    i % 50 === 0 ? `O'Brien, "Jr."` : `Family${i}`,
    i % 3 === 0 ? 'Marie' : '',
    i % 13 === 0 ? 'Zo' : '',
    kind === 'student' ? '' : `user${i}@example.org`,
    kind === 'guardian' ? `(512) 555-${String(i).padStart(4, '0')}` : '',
    kind === 'teacher' ? '512-555-0100' : '',
    i % 4 === 0 ? `ID${i}` : '',
    kind === 'student' ? (i % 3 === 0 ? '09,10' : '03') : '',
    agents,
    i % 5 === 0 ? `umi-${i}` : '',
  ];
}
function roleRows(i: number): string[][] {
  const kind = i < 200 ? 'student' : i < 270 ? 'guardian' : 'teacher';
  const school = i % 2 === 0 ? 'org-lin' : 'org-nhs';
  const row = (n: number, roleType: string, org: string, begin = '', end = '', profile = '') => [
    `r-${i}-${n}`,
    'active',
    modified(i),
    id(i),
    roleType,
    kind,
    begin,
    end,
    org,
    profile,
  ];
  if (kind !== 'teacher') return [row(1, 'primary', school)];
  return [
    row(1, 'primary', school, '2026-08-15', '2027-06-30', `profile-${i}`),
    row(2, 'secondary', school === 'org-lin' ? 'org-nhs' : 'org-lin'),
  ];
}

const USERS = [USER_COLUMNS, ...Array.from({ length: 300 }, (_, i) => userRow(i))];
const ROLES = [ROLE_COLUMNS, ...Array.from({ length: 300 }, (_, i) => roleRows(i)).flat()];
const FILES = { orgs: csv(ORGS), users: csv(USERS), roles: csv(ROLES) };
let BINDING: Awaited<ReturnType<typeof restBindingOf>>;
beforeAll(async () => {
  BINDING = await restBindingOf(FILES);
});

describe('readRosterFromRest against a loopback OneRoster 1.2 server', () => {
  let server: OneRosterRestServer;
  const sleep = jest.fn((_ms: number) => Promise.resolve());
  const start = async (options: Partial<OneRosterRestServerOptions> = {}) => {
    server = await startOneRosterRestServer({
      ...BINDING,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      ...options,
    });
    return server;
  };
  const config = (overrides: Partial<OneRosterRestConfig> = {}): OneRosterRestConfig => ({
    baseUrl: server.url,
    tokenUrl: server.tokenUrl,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    pageSize: 50,
    sleep,
    ...overrides,
  });
  const page = (collection: string, offset: number, token = 'token-1', limit = 50, status = 200) =>
    `GET /${collection}?sort=sourcedId&limit=${limit}&offset=${offset} (${token}) ${status}`;

  beforeEach(() => sleep.mockClear());
  afterEach(() => server?.close());

  it('reads 300 users in pages of 50 into the same rows as their CSV, with one token', async () => {
    await start();
    const roster = await readRosterFromRest(config());

    expect(roster.oneRosterVersion).toBe('1.2');
    expect(roster.warnings).toEqual([]);
    const csvUsers = await readCsv('users.csv', FILES.users, USER_COLUMNS);
    expect(roster.tables.users).toEqual({
      source: 'GET /users',
      mode: 'bulk',
      rows: csvUsers.map((row, index) => ({ line: index + 1, values: row.values })),
    });
    expect(roster.tables.orgs).toEqual({
      source: 'GET /orgs',
      mode: 'bulk',
      rows: (await readCsv('orgs.csv', FILES.orgs, [])).map((row, index) => ({
        line: index + 1,
        values: row.values,
      })),
    });
    // A role's own sourcedId, status and date are not in the REST binding: made from the user and role.
    const usersById = new Map(csvUsers.map((row, index) => [row.values['sourcedId']!, { row, index }]));
    expect(roster.tables.roles).toEqual({
      source: 'GET /users (roles)',
      mode: 'bulk',
      rows: (await readCsv('roles.csv', FILES.roles, [])).map(({ values }) => {
        const user = usersById.get(values['userSourcedId']!)!;
        return {
          line: user.index + 1,
          values: {
            ...values,
            sourcedId: `${values['userSourcedId']}:${values['orgSourcedId']}:${values['role']}`,
            status: user.row.values['status'],
            dateLastModified: user.row.values['dateLastModified'],
          },
        };
      }),
    });
    expect(roster.tables.roles?.rows).toHaveLength(330);
    expect(roster.tables.roles?.rows.find((row) => row.values['userSourcedId'] === 'u-271')).toEqual({
      line: 272,
      values: {
        sourcedId: 'u-271:org-nhs:teacher',
        status: 'active',
        dateLastModified: '2026-08-12T10:00:00.000Z',
        userSourcedId: 'u-271',
        roleType: 'primary',
        role: 'teacher',
        orgSourcedId: 'org-nhs',
        beginDate: '2026-08-15',
        endDate: '2027-06-30',
        userProfileSourcedId: 'profile-271',
      },
    });
    expect(server.requests).toEqual([
      'POST /token 200',
      page('orgs', 0),
      ...[0, 50, 100, 150, 200, 250].map((offset) => page('users', offset)),
    ]);
  });

  it('follows the server when it caps the page size below what was asked', async () => {
    await start({ maxPageSize: 40 });
    const roster = await readRosterFromRest(config({ pageSize: 100 }));
    expect(roster.tables.users?.rows.map((row) => row.values['sourcedId'])).toEqual(
      Array.from({ length: 300 }, (_, i) => id(i)),
    );
    // The server's Link says limit=40; X-Total-Count alone would have been enough too.
    expect(server.requests.filter((line) => line.startsWith('GET /users'))).toEqual([
      page('users', 0, 'token-1', 100),
      ...[40, 80, 120, 160, 200, 240, 280].map((offset) => page('users', offset, 'token-1', 40)),
    ]);
  });

  it('stops at a short page when the server sends neither X-Total-Count nor Link', async () => {
    await start({ users: BINDING.users.slice(0, 130), quirks: { pagingHeaders: false } });
    const roster = await readRosterFromRest(config());
    expect(roster.tables.users?.rows).toHaveLength(130);
    expect(server.requests.filter((line) => line.startsWith('GET /users'))).toEqual([
      page('users', 0),
      page('users', 50),
      page('users', 100),
    ]);
  });

  it('gets a new token once when the server revokes the one it holds, and goes on', async () => {
    await start();
    const client = new OneRosterRestClient(config());
    await client.readRoster();
    server.requests.length = 0;
    server.expireTokens();

    const roster = await client.readRoster();

    expect(roster.tables.users?.rows).toHaveLength(300);
    expect(server.requests.slice(0, 4)).toEqual([
      page('orgs', 0, 'token-1', 50, 401),
      'POST /token 200',
      page('orgs', 0, 'token-2'),
      page('users', 0, 'token-2'),
    ]);
    expect(server.requests).toHaveLength(9);
  });

  it('fetches a new token shortly before the old one expires, without waiting for a 401', async () => {
    await start({ tokenLifetimeSeconds: 600 });
    let now = Date.parse('2026-09-01T08:00:00Z');
    const client = new OneRosterRestClient(config({ now: () => now }));
    await client.readRoster();
    now += 530_000; // 70 s left: still used
    await client.readRoster();
    now += 15_000; // 55 s left: within the minute kept in hand
    await client.readRoster();

    expect(server.requests.filter((line) => line.startsWith('POST'))).toHaveLength(2);
    expect(server.requests.filter((line) => line.endsWith(' 401'))).toEqual([]);
    expect(server.requests.filter((line) => line.includes('(token-2)'))).toHaveLength(7);
  });

  it('refuses credentials the SIS refuses, without retrying and without the secret in the message', async () => {
    await start();
    const error = await readRosterFromRest(config({ clientSecret: 'not-the-secret-42' })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SIS_UNAUTHORIZED',
      status: 401,
      endpoint: `POST ${server.tokenUrl}`,
      message: `POST ${server.tokenUrl} answered 401 invalid_client: the SIS refused client "${CLIENT_ID}"; check the client id and secret it issued`,
    });
    expect(JSON.stringify(error)).not.toContain('not-the-secret-42');
    expect((error as Error).message).not.toContain('not-the-secret-42');
    expect(server.requests).toEqual(['POST /token 401']);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('says so when the SIS does not grant the scope asked for', async () => {
    await start();
    await expect(
      readRosterFromRest(config({ scope: 'https://purl.imsglobal.org/spec/or/v1p2/scope/roster.createput' })),
    ).rejects.toMatchObject({
      reason: 'SIS_UNAUTHORIZED',
      message: `POST ${server.tokenUrl} answered 400 invalid_scope: the SIS does not grant client "${CLIENT_ID}" the scope https://purl.imsglobal.org/spec/or/v1p2/scope/roster.createput`,
    });
  });

  it('waits as long as a 429 asks (Retry-After in seconds), then goes on', async () => {
    await start();
    server.failNext(429, { retryAfter: 7 });
    const roster = await readRosterFromRest(config());
    expect(sleep.mock.calls).toEqual([[7_000]]);
    expect(roster.tables.orgs?.rows).toHaveLength(3);
    expect(server.requests.slice(0, 3)).toEqual([
      'POST /token 200',
      page('orgs', 0, 'token-1', 50, 429),
      page('orgs', 0),
    ]);
  });

  it('reads Retry-After as an HTTP date too, and retries the token endpoint the same way', async () => {
    await start();
    const now = Date.parse('2026-09-01T08:00:00Z');
    server.failNext(503, { retryAfter: 'Tue, 01 Sep 2026 08:00:12 GMT', on: 'token' });
    await readRosterFromRest(config({ now: () => now }));
    expect(sleep.mock.calls).toEqual([[12_000]]);
    expect(server.requests.slice(0, 3)).toEqual(['POST /token 503', 'POST /token 200', page('orgs', 0)]);
  });

  it('gives up after maxRetries on a SIS that keeps failing, with a typed error', async () => {
    await start();
    server.failNext(503, { times: 3 });
    const url = `${server.url}/orgs?sort=sourcedId&limit=50&offset=0`;
    await expect(readRosterFromRest(config({ maxRetries: 2 }))).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'SIS_UNAVAILABLE',
      status: 503,
      message: `GET ${url} kept failing (503) after 3 attempts; try again later`,
    });
    // Backing off: about 1 s, then about 2 s (between half and all, for jitter).
    expect(sleep).toHaveBeenCalledTimes(2);
    const [first, second] = sleep.mock.calls.map(([ms]) => ms);
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThanOrEqual(1_000);
    expect(second).toBeGreaterThanOrEqual(1_000);
    expect(second).toBeLessThanOrEqual(2_000);
    expect(server.requests).toEqual([
      'POST /token 200',
      ...Array(3).fill(page('orgs', 0, 'token-1', 50, 503)),
    ]);
  });

  it('retries a SIS that cannot be reached, then says it is unavailable', async () => {
    await start();
    const tokenUrl = server.tokenUrl;
    await server.close();
    await expect(readRosterFromRest(config({ tokenUrl, maxRetries: 1 }))).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'SIS_UNAVAILABLE',
      message: `POST ${tokenUrl} could not be reached (ECONNREFUSED) after 2 attempts; try again later`,
    });
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it('gives up on a SIS that does not answer within timeoutMs, after retrying', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const tokenUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/token`;
    await start();
    try {
      await expect(
        readRosterFromRest(config({ tokenUrl, timeoutMs: 50, maxRetries: 1 })),
      ).rejects.toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        reason: 'SIS_UNAVAILABLE',
        status: null,
        message: `POST ${tokenUrl} did not answer within 50 ms after 2 attempts; try again later`,
      });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('refuses a second 401 that follows a fresh token: the client may not read the endpoint', async () => {
    await start();
    server.failNext(401, { times: 2 });
    await expect(readRosterFromRest(config())).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SIS_UNAUTHORIZED',
      status: 401,
      message: `GET ${server.url}/orgs answered 401 (failure injected by the test (401)) with a fresh token: the client may not read /ims/oneroster/rostering/v1p2/orgs; check the scopes the SIS grants it`,
    });
    expect(server.requests).toEqual([
      'POST /token 200',
      page('orgs', 0, 'token-1', 50, 401),
      'POST /token 200',
      page('orgs', 0, 'token-2', 50, 401),
    ]);
  });

  it('reads a delta: the filter sent, only later-modified records, every table in delta mode', async () => {
    await start();
    const roster = await readRosterFromRest(config(), { since: new Date('2026-08-15T12:00:00Z') });

    const filter = 'filter=dateLastModified%3E%272026-08-15T12%3A00%3A00.000Z%27';
    expect(server.requests).toEqual([
      'POST /token 200',
      `GET /orgs?sort=sourcedId&${filter}&limit=50&offset=0 (token-1) 200`,
      `GET /users?sort=sourcedId&${filter}&limit=50&offset=0 (token-1) 200`,
      `GET /users?sort=sourcedId&${filter}&limit=50&offset=50 (token-1) 200`,
    ]);
    const later = Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 20 >= 15);
    expect(later).toHaveLength(75);
    expect(roster.tables.orgs?.rows.map((row) => row.values['sourcedId'])).toEqual(['org-nhs']);
    expect(roster.tables.users?.rows.map((row) => row.values['sourcedId'])).toEqual(later.map(id));
    expect(new Set(roster.tables.roles?.rows.map((row) => row.values['userSourcedId']))).toEqual(
      new Set(later.map(id)),
    );
    expect(roster.tables.roles?.rows).toHaveLength(75 + 10);
    expect([roster.tables.orgs?.mode, roster.tables.users?.mode, roster.tables.roles?.mode]).toEqual([
      'delta',
      'delta',
      'delta',
    ]);
  });

  it('stops with an error, not an endless loop, on a server that ignores offset', async () => {
    await start({ quirks: { ignoreOffset: true } });
    await expect(readRosterFromRest(config())).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'SIS_MALFORMED_RESPONSE',
      message: `GET ${server.url}/users sent the page starting at sourcedId u-000 twice (?sort=sourcedId&limit=50&offset=50): the SIS seems to ignore offset. A page size above the collection's size avoids paging`,
    });
    expect(server.requests).toEqual([
      'POST /token 200',
      page('orgs', 0),
      page('users', 0),
      page('users', 50),
    ]);
  });

  it.each([
    [
      'broken JSON',
      '{"orgs": [',
      ' did not answer with OneRoster JSON ({ "orgs": [ … ] }) for ?sort=sourcedId&limit=50&offset=0',
    ],
    [
      'another shape',
      '{"data": []}',
      ' did not answer with OneRoster JSON ({ "orgs": [ … ] }) for ?sort=sourcedId&limit=50&offset=0',
    ],
    [
      'a record without sourcedId',
      '{"orgs": [{"name": "x"}]}',
      ': entry 1 of the page ?sort=sourcedId&limit=50&offset=0 is not a record with a sourcedId',
    ],
    [
      'an object where text belongs',
      '{"orgs": [{"sourcedId": "o1", "name": {"en": "x"}}]}',
      ': record 1 (sourcedId o1) has "name" that is not text',
    ],
  ])('refuses %s from a data endpoint, naming the endpoint', async (_, body, said) => {
    await start();
    server.failNext(200, { body });
    await expect(readRosterFromRest(config())).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'SIS_MALFORMED_RESPONSE',
      endpoint: `GET ${server.url}/orgs`,
      message: `GET ${server.url}/orgs${said}`,
    });
    expect(sleep).not.toHaveBeenCalled();
  });

  it('refuses a wrong base URL without retrying', async () => {
    await start();
    const baseUrl = server.url.replace('v1p2', 'v1p1');
    await expect(readRosterFromRest(config({ baseUrl }))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SIS_REQUEST_REFUSED',
      status: 404,
      message: `GET ${baseUrl}/orgs answered 404 (No endpoint /ims/oneroster/rostering/v1p1/orgs); check the base URL (…/ims/oneroster/rostering/v1p2)`,
    });
  });

  it('takes what vendors really send: flags as strings, numbers, nulls, missing lists and extra fields', async () => {
    const users: RestRecord[] = [
      {
        sourcedId: 'v-1',
        status: 'active',
        dateLastModified: '2026-08-01T00:00:00Z',
        enabledUser: 'TRUE',
        username: 'v1',
        givenName: 'Ana',
        familyName: 'Lima',
        middleName: null,
        preferredGivenName: 'Nana',
        identifier: 40512,
        grades: '09,10',
        agents: ['v-2'],
        roles: [{ roleType: 'primary', role: 'student', org: { sourcedId: 'org-lin' }, beginDate: null }],
        metadata: { 'vendor.homeroom': 'A' },
        pronouns: 'she/her',
      },
      { sourcedId: 'v-2', status: 'active', enabledUser: false, givenName: 'Rui', familyName: 'Lima' },
    ];
    await start({ orgs: [{ sourcedId: 'org-lin', name: 'Lincoln', type: 'school', parent: null }], users });
    const roster = await readRosterFromRest(config());
    const blankUser = Object.fromEntries(USER_COLUMNS.map((column) => [column, '']));
    expect(roster.tables.users?.rows).toEqual([
      {
        line: 1,
        values: {
          ...blankUser,
          sourcedId: 'v-1',
          status: 'active',
          dateLastModified: '2026-08-01T00:00:00Z',
          enabledUser: 'true',
          username: 'v1',
          givenName: 'Ana',
          familyName: 'Lima',
          preferredGivenName: 'Nana',
          identifier: '40512',
          grades: '09,10',
          agentSourcedIds: 'v-2',
        },
      },
      {
        line: 2,
        values: {
          ...blankUser,
          sourcedId: 'v-2',
          status: 'active',
          enabledUser: 'false',
          givenName: 'Rui',
          familyName: 'Lima',
        },
      },
    ]);
    expect(roster.tables.roles?.rows).toEqual([
      {
        line: 1,
        values: {
          sourcedId: 'v-1:org-lin:student',
          status: 'active',
          dateLastModified: '2026-08-01T00:00:00Z',
          userSourcedId: 'v-1',
          roleType: 'primary',
          role: 'student',
          orgSourcedId: 'org-lin',
          beginDate: '',
          endDate: '',
          userProfileSourcedId: '',
        },
      },
    ]);
    expect(roster.tables.orgs?.rows).toEqual([
      {
        line: 1,
        values: {
          sourcedId: 'org-lin',
          status: '',
          dateLastModified: '',
          name: 'Lincoln',
          type: 'school',
          identifier: '',
          parentSourcedId: '',
        },
      },
    ]);
  });

  it('refuses plain http to anything but this machine, so secrets never cross a network in clear', () => {
    expect(
      () =>
        new OneRosterRestClient({
          baseUrl: 'http://sis.example.org/ims/oneroster/rostering/v1p2',
          tokenUrl: 'https://sis.example.org/token',
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
        }),
    ).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'baseUrl must be an https URL' }));
  });
});

describe('the loopback OneRoster server', () => {
  let server: OneRosterRestServer;
  beforeAll(async () => {
    server = await startOneRosterRestServer({ ...BINDING, clientId: 'id', clientSecret: 'secret' });
  });
  afterAll(() => server.close());
  const tokenWith = (init: { headers?: Record<string, string>; body: string }) =>
    fetch(server.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...init.headers },
      body: init.body,
    });

  it('takes client credentials in the body as RFC 6749 allows, but not in both places', async () => {
    const inBody = await tokenWith({
      body: 'grant_type=client_credentials&client_id=id&client_secret=secret',
    });
    expect(inBody.status).toBe(200);
    const both = await tokenWith({
      headers: { authorization: `Basic ${Buffer.from('id:secret').toString('base64')}` },
      body: 'grant_type=client_credentials&client_id=id&client_secret=secret',
    });
    expect([both.status, await both.json()]).toEqual([400, { error: 'invalid_request' }]);
  });

  it('refuses a missing token with invalid_token, and filters it does not support with 400', async () => {
    const anonymous = await fetch(`${server.url}/users`);
    expect([anonymous.status, anonymous.headers.get('www-authenticate')]).toEqual([
      401,
      'Bearer realm="oneroster", error="invalid_token"',
    ]);
    const { access_token: token } = (await (
      await tokenWith({ body: 'grant_type=client_credentials&client_id=id&client_secret=secret' })
    ).json()) as { access_token: string };
    const filtered = await fetch(`${server.url}/users?filter=${encodeURIComponent("status='active'")}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(filtered.status).toBe(400);
  });

  it('serves the CSV set as OneRoster JSON', () => {
    expect(BINDING.orgs[1]).toEqual({
      sourcedId: 'org-lin',
      status: 'active',
      dateLastModified: '2026-08-01T00:00:00.000Z',
      name: 'Lincoln Elementary',
      type: 'school',
      identifier: 'LIN',
      parent: { href: '/ims/oneroster/rostering/v1p2/orgs/org-d', sourcedId: 'org-d', type: 'org' },
      children: [],
    });
    expect(BINDING.users[200]).toEqual({
      sourcedId: 'u-200',
      status: 'active',
      dateLastModified: '2026-08-01T10:00:00.000Z',
      enabledUser: true,
      username: 'user200',
      userIds: [],
      givenName: 'Given200',
      familyName: `O'Brien, "Jr."`,
      email: 'user200@example.org',
      sms: '(512) 555-0200',
      identifier: 'ID200',
      userMasterIdentifier: 'umi-200',
      roles: [
        {
          roleType: 'primary',
          role: 'guardian',
          org: { href: '/ims/oneroster/rostering/v1p2/orgs/org-lin', sourcedId: 'org-lin', type: 'org' },
        },
      ],
      agents: [{ href: '/ims/oneroster/rostering/v1p2/users/u-000', sourcedId: 'u-000', type: 'user' }],
      grades: [],
    });
  });
});
