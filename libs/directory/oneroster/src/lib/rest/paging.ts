import { sisMalformedResponse } from './rest-errors';

export type JsonRecord = Record<string, unknown>;

/** One page as the server sent it. */
export interface PageAnswer {
  records: JsonRecord[];
  headers: Headers;
}

export interface PagingOptions {
  /** The collection's URL, without paging parameters (filters and sorting already on it). */
  url: URL;
  pageSize: number;
  /** `GET …/users`, for messages. */
  endpoint: string;
  fetchPage: (url: URL) => Promise<PageAnswer>;
}

/**
 * Every record of a collection, page by page (`limit`/`offset`, OneRoster 1.2 §3.4). When to stop comes
 * from the server if it says: its `Link: rel="next"`, else its `X-Total-Count`; only a server that says
 * neither is taken to be done at a short page, because servers cap `limit` below what was asked without
 * telling. An empty page always ends it, and a page that starts where an earlier one did (a server that
 * ignores `offset`) is an error rather than an endless loop.
 */
export async function readAllPages(options: PagingOptions): Promise<JsonRecord[]> {
  const { pageSize, endpoint, fetchPage } = options;
  const all: JsonRecord[] = [];
  const pageStarts = new Set<string>();
  let url = pageUrl(options.url, pageSize, 0);
  for (;;) {
    const { records, headers } = await fetchPage(url);
    const first = records[0];
    if (!first) break;
    const firstId = String(first['sourcedId']);
    if (pageStarts.has(firstId)) {
      throw sisMalformedResponse(
        endpoint,
        200,
        `${endpoint} sent the page starting at sourcedId ${firstId} twice (${url.search}): the SIS seems to ignore offset. ` +
          `A page size above the collection's size avoids paging`,
      );
    }
    pageStarts.add(firstId);
    all.push(...records);
    const links = headers.get('link');
    if (links !== null) {
      const next = nextLink(links, url, options.url);
      if (next === null) break;
      if (next) {
        url = next;
        continue;
      }
    }
    const total = totalCount(headers.get('x-total-count'));
    if (total !== undefined ? all.length >= total : records.length < pageSize) break;
    url = pageUrl(options.url, pageSize, all.length);
  }
  return all;
}

function pageUrl(base: URL, limit: number, offset: number): URL {
  const url = new URL(base);
  url.searchParams.set('limit', String(limit));
  url.searchParams.set('offset', String(offset));
  return url;
}

function totalCount(value: string | null): number | undefined {
  return value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

/**
 * The `rel="next"` target of a Link header (RFC 8288), resolved against the page's URL: null when the
 * header has no next (the last page), undefined when the next is on another origin, which is not followed
 * (the bearer token would go with it) — paging then goes on by offset.
 */
export function nextLink(header: string, pageUrl: URL, base: URL): URL | null | undefined {
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? '');
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (!relations.includes('next')) continue;
    let target: URL;
    try {
      target = new URL(match[1] ?? '', pageUrl);
    } catch {
      return undefined;
    }
    return target.origin === base.origin ? target : undefined;
  }
  return null;
}
