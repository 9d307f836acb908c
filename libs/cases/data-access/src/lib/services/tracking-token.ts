import { createHash, randomBytes } from 'node:crypto';

/** The requester's link secret: 32 random bytes; we keep only its hash, so a database leak opens no case. */
export function newTrackingToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashTrackingToken(token) };
}

export function hashTrackingToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
