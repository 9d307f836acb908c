import type { TwilioSettings } from './twilio-sms-sender';

/** A file of an incoming text message, fetched from the provider. */
export interface FetchedMedia {
  bytes: Buffer;
  contentType: string;
}

/** A media URL that is not the provider's, or a file over the size allowed: not fetched, not retried. */
export class MediaRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MediaRefusedError';
  }
}

/**
 * Fetches an MMS file from Twilio with the account's credentials (media URLs may require them). Only URLs
 * under the account's own resources at the configured API origin are fetched: the URL comes from a request
 * body, and a signed webhook from a leaked token must not make us fetch anything else (SSRF). Twilio
 * answers with a redirect to its storage; fetch drops the credentials when that leaves the origin. Larger
 * than `maxBytes` is refused without reading the rest.
 */
export async function fetchTwilioMedia(
  settings: Pick<TwilioSettings, 'baseUrl' | 'accountSid' | 'authToken' | 'timeoutMs'>,
  url: string,
  maxBytes: number,
): Promise<FetchedMedia> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new MediaRefusedError('The media URL is not a URL');
  }
  const api = new URL(settings.baseUrl);
  const accountPath = `/2010-04-01/Accounts/${settings.accountSid}/`;
  if (target.origin !== api.origin || !target.pathname.startsWith(accountPath) || target.username)
    throw new MediaRefusedError(`The media URL is not the provider's (${target.origin})`);
  const response = await fetch(target, {
    headers: {
      authorization: `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`,
    },
    redirect: 'follow',
    signal: AbortSignal.timeout(settings.timeoutMs ?? 20_000),
  });
  if (!response.ok || !response.body)
    throw new Error(`The provider answered ${response.status} for a message's media`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new MediaRefusedError(`The file is ${declared} bytes, over ${maxBytes}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new MediaRefusedError(`The file is over ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  const contentType = (response.headers.get('content-type') ?? 'application/octet-stream')
    .split(';')[0]!
    .trim();
  return { bytes: Buffer.concat(chunks), contentType };
}
