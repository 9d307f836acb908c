import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newLinkToken } from '@homeroom/platform/auth';
import { fillTrackingLink, mentionsTrackingLink, trackingPageUrl } from '@homeroom/cases/domain';

export interface TrackingLinkSettings {
  /** The portal whose tracking page the links open: `<portalUrl>/track/<token>`. */
  portalUrl?: string;
}

export const TRACKING_LINK_SETTINGS = Symbol('TRACKING_LINK_SETTINGS');

/** Where a delivery's link went: what the audit of a link says. */
export type TrackingLinkChannel = 'EMAIL' | 'SMS' | 'CHAT_TRANSCRIPT';

/** What stands for the link where the district has no portal address to give (never in production). */
const NO_PORTAL_WORDS = 'the tracking link from your confirmation';

/**
 * `{{case.trackingLink}}` filled as a reply leaves (ADR 36). A delivery by email or text gets a link of its
 * own: only hashes of tracking tokens are kept, so the family's first link cannot be written again. The
 * tracking page and the chat fill it with the link the family opened them by.
 */
@Injectable()
export class TrackingLinks {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TRACKING_LINK_SETTINGS) private readonly settings: TrackingLinkSettings,
  ) {}

  /**
   * The text with a new link for this delivery, when it asks for one. The link is committed on its own
   * connection before the text is sent: the delivery's transaction may yet roll back after the mail server
   * or the SMS provider took the text (then it is sent again), and the link in the family's hands must
   * open their case either way.
   */
  async forDelivery(
    text: string,
    delivery: { caseId: string; messageId: string | null; channel: TrackingLinkChannel },
  ): Promise<string> {
    if (!mentionsTrackingLink(text)) return text;
    if (!this.settings.portalUrl) return fillTrackingLink(text, NO_PORTAL_WORDS);
    const { token, hash } = newLinkToken();
    await this.dataSource.query(
      'INSERT INTO case_tracking_link (token_hash, case_id, message_id, channel) VALUES ($1, $2, $3, $4)',
      [hash, delivery.caseId, delivery.messageId, delivery.channel],
    );
    return fillTrackingLink(text, trackingPageUrl(this.settings.portalUrl, token));
  }

  /** The text with the link the reader holds already (they opened the tracking page or the chat by it). */
  forHolder(text: string, token: string): string {
    if (!mentionsTrackingLink(text)) return text;
    return fillTrackingLink(
      text,
      this.settings.portalUrl ? trackingPageUrl(this.settings.portalUrl, token) : NO_PORTAL_WORDS,
    );
  }
}
