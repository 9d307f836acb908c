import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Twilio's request signature (`X-Twilio-Signature`): HMAC-SHA1 under the account's auth token of the URL
 * Twilio called, followed by each POST parameter's name and value, sorted by name; base64. Twilio's
 * parameters are flat and never repeated, so a repeated or nested one is no Twilio request.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: Readonly<Record<string, string>>,
): string {
  const signed = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

/**
 * Whether a webhook request carries Twilio's signature for the URL it was configured with. Twilio signs the
 * URL as written in its console, which may or may not spell out the default port, so both are tried.
 * Compared in constant time.
 */
export function isTwilioSignatureValid(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: Readonly<Record<string, string>>,
): boolean {
  if (!signature || !authToken) return false;
  const given = Buffer.from(signature);
  return urlSpellings(url).some((candidate) => {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/** The URL as given, with its default port written out, and without it. */
function urlSpellings(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const defaultPort = parsed.protocol === 'https:' ? '443' : parsed.protocol === 'http:' ? '80' : '';
  if (!defaultPort || (parsed.port && parsed.port !== defaultPort)) return [url];
  const authority = `${parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : ''}`;
  const rest = `${parsed.pathname}${parsed.search}`;
  const withPort = `${parsed.protocol}//${authority}${parsed.hostname}:${defaultPort}${rest}`;
  const withoutPort = `${parsed.protocol}//${authority}${parsed.hostname}${rest}`;
  return [...new Set([url, withPort, withoutPort])];
}
