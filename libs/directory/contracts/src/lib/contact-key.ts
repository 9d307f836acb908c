import { createHash } from 'node:crypto';

/**
 * The key other services match a requester by: a hash of a normalized email (lower case) or phone (E.164),
 * never the address itself, so the directory's events carry no contact details. It is pseudonymous, not
 * anonymous — anyone holding an address can compute its key — which is what matching needs and no more.
 * Both sides must normalize the same way (`@homeroom/shared/contact`) before calling this.
 */
export function contactKey(normalizedEmailOrPhone: string): string {
  return createHash('sha256').update(`homeroom-contact:v1:${normalizedEmailOrPhone}`).digest('base64url');
}
