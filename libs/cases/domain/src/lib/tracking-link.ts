/**
 * `{{case.trackingLink}}` in a reply: the requester's link to follow their case (ADR 36). Only the hash of
 * a tracking token is kept, so the link cannot be written into the reply when staff send it; the words stay
 * in the stored reply and each delivery fills them: an email or a text with a link made for it, the
 * tracking page and the chat with the link the family opened them by. Staff see the placeholder as written.
 */
export const TRACKING_LINK_PLACEHOLDER = '{{case.trackingLink}}';

/** The placeholder however it is spaced (`{{ case.trackingLink }}`), as templates accept it. */
const TRACKING_LINK = /\{\{\s*case\.trackingLink\s*\}\}/g;

/** True when a text asks for the tracking link. */
export function mentionsTrackingLink(text: string): boolean {
  return new RegExp(TRACKING_LINK.source).test(text);
}

/** The text with each `{{case.trackingLink}}` replaced by the link. */
export function fillTrackingLink(text: string, link: string): string {
  return text.replace(TRACKING_LINK, () => link);
}

/** The tracking page of a token, as the portal routes it: `<portalUrl>/track/<token>`. */
export function trackingPageUrl(portalUrl: string, token: string): string {
  return `${portalUrl.replace(/\/+$/, '')}/track/${encodeURIComponent(token)}`;
}
