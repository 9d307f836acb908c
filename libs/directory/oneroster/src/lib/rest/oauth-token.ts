import { sendWithRetry, type HttpAnswer, type RetryPolicy } from './http';
import { sisMalformedResponse, sisRequestRefused, sisUnauthorized } from './rest-errors';

export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

interface CachedToken {
  value: string;
  /** When to fetch a new one (epoch ms): shortly before the server said it expires. */
  refreshAt: number;
}

/** At most a minute, and at most a tenth of the lifetime: a short-lived token is still used. */
const REFRESH_MARGIN_SECONDS = 60;

/**
 * An OAuth 2 access token bought with the client credentials grant (RFC 6749 §4.4), kept until shortly
 * before it expires and shared by every request of a read. OneRoster 1.2 requires this grant; the secret
 * goes in an HTTP Basic header (§2.3.1), never in a URL and never in a message.
 */
export class ClientCredentialsToken {
  private current: CachedToken | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly policy: RetryPolicy,
  ) {}

  /** A token believed valid; requests made together wait for the same fetch. */
  async get(): Promise<string> {
    if (this.current && this.policy.now() < this.current.refreshAt) return this.current.value;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** The server refused `token` (revoked, or expired early): the next `get` fetches another. */
  invalidate(token: string): void {
    if (this.current?.value === token) this.current = undefined;
  }

  private async fetchToken(): Promise<string> {
    const { tokenUrl, clientId, clientSecret, scope } = this.credentials;
    const endpoint = `POST ${tokenUrl}`;
    const body = new URLSearchParams({ grant_type: 'client_credentials', scope }).toString();
    // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded, so a
    // secret with ":" or "%" in it survives; servers that skip the decoding differ only for such secrets.
    const basic = Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64');
    const answer = await sendWithRetry(
      endpoint,
      (signal) =>
        fetch(tokenUrl, {
          method: 'POST',
          headers: {
            authorization: `Basic ${basic}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body,
          signal,
        }),
      this.policy,
    );
    const redact = (text: string) => (clientSecret ? text.split(clientSecret).join('***') : text);
    if (answer.status < 200 || answer.status > 299) throw refusal(endpoint, answer, clientId, scope, redact);
    const token = parseToken(answer.text);
    if (!token) {
      throw sisMalformedResponse(
        endpoint,
        answer.status,
        `${endpoint} did not answer with an OAuth 2 bearer token (access_token, token_type "Bearer")`,
      );
    }
    const now = this.policy.now();
    const lifetime = token.expiresIn;
    this.current = {
      value: token.accessToken,
      refreshAt:
        lifetime === undefined
          ? Number.POSITIVE_INFINITY
          : now + (lifetime - Math.min(REFRESH_MARGIN_SECONDS, lifetime / 10)) * 1_000,
    };
    return token.accessToken;
  }
}

function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** RFC 6749 §5.1; `expires_in` is sometimes sent as a string, and `token_type` in any case. */
function parseToken(text: string): { accessToken: string; expiresIn: number | undefined } | undefined {
  const json = parseJsonObject(text);
  const accessToken = json?.['access_token'];
  const tokenType = json?.['token_type'];
  const expiresIn = Number(json?.['expires_in']);
  if (typeof accessToken !== 'string' || accessToken === '') return undefined;
  if (tokenType !== undefined && (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer'))
    return undefined;
  return { accessToken, expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined };
}

/**
 * RFC 6749 §5.2: a 400 or 401 with `error` (`invalid_client`, `invalid_scope`, …) is the server's final
 * word on these credentials; anything else means the token URL is wrong.
 */
function refusal(
  endpoint: string,
  answer: HttpAnswer,
  clientId: string,
  scope: string,
  redact: (text: string) => string,
) {
  const json = parseJsonObject(answer.text);
  const error = typeof json?.['error'] === 'string' ? json['error'] : undefined;
  const description =
    typeof json?.['error_description'] === 'string' ? ` (${json['error_description'].slice(0, 200)})` : '';
  if (answer.status === 400 || answer.status === 401 || answer.status === 403) {
    const hint =
      error === 'invalid_scope'
        ? `the SIS does not grant client "${clientId}" the scope ${scope}`
        : `the SIS refused client "${clientId}"; check the client id and secret it issued`;
    return sisUnauthorized(
      endpoint,
      answer.status,
      redact(
        `${endpoint} answered ${answer.status} ${error ?? 'without an OAuth error'}${description}: ${hint}`,
      ),
    );
  }
  return sisRequestRefused(
    endpoint,
    answer.status,
    redact(`${endpoint} answered ${answer.status}${description}: check the token URL`),
  );
}

export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
