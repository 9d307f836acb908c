import { createHmac, timingSafeEqual } from 'node:crypto';
import { ERROR_CODES, DomainException } from '@homeroom/shared/errors';
import { principalSchema, type Principal } from './principal';

export const PRINCIPAL_HEADER = 'x-homeroom-principal';
export const SIGNATURE_HEADER = 'x-homeroom-principal-signature';

/** How old a signature may be: covers clock skew between pods, not replay of a captured request. */
const MAX_AGE_SECONDS = 60;

/**
 * The channel between gateway and subgraphs. The gateway signs the principal it verified (HMAC-SHA256
 * over the timestamp and the encoded principal, with a secret only it and the subgraphs hold); a
 * subgraph accepts a request only with a fresh, valid signature, so a client that reaches a subgraph
 * directly, or forges the header through the gateway, is refused. See docs/adr/0005.
 */
export function signPrincipal(
  principal: Principal,
  secret: string,
  now: Date = new Date(),
): Record<string, string> {
  const encoded = Buffer.from(JSON.stringify(principal)).toString('base64url');
  const timestamp = Math.floor(now.getTime() / 1_000);
  return {
    [PRINCIPAL_HEADER]: encoded,
    [SIGNATURE_HEADER]: `t=${timestamp},v1=${mac(secret, timestamp, encoded)}`,
  };
}

export function verifyPrincipal(
  headers: Record<string, string | string[] | undefined>,
  secret: string,
  now: Date = new Date(),
): Principal {
  const encoded = single(headers[PRINCIPAL_HEADER]);
  const signature = single(headers[SIGNATURE_HEADER]);
  if (!encoded || !signature) throw refused('The request did not come through the gateway');
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
  if (!match) throw refused('Malformed gateway signature');
  const timestamp = Number(match[1]);
  if (Math.abs(now.getTime() / 1_000 - timestamp) > MAX_AGE_SECONDS)
    throw refused('Expired gateway signature');
  const expected = Buffer.from(mac(secret, timestamp, encoded), 'hex');
  const given = Buffer.from(match[2]!, 'hex');
  if (!timingSafeEqual(expected, given)) throw refused('Invalid gateway signature');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw refused('Unreadable principal');
  }
  const principal = principalSchema.safeParse(decoded);
  if (!principal.success) throw refused('Invalid principal');
  return principal.data;
}

function mac(secret: string, timestamp: number, encoded: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${encoded}`).digest('hex');
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function refused(message: string): DomainException {
  return new DomainException(ERROR_CODES.GATEWAY_TRUST_REQUIRED, message);
}
