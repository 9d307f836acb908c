import type { EmailIgnoreReason, QuarantineState } from '../operations.generated';

/** The states an administrator picks between, in the order the filter offers them. */
export const QUARANTINE_STATES: readonly { state: QuarantineState; name: string }[] = [
  { state: 'OPEN', name: 'Waiting' },
  { state: 'RELEASED', name: 'Released' },
  { state: 'DISCARDED', name: 'Discarded' },
];

const REASONS: Record<EmailIgnoreReason, string> = {
  AUTO_REPLY: 'Automatic reply',
  DELIVERY_REPORT: 'Delivery report (bounce)',
  READ_RECEIPT: 'Read receipt',
  ABUSE_REPORT: 'Abuse report',
  MAILING_LIST: 'Mailing list',
  BULK: 'Bulk mail',
  NO_SENDER: 'No sender address',
  EMPTY: 'Empty message',
  UNREADABLE: 'Could not be taken',
};

/** Why the intake kept a message, in plain words; a reason added to the API later, as it came. */
export function reasonText(reason: string): string {
  return REASONS[reason as EmailIgnoreReason] ?? reason;
}

/** The API's refusals of a release or a discard (extensions.reason), in the page's words. */
export const QUARANTINE_REFUSALS: Readonly<Record<string, string>> = {
  ALREADY_SETTLED: 'Someone else already settled this message',
  NO_SENDER: 'This message has no sender address to answer',
};

/** Who sent the message, or that no address came with it. */
export function senderText(fromAddress: string | null): string {
  return fromAddress?.trim() || 'no sender';
}

/** The subject, or that there was none. */
export function subjectText(subject: string): string {
  return subject.trim() ? subject : '(no subject)';
}

/**
 * "“Out of office” from ms.ortiz@example.org": a message named for its buttons and notices, the subject
 * and sender given with their bidi controls already shown as markers (an attribute holds no markup).
 */
export function messageLabel(subject: string, sender: string): string {
  return `“${subject}” from ${sender}`;
}

/** What an administrator may do with a waiting message: make a case of it, or discard it. */
export type MessageAction = 'release' | 'discard';

/** "Make a case of “Bus” from a@b.test", "Discard …": the action on a message, for its buttons. */
export function messageActionName(action: MessageAction, label: string): string {
  return action === 'release' ? `Make a case of ${label}` : `Discard ${label}`;
}

/** "3 messages waiting", "1 message released", "No messages discarded". */
export function totalText(totalCount: number, state: QuarantineState): string {
  const name = QUARANTINE_STATES.find((option) => option.state === state)?.name.toLowerCase() ?? '';
  const count = totalCount === 0 ? 'No messages' : totalCount === 1 ? '1 message' : `${totalCount} messages`;
  return `${count} ${name}`;
}

/** What the list says when a state has no messages. */
export function emptyText(state: QuarantineState): string {
  if (state === 'OPEN') return 'No kept email is waiting.';
  return state === 'RELEASED'
    ? 'No kept email has been made a case yet.'
    : 'No kept email has been discarded.';
}
