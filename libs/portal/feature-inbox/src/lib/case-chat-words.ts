import type { CasePageQuery, ChatEndReason, TranscriptSkipReason } from './operations.generated';

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

const NOT_MAILED_BECAUSE: Readonly<Record<TranscriptSkipReason, string>> = {
  ANONYMOUS: 'No transcript: the family wrote anonymously.',
  NO_EMAIL: 'No transcript: the family gave no email address.',
  MAIL_OFF: 'No transcript: the district sends no mail from Homeroom.',
  REJECTED: "No transcript: the family's mail server refused the address.",
};

/**
 * What became of an ended chat's transcript, when it was not mailed (the page shows when it was): why, as
 * the cases service says; nothing said yet means it is still to go (the next sweep mails it).
 */
export function transcriptNotSent(chat: Pick<CaseChat, 'transcriptSkipped'>): string {
  const reason = chat.transcriptSkipped;
  return reason ? (NOT_MAILED_BECAUSE[reason] ?? `No transcript: ${reason}.`) : 'Transcript not mailed yet.';
}
