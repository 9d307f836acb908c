import type { CasePageQuery, ChatEndReason } from './operations.generated';

type SupportCase = NonNullable<CasePageQuery['case']>;
export type CaseChat = NonNullable<SupportCase['chat']>;

const ENDED_BECAUSE: Readonly<Record<ChatEndReason, string>> = {
  REQUESTER_LEFT: 'the family left the chat',
  STAFF_ENDED: 'staff ended it',
  IDLE: 'nobody wrote for the idle time',
  CASE_CLOSED: 'the case was resolved or closed',
};

/** Why a chat ended, in words; a reason this portal does not know yet shows as the API names it. */
export function chatEndedBecause(reason: ChatEndReason | null): string {
  return reason ? (ENDED_BECAUSE[reason] ?? reason) : 'no reason given';
}

/**
 * What became of an ended chat's transcript, when it was not mailed (the page shows when it was): the
 * cases service mails none to an anonymous family or one without an email address. Any other case is
 * mail still to go (the next sweep) or mail that could not go, which the API does not tell apart.
 */
export function transcriptNotSent(
  supportCase: Pick<SupportCase, 'anonymous'> & { contact: Pick<SupportCase['contact'], 'email'> },
): string {
  if (supportCase.anonymous) return 'No transcript: the family wrote anonymously.';
  if (!supportCase.contact.email) return 'No transcript: the family gave no email address.';
  return 'Transcript not mailed yet.';
}
