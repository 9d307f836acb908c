import { createHash, randomBytes } from 'node:crypto';

/**
 * A secret link's token (a case's tracking link, a survey invitation): 32 random bytes, base64url. Only its
 * hash is stored, so a database leak opens nothing.
 */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
