import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = 'valid' | 'expired' | 'invalid';

/**
 * Download links for attachments: `/attachments/<id>?expires=<unix seconds>&signature=<HMAC-SHA256>`. The
 * signature is the authorisation (the route has no principal), so it is issued only by the GraphQL field
 * that has already checked that the caller may see the message, and it expires soon after.
 */
export class AttachmentUrlSigner {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
    /** Where clients reach this service's `/attachments` route; empty for a path on the same origin. */
    private readonly baseUrl: string = '',
  ) {
    if (secret.length < 32) throw new Error('The attachment URL secret must be at least 32 characters');
  }

  /**
   * Whether its links are absolute (ATTACHMENT_DOWNLOAD_BASE_URL is set): what a service outside the
   * district's browsers needs to fetch one (the SMS provider, for a picture message).
   */
  get absolute(): boolean {
    return /^https?:\/\//.test(this.baseUrl);
  }

  url(attachmentId: string, now: number = Date.now()): string {
    const expires = Math.floor(now / 1_000) + this.ttlSeconds;
    const query = new URLSearchParams({
      expires: String(expires),
      signature: this.sign(attachmentId, expires),
    });
    return `${this.baseUrl.replace(/\/+$/, '')}/attachments/${encodeURIComponent(attachmentId)}?${query}`;
  }

  check(
    attachmentId: string,
    expires: unknown,
    signature: unknown,
    now: number = Date.now(),
  ): SignatureCheck {
    if (typeof expires !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(expires))
      return 'invalid';
    const expected = Buffer.from(this.sign(attachmentId, Number(expires)));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(expires) * 1_000 < now ? 'expired' : 'valid';
  }

  private sign(attachmentId: string, expires: number): string {
    return createHmac('sha256', this.secret)
      .update(`attachment:${attachmentId}:${expires}`)
      .digest('base64url');
  }
}
