import { InvalidInputException } from '@homeroom/shared/errors';

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_COOLING_OFF_DAYS = 7;

export const CSAT_SKIP_REASONS = [
  'ANONYMOUS',
  'CONFIDENTIAL',
  'MERGED',
  'DUPLICATE',
  'SPAM',
  'STAFF_INTERNAL',
  'OPTED_OUT',
  'UNREACHABLE',
  'COOLING_OFF',
] as const;
export type CsatSkipReason = (typeof CSAT_SKIP_REASONS)[number];

export type InvitationChannel = 'EMAIL' | 'SMS';

/** What the surveys service knows about a case the cases service reports resolved. */
export interface ResolvedCaseFacts {
  anonymous: boolean;
  /**
   * How the requester can be reached: an email on file, a number that may be texted. The addresses stay
   * with the service that holds them (cases), which sends the invitation.
   */
  reachableBy: readonly InvitationChannel[];
  /** The channel the case came in on (the cases domain's `Channel`, e.g. 'EMAIL', 'SMS', 'PHONE'). */
  channel: string;
  /** The requester's language, if known. */
  language: string | null;
  confidential: boolean;
  /** Merged into another case: that case's resolution invites, not this one's. */
  merged: boolean;
  duplicate: boolean;
  spam: boolean;
  /** Opened by staff for staff (an internal ticket): there is no family to ask. */
  staffInternal: boolean;
  /** The resolving agent turned the survey off for this case (e.g. a bereavement, a legal matter). */
  agentOptedOut: boolean;
  /** When this requester was last invited to any satisfaction survey. */
  lastInvitedAt: Date | null;
}

export interface CsatPolicy {
  coolingOffDays?: number;
  /** The language of an invitation when the requester's is unknown. */
  defaultLanguage?: string;
}

export type CsatDecision =
  { invite: true; channel: InvitationChannel; language: string } | { invite: false; reason: CsatSkipReason };

/** Channels whose replies go by text message, so the invitation does too when a number is known. */
const SMS_FIRST_CHANNELS = new Set(['SMS', 'PHONE']);

/**
 * Whether to ask the requester of a resolved case how it went. The checks run in a fixed order, so the
 * reason recorded is the most fundamental one (an anonymous spam case is ANONYMOUS). A requester invited
 * less than the cooling-off period ago is not asked again, however many cases they open.
 */
export function csatEligibility(facts: ResolvedCaseFacts, now: Date, policy: CsatPolicy = {}): CsatDecision {
  const coolingOffDays = policy.coolingOffDays ?? DEFAULT_COOLING_OFF_DAYS;
  const skip = (reason: CsatSkipReason): CsatDecision => ({ invite: false, reason });
  if (facts.anonymous) return skip('ANONYMOUS');
  if (facts.confidential) return skip('CONFIDENTIAL');
  if (facts.merged) return skip('MERGED');
  if (facts.duplicate) return skip('DUPLICATE');
  if (facts.spam) return skip('SPAM');
  if (facts.staffInternal) return skip('STAFF_INTERNAL');
  if (facts.agentOptedOut) return skip('OPTED_OUT');

  const email = facts.reachableBy.includes('EMAIL');
  const phone = facts.reachableBy.includes('SMS');
  if (!email && !phone) return skip('UNREACHABLE');

  if (facts.lastInvitedAt && now.getTime() - facts.lastInvitedAt.getTime() < coolingOffDays * DAY_MS)
    return skip('COOLING_OFF');

  const channel: InvitationChannel =
    phone && (SMS_FIRST_CHANNELS.has(facts.channel) || !email) ? 'SMS' : 'EMAIL';
  return { invite: true, channel, language: facts.language?.trim() || policy.defaultLanguage || 'en' };
}

export interface InvitationPolicy {
  /** Days after sending to remind those who have not answered; null for no reminder. Default 3. */
  remindAfterDays?: number | null;
  /** Days after sending that the link stops working. Default 14. */
  expireAfterDays?: number;
}

export interface InvitationSchedule {
  remindAt: Date | null;
  expiresAt: Date;
}

/**
 * When to remind and when the invitation lapses. A reminder that would fall at or after expiry is dropped
 * (reminding someone of a link that no longer works helps no one).
 */
export function invitationSchedule(sentAt: Date, policy: InvitationPolicy = {}): InvitationSchedule {
  const remindAfterDays = policy.remindAfterDays === undefined ? 3 : policy.remindAfterDays;
  const expireAfterDays = policy.expireAfterDays ?? 14;
  if (!(expireAfterDays > 0) || (remindAfterDays !== null && !(remindAfterDays > 0)))
    throw new InvalidInputException(
      'Reminder and expiry must be a positive number of days',
      [
        {
          path: remindAfterDays !== null && !(remindAfterDays > 0) ? 'remindAfterDays' : 'expireAfterDays',
          message: 'must be positive',
        },
      ],
      'INVALID_SCHEDULE',
    );
  const expiresAt = new Date(sentAt.getTime() + expireAfterDays * DAY_MS);
  const remindAt =
    remindAfterDays !== null && remindAfterDays < expireAfterDays
      ? new Date(sentAt.getTime() + remindAfterDays * DAY_MS)
      : null;
  return { remindAt, expiresAt };
}
