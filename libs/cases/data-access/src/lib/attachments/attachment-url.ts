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
    return this.signed(`/attachments/${encodeURIComponent(attachmentId)}`, `attachment:${attachmentId}`, now);
  }

  check(
    attachmentId: string,
    expires: unknown,
    signature: unknown,
    now: number = Date.now(),
  ): SignatureCheck {
    return this.checked(`attachment:${attachmentId}`, expires, signature, now);
  }

  /**
   * A knowledge-base article's file (`articleFilePath`): the bare path once it is published, which anyone
   * may open while the article is live and an article's HTML may show; signed like a case file's before,
   * for the staff who edit the draft. The two kinds of signature never open each other's files.
   */
  articleFileUrl(path: string, fileId: string, published: boolean, now: number = Date.now()): string {
    return published ? `${this.base}${path}` : this.signed(path, `article-file:${fileId}`, now);
  }

  checkArticleFile(fileId: string, expires: unknown, signature: unknown, now: number = Date.now()) {
    return this.checked(`article-file:${fileId}`, expires, signature, now);
  }

  /** Where clients reach the `/attachments` routes: the configured origin, or '' for same-origin paths. */
  get base(): string {
    return this.baseUrl.replace(/\/+$/, '');
  }

  private signed(path: string, subject: string, now: number): string {
    const expires = Math.floor(now / 1_000) + this.ttlSeconds;
    const query = new URLSearchParams({ expires: String(expires), signature: this.sign(subject, expires) });
    return `${this.base}${path}?${query}`;
  }

  private checked(subject: string, expires: unknown, signature: unknown, now: number): SignatureCheck {
    if (typeof expires !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(expires))
      return 'invalid';
    const expected = Buffer.from(this.sign(subject, Number(expires)));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(expires) * 1_000 < now ? 'expired' : 'valid';
  }

  private sign(subject: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${subject}:${expires}`).digest('base64url');
  }
}
