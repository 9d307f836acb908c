import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCsv, type CsvRow } from '../lib/read/csv-table';

/** Where the fake serves the rostering service, as OneRoster 1.2 names it. */
export const ROSTERING_PATH = '/ims/oneroster/rostering/v1p2';
const TOKEN_PATH = '/token';
const SCOPES = new Set(
  ['roster-core.readonly', 'roster.readonly', 'roster-demographics.readonly'].map(
    (scope) => `https://purl.imsglobal.org/spec/or/v1p2/scope/${scope}`,
  ),
);

/** A GUIDRef (OneRoster 1.2 §4.x): how one record points at another. */
export type RestRef = { href: string; sourcedId: string; type: string };

export type RestOrg = {
  sourcedId: string;
  status: string;
  dateLastModified: string;
  name: string;
  type: string;
  identifier?: string;
  parent?: RestRef;
  children: RestRef[];
};

export type RestRole = {
  roleType: string;
  role: string;
  org: RestRef;
  userProfile?: string;
  beginDate?: string;
  endDate?: string;
};

export type RestUser = {
  sourcedId: string;
  status: string;
  dateLastModified: string;
  enabledUser?: boolean;
  username: string;
  userIds: { type: string; identifier: string }[];
  givenName: string;
  familyName: string;
  middleName?: string;
  preferredFirstName?: string;
  userMasterIdentifier?: string;
  identifier?: string;
  email?: string;
  sms?: string;
  phone?: string;
  roles: RestRole[];
  agents: RestRef[];
  grades: string[];
};

/** Records as served: anything JSON, so tests can serve what vendors really send, not just the spec. */
export type RestRecord = Record<string, unknown>;

export interface OneRosterRestServerOptions {
  orgs: readonly RestRecord[];
  users: readonly RestRecord[];
  clientId: string;
  clientSecret: string;
  /** Default 3600. */
  tokenLifetimeSeconds?: number;
  /** `limit` is capped at this without a word, as real servers do. Default 100. */
  maxPageSize?: number;
  /** Ways real servers go wrong, for the client's guards. */
  quirks?: {
    /** Serve the first page whatever the offset. */
    ignoreOffset?: boolean;
    /** Send neither X-Total-Count nor Link (default: send both). */
    pagingHeaders?: boolean;
  };
}

export interface FailureOptions {
  /** Sent as Retry-After: seconds, or an HTTP date. */
  retryAfter?: number | string;
  /** The body instead of an imsx status (e.g. broken JSON with status 200). */
  body?: string;
  /** How many requests in a row get it. Default 1. */
  times?: number;
  /** The rostering endpoints (default) or the token endpoint. */
  on?: 'data' | 'token';
}

export interface OneRosterRestServer {
  /** The rostering service's base URL, e.g. http://127.0.0.1:41234/ims/oneroster/rostering/v1p2 */
  url: string;
  tokenUrl: string;
  /**
   * Every request answered, in order: `POST /token 200`, `GET /users?limit=50&offset=0 (token-1) 200`
   * (paths below the base URL, query as sent, the bearer token presented).
   */
  requests: string[];
  /** The next request(s) to the data (or token) endpoints get this status instead of an answer. */
  failNext(status: number, options?: FailureOptions): void;
  /** Revokes every token issued so far: the next data request gets 401 invalid_token. */
  expireTokens(): void;
  close(): Promise<void>;
}

interface Failure {
  status: number;
  retryAfter: number | string | undefined;
  body: string | undefined;
}

/**
 * A fake SIS on 127.0.0.1 (a random port) speaking OneRoster 1.2's REST binding far enough for the
 * client: OAuth 2 client credentials (RFC 6749 §4.4, the client authenticated by HTTP Basic or in the
 * body, never both), bearer tokens that expire, `/orgs` and `/users` sorted by sourcedId with
 * limit/offset paging, X-Total-Count and Link headers, and the one filter delta reads use
 * (`dateLastModified>'…'`); any other filter is refused with 400, as a server that does not support it would.
 */
export async function startOneRosterRestServer(
  options: OneRosterRestServerOptions,
): Promise<OneRosterRestServer> {
  const lifetime = options.tokenLifetimeSeconds ?? 3_600;
  const maxPageSize = options.maxPageSize ?? 100;
  const collections = new Map([
    ['orgs', [...options.orgs].sort(bySourcedId)],
    ['users', [...options.users].sort(bySourcedId)],
  ]);
  const requests: string[] = [];
  const tokens = new Map<string, number>();
  const failures: Record<'data' | 'token', Failure[]> = { data: [], token: [] };
  let issued = 0;
  let origin = '';

  const send = (
    request: IncomingMessage,
    response: ServerResponse,
    logged: string,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    requests.push(`${request.method} ${logged} ${status}`);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(text);
  };
  const fail = (request: IncomingMessage, response: ServerResponse, logged: string, failure: Failure) =>
    send(
      request,
      response,
      logged,
      failure.status,
      failure.body ?? imsx(`failure injected by the test (${failure.status})`, 'server_busy'),
      failure.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) },
    );

  const token = async (request: IncomingMessage, response: ServerResponse) => {
    const logged = TOKEN_PATH;
    const body = await readBody(request);
    const failure = failures.token.shift();
    if (failure) return fail(request, response, logged, failure);
    const oauthError = (status: number, error: string, headers: Record<string, string> = {}) =>
      send(request, response, logged, status, { error }, { 'cache-control': 'no-store', ...headers });
    if (request.method !== 'POST') return oauthError(405, 'invalid_request');
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
      return oauthError(400, 'invalid_request');
    const form = new URLSearchParams(body);
    const basic = basicCredentials(request.headers.authorization);
    const inBody = form.has('client_id') || form.has('client_secret');
    if (basic && inBody) return oauthError(400, 'invalid_request');
    const id = basic ? basic.id : form.get('client_id');
    const secret = basic ? basic.secret : form.get('client_secret');
    if (id !== options.clientId || secret !== options.clientSecret) {
      // RFC 6749 §5.2: a client that tried Basic is told which scheme to use.
      return oauthError(
        401,
        'invalid_client',
        request.headers.authorization ? { 'www-authenticate': 'Basic realm="oneroster"' } : {},
      );
    }
    if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type');
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    if (scopes.some((scope) => !SCOPES.has(scope))) return oauthError(400, 'invalid_scope');
    issued += 1;
    const accessToken = `token-${issued}`;
    tokens.set(accessToken, Date.now() + lifetime * 1_000);
    send(
      request,
      response,
      logged,
      200,
      { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, scope: scopes.join(' ') },
      { 'cache-control': 'no-store', pragma: 'no-cache' },
    );
  };

  const collection = (request: IncomingMessage, response: ServerResponse, url: URL, name: string) => {
    const presented = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const logged = `${url.pathname.slice(ROSTERING_PATH.length)}${url.search} (${presented ?? 'no token'})`;
    const failure = failures.data.shift();
    if (failure) return fail(request, response, logged, failure);
    const expiry = presented === undefined ? undefined : tokens.get(presented);
    if (expiry === undefined || expiry <= Date.now()) {
      return send(
        request,
        response,
        logged,
        401,
        imsx('The token is missing, expired or revoked', 'unauthorisedrequest'),
        {
          'www-authenticate': 'Bearer realm="oneroster", error="invalid_token"',
        },
      );
    }
    const records = collections.get(name);
    if (request.method !== 'GET' || !records)
      return send(request, response, logged, 404, imsx(`No endpoint ${url.pathname}`, 'unknownobject'));
    const limit = whole(url.searchParams.get('limit'), 100, 1);
    const offset = whole(url.searchParams.get('offset'), 0, 0);
    if (limit === undefined || offset === undefined)
      return send(request, response, logged, 400, imsx('limit and offset are whole numbers', 'invalid_data'));
    const filter = url.searchParams.get('filter');
    const date = filter === null ? undefined : /^dateLastModified>'([^']+)'$/.exec(filter)?.[1];
    const since = date === undefined ? NaN : Date.parse(date);
    if (filter !== null && Number.isNaN(since))
      return send(
        request,
        response,
        logged,
        400,
        imsx(`Unsupported filter ${filter}`, 'invalid_filter_field'),
      );
    const matching =
      filter === null
        ? records
        : records.filter((record) => Date.parse(String(record['dateLastModified'])) > since);
    const size = Math.min(limit, maxPageSize);
    const start = options.quirks?.ignoreOffset ? 0 : offset;
    const headers: Record<string, string> = {};
    if (options.quirks?.pagingHeaders !== false) {
      headers['x-total-count'] = String(matching.length);
      const link = (rel: string, at: number) => {
        const target = new URL(url.pathname + url.search, origin);
        target.searchParams.set('limit', String(size));
        target.searchParams.set('offset', String(at));
        return `<${target.href}>; rel="${rel}"`;
      };
      const last = Math.max(0, Math.floor((matching.length - 1) / size) * size);
      headers['link'] = [
        ...(offset + size < matching.length ? [link('next', offset + size)] : []),
        link('last', last),
      ].join(', ');
    }
    send(request, response, logged, 200, { [name]: matching.slice(start, start + size) }, headers);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const handled =
      url.pathname === TOKEN_PATH
        ? token(request, response)
        : url.pathname.startsWith(`${ROSTERING_PATH}/`)
          ? collection(request, response, url, url.pathname.slice(ROSTERING_PATH.length + 1))
          : send(
              request,
              response,
              `${url.pathname}${url.search}`,
              404,
              imsx(`No endpoint ${url.pathname}`, 'unknownobject'),
            );
    Promise.resolve(handled).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}${ROSTERING_PATH}`,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    requests,
    failNext(status, { retryAfter, body, times = 1, on = 'data' } = {}) {
      for (let i = 0; i < times; i += 1) failures[on].push({ status, retryAfter, body });
    },
    expireTokens() {
      tokens.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this, close waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

/** OneRoster's imsx_StatusInfo, the body of every refusal. */
function imsx(description: string, codeMinor: string) {
  return {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: description,
    imsx_CodeMinor: {
      imsx_codeMinorField: [
        { imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: codeMinor },
      ],
    },
  };
}

/** RFC 6749 §2.3.1: base64 of `id:secret`, each form-urlencoded first. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = /^Basic (.+)$/i.exec(header ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const form = (value: string) => {
    try {
      return decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      return undefined;
    }
  };
  const id = form(decoded.slice(0, colon));
  const secret = form(decoded.slice(colon + 1));
  return id === undefined || secret === undefined ? undefined : { id, secret };
}

function whole(value: string | null, fallback: number, minimum: number): number | undefined {
  if (value === null) return fallback;
  return /^\d+$/.test(value) && Number(value) >= minimum ? Number(value) : undefined;
}

function bySourcedId(a: RestRecord, b: RestRecord): number {
  const x = String(a['sourcedId']);
  const y = String(b['sourcedId']);
  return x < y ? -1 : x > y ? 1 : 0;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A OneRoster CSV set (files by name without `.csv`, as the importer takes them: orgs, users, roles) as
 * the records a REST server holds, so a test can serve the same data its CSV twin imports. What the REST
 * binding cannot say is left out: roles of users the set does not have, and roles marked tobedeleted (a
 * REST user simply no longer lists them). A blank cell becomes an absent field; a 1.1 set's role and
 * orgSourcedIds columns become primary roles.
 */
export async function restBindingOf(files: Readonly<Record<string, Buffer>>): Promise<{
  orgs: RestOrg[];
  users: RestUser[];
}> {
  const tables = new Map<string, CsvRow[]>();
  for (const name of ['orgs', 'users', 'roles']) {
    const bytes = files[name];
    tables.set(name, bytes ? await readCsv(`${name}.csv`, bytes, ['sourcedId']) : []);
  }
  const table = (name: string) => tables.get(name)!;
  const ref = (type: 'org' | 'user', sourcedId: string): RestRef => ({
    href: `${ROSTERING_PATH}/${type}s/${encodeURIComponent(sourcedId)}`,
    sourcedId,
    type,
  });
  const list = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const optional = (values: Record<string, string>, fields: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(fields)
        .map(([jsonName, column]) => [jsonName, values[column] ?? ''] as const)
        .filter(([, value]) => value !== ''),
    );

  const orgRows = table('orgs');
  const orgs = orgRows.map(({ values }): RestOrg => {
    const parent = values['parentSourcedId'] ?? '';
    return {
      sourcedId: values['sourcedId'] ?? '',
      status: values['status'] ?? '',
      dateLastModified: values['dateLastModified'] ?? '',
      name: values['name'] ?? '',
      type: values['type'] ?? '',
      ...optional(values, { identifier: 'identifier' }),
      ...(parent ? { parent: ref('org', parent) } : {}),
      children: orgRows
        .filter((row) => row.values['parentSourcedId'] === values['sourcedId'])
        .map((row) => ref('org', row.values['sourcedId'] ?? '')),
    };
  });

  const userRows = table('users');
  const rolesByUser = new Map<string, RestRole[]>();
  const addRole = (user: string, role: RestRole) =>
    rolesByUser.set(user, [...(rolesByUser.get(user) ?? []), role]);
  for (const { values } of table('roles')) {
    if (values['status'] === 'tobedeleted') continue;
    addRole(values['userSourcedId'] ?? '', {
      roleType: values['roleType'] ?? '',
      role: values['role'] ?? '',
      org: ref('org', values['orgSourcedId'] ?? ''),
      ...optional(values, {
        userProfile: 'userProfileSourcedId',
        beginDate: 'beginDate',
        endDate: 'endDate',
      }),
    });
  }
  if (!files['roles']) {
    for (const { values } of userRows.filter((row: CsvRow) => row.values['role'])) {
      for (const org of list(values['orgSourcedIds']))
        addRole(values['sourcedId'] ?? '', {
          roleType: 'primary',
          role: values['role'] ?? '',
          org: ref('org', org),
        });
    }
  }

  const users = userRows.map(({ values }): RestUser => {
    const enabled = (values['enabledUser'] ?? '').toLowerCase();
    return {
      sourcedId: values['sourcedId'] ?? '',
      status: values['status'] ?? '',
      dateLastModified: values['dateLastModified'] ?? '',
      ...(enabled === 'true' || enabled === 'false' ? { enabledUser: enabled === 'true' } : {}),
      username: values['username'] ?? '',
      userIds: [...(values['userIds'] ?? '').matchAll(/\{([^:}]*):([^}]*)\}/g)].map(
        ([, type, identifier]) => ({
          type: type ?? '',
          identifier: identifier ?? '',
        }),
      ),
      givenName: values['givenName'] ?? '',
      familyName: values['familyName'] ?? '',
      ...optional(values, {
        middleName: 'middleName',
        preferredFirstName: 'preferredGivenName',
        userMasterIdentifier: 'userMasterIdentifier',
        identifier: 'identifier',
        email: 'email',
        sms: 'sms',
        phone: 'phone',
      }),
      roles: rolesByUser.get(values['sourcedId'] ?? '') ?? [],
      agents: list(values['agentSourcedIds']).map((agent) => ref('user', agent)),
      grades: list(values['grades']),
    };
  });
  return { orgs, users };
}
