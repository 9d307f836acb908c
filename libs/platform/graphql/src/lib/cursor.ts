import { DomainException, ERROR_CODES } from '@homeroom/shared/errors';

/**
 * Opaque Relay cursors. Clients must not parse them; we keep them versioned and base64url so that the
 * keyset inside (for example the sort value and id of the last row) can change without breaking anyone.
 */
export function encodeCursor(keyset: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(['v1', ...keyset])).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded[0] === 'v1' &&
      decoded.length === arity + 1 &&
      decoded.slice(1).every((part) => typeof part === 'string' || typeof part === 'number')
    ) {
      return decoded.slice(1) as (string | number)[];
    }
  } catch {
    // fall through to the typed error
  }
  throw new DomainException(ERROR_CODES.INVALID_CURSOR, 'The cursor is not one this API issued');
}
