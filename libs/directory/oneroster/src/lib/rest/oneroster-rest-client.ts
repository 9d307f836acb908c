import { InvalidInputException } from '@homeroom/shared/errors';
import type { RosterSet } from '../roster-set';
import { sendWithRetry, type HttpAnswer, type RetryPolicy } from './http';
import { ClientCredentialsToken, parseJsonObject } from './oauth-token';
import { readAllPages, type JsonRecord, type PageAnswer } from './paging';
import { sisMalformedResponse, sisRequestRefused, sisUnauthorized } from './rest-errors';
import { isRecord, orgRow, roleRows, userRow } from './rest-records';

/** How to reach one SIS's OneRoster 1.2 rostering service. */
export interface OneRosterRestConfig {
  /** The service's root, e.g. https://sis.example.org/ims/oneroster/rostering/v1p2 */
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Default: the core rostering scope, read-only, which covers orgs and users. */
  scope?: string;
  /** Records asked for per page (`limit`); servers may send fewer. Default 1000. */
  pageSize?: number;
  /** Per request, body included. Default 30 s. */
  timeoutMs?: number;
  /** Retries of a request after 429, 5xx, a network error or a timeout. Default 4. */
  maxRetries?: number;
  /** Injected by tests, to see the waits asked for without waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected by tests, to age the cached token. */
  now?: () => number;
}

export interface ReadRosterOptions {
  /**
   * Read only what changed after this instant (a delta: `filter=dateLastModified>'…'`). Pass the time
   * the previous read *started*: records changed while it ran are then read again rather than missed.
   */
  since?: Date;
}

export const ONEROSTER_CORE_READONLY_SCOPE =
  'https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly';

type Collection = 'orgs' | 'users';

/**
 * Reads a SIS's OneRoster 1.2 REST API (rostering service) into a RosterSet, so the import behind it is
 * the same whether the set came as CSV files or from the API: orgs and users, and each user's roles as
 * rows of their own. Without `since` every table is bulk (what is not listed is gone); with it, delta.
 * One client keeps its token between reads.
 */
export class OneRosterRestClient {
  private readonly baseUrl: URL;
  private readonly pageSize: number;
  private readonly policy: RetryPolicy;
  private readonly token: ClientCredentialsToken;

  constructor(config: OneRosterRestConfig) {
    this.baseUrl = serviceUrl(config.baseUrl, 'baseUrl');
    serviceUrl(config.tokenUrl, 'tokenUrl');
    this.pageSize = whole(config.pageSize ?? 1_000, 'pageSize', 1);
    this.policy = {
      timeoutMs: whole(config.timeoutMs ?? 30_000, 'timeoutMs', 1),
      maxRetries: whole(config.maxRetries ?? 4, 'maxRetries', 0),
      sleep: config.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      now: config.now ?? Date.now,
    };
    this.token = new ClientCredentialsToken(
      {
        tokenUrl: config.tokenUrl,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        scope: config.scope ?? ONEROSTER_CORE_READONLY_SCOPE,
      },
      this.policy,
    );
  }

  async readRoster({ since }: ReadRosterOptions = {}): Promise<RosterSet> {
    if (since && Number.isNaN(since.getTime()))
      throw new InvalidInputException('since is not a valid date', [{ path: 'since', message: 'invalid' }]);
    const mode = since ? 'delta' : 'bulk';
    // One after the other: a SIS is shared by every application a district runs, and throttles.
    const orgs = await this.readCollection('orgs', since);
    const users = await this.readCollection('users', since);
    return {
      oneRosterVersion: '1.2',
      tables: {
        orgs: {
          source: 'GET /orgs',
          mode,
          rows: orgs.records.map((record, index) => orgRow(orgs.endpoint, record, index + 1)),
        },
        users: {
          source: 'GET /users',
          mode,
          rows: users.records.map((record, index) => userRow(users.endpoint, record, index + 1)),
        },
        roles: {
          source: 'GET /users (roles)',
          mode,
          rows: users.records.flatMap((record, index) => roleRows(users.endpoint, record, index + 1)),
        },
      },
      warnings: [],
    };
  }

  private async readCollection(
    collection: Collection,
    since: Date | undefined,
  ): Promise<{ endpoint: string; records: JsonRecord[] }> {
    const url = new URL(`${this.baseUrl.href.replace(/\/+$/, '')}/${collection}`);
    // A stable order keeps offset paging from skipping or repeating records on servers whose default
    // order is not.
    url.searchParams.set('sort', 'sourcedId');
    if (since) url.searchParams.set('filter', `dateLastModified>'${since.toISOString()}'`);
    const endpoint = `GET ${url.origin}${url.pathname}`;
    const records = await readAllPages({
      url,
      pageSize: this.pageSize,
      endpoint,
      fetchPage: (pageUrl) => this.fetchPage(collection, endpoint, pageUrl),
    });
    return { endpoint, records };
  }

  /** One page: `{ "users": [ … ] }`, each record an object with a sourcedId. */
  private async fetchPage(collection: Collection, endpoint: string, url: URL): Promise<PageAnswer> {
    const answer = await this.authorizedGet(endpoint, url);
    const list = parseJsonObject(answer.text)?.[collection];
    if (!Array.isArray(list)) {
      throw sisMalformedResponse(
        endpoint,
        answer.status,
        `${endpoint} did not answer with OneRoster JSON ({ "${collection}": [ … ] }) for ${url.search}`,
      );
    }
    const records: JsonRecord[] = [];
    for (const [index, item] of list.entries()) {
      const sourcedId = isRecord(item) ? item['sourcedId'] : undefined;
      if (!isRecord(item) || typeof sourcedId !== 'string' || sourcedId === '') {
        throw sisMalformedResponse(
          endpoint,
          answer.status,
          `${endpoint}: entry ${index + 1} of the page ${url.search} is not a record with a sourcedId`,
        );
      }
      records.push(item);
    }
    return { records, headers: answer.headers };
  }

  /**
   * A GET with the bearer token. A 401 may mean the token was revoked or expired early: one new token,
   * one more try; a second 401 (or a 403) means these credentials may not read this.
   */
  private async authorizedGet(endpoint: string, url: URL): Promise<HttpAnswer> {
    const get = (token: string) =>
      sendWithRetry(
        `GET ${url.href}`,
        (signal) =>
          fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal }),
        this.policy,
      );
    let token = await this.token.get();
    let answer = await get(token);
    if (answer.status === 401) {
      this.token.invalidate(token);
      token = await this.token.get();
      answer = await get(token);
    }
    if (answer.status >= 200 && answer.status <= 299) return answer;
    const said = serverDescription(answer.text);
    if (answer.status === 401 || answer.status === 403) {
      throw sisUnauthorized(
        endpoint,
        answer.status,
        `${endpoint} answered ${answer.status}${said} with a fresh token: the client may not read ${url.pathname}; check the scopes the SIS grants it`,
      );
    }
    const hint =
      answer.status === 404
        ? `; check the base URL (…/ims/oneroster/rostering/v1p2)`
        : answer.status === 400 && url.searchParams.has('filter')
          ? '; the SIS may not support filtering by dateLastModified (read everything instead)'
          : '';
    throw sisRequestRefused(endpoint, answer.status, `${endpoint} answered ${answer.status}${said}${hint}`);
  }
}

/** Reads a SIS's orgs, users and roles once; see OneRosterRestClient. */
export function readRosterFromRest(
  config: OneRosterRestConfig,
  options: ReadRosterOptions = {},
): Promise<RosterSet> {
  return new OneRosterRestClient(config).readRoster(options);
}

/** What the server said about a refusal: OneRoster's imsx_description, or OAuth's error_description. */
function serverDescription(text: string): string {
  const json = parseJsonObject(text);
  const description = json?.['imsx_description'] ?? json?.['error_description'] ?? json?.['error'];
  return typeof description === 'string' && description ? ` (${description.slice(0, 200)})` : '';
}

/**
 * https only, so the client secret and tokens never cross a network in clear; plain http is allowed to
 * this machine alone (a local fake SIS in tests, a tunnel).
 */
function serviceUrl(value: string, field: 'baseUrl' | 'tokenUrl'): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidInputException(`${field} is not a URL`, [{ path: field, message: 'not a URL' }]);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InvalidInputException(`${field} must be an https URL`, [{ path: field, message: 'not https' }]);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InvalidInputException(`${field} must not carry credentials, a query or a fragment`, [
      { path: field, message: 'has credentials, a query or a fragment' },
    ]);
  }
  return url;
}

function whole(value: number, field: string, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) {
    throw new InvalidInputException(`${field} must be a whole number of at least ${minimum}`, [
      { path: field, message: `below ${minimum} or not whole` },
    ]);
  }
  return value;
}
