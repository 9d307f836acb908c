import type { EntityManager } from 'typeorm';

export const CHAT_END_REASONS = ['REQUESTER_LEFT', 'STAFF_ENDED', 'IDLE', 'CASE_CLOSED'] as const;
export type ChatEndReason = (typeof CHAT_END_REASONS)[number];

/** Why an ended chat's transcript was not mailed, and will not be. */
export const TRANSCRIPT_SKIP_REASONS = ['ANONYMOUS', 'NO_EMAIL', 'MAIL_OFF', 'REJECTED'] as const;
export type TranscriptSkipReason = (typeof TRANSCRIPT_SKIP_REASONS)[number];

/** A chat's session beside its case: open until it ends, and what became of its transcript. */
export interface ChatSession {
  caseId: string;
  startedAt: Date;
  lastActivityAt: Date;
  endedAt: Date | null;
  endReason: ChatEndReason | null;
  transcriptSentAt: Date | null;
  /** Why no transcript was or will be mailed. */
  transcriptSkipped: TranscriptSkipReason | null;
}

const COLUMNS = `case_id AS "caseId", started_at AS "startedAt", last_activity_at AS "lastActivityAt",
  closed_at AS "endedAt", closed_reason AS "endReason", transcript_sent_at AS "transcriptSentAt",
  transcript_skipped AS "transcriptSkipped"`;

/** The sessions of these cases (the ones that are chats), by case id. */
export async function chatSessionsOf(
  manager: EntityManager,
  caseIds: readonly string[],
): Promise<Map<string, ChatSession>> {
  if (!caseIds.length) return new Map();
  const rows = (await manager.query(`SELECT ${COLUMNS} FROM chat_session WHERE case_id = ANY($1::uuid[])`, [
    [...caseIds],
  ])) as ChatSession[];
  return new Map(rows.map((row) => [row.caseId, row]));
}

/** Whether the family is (still) in the chat of this case: while so, replies reach them there, not by mail. */
export async function isChatOpen(manager: EntityManager, caseId: string): Promise<boolean> {
  const rows = (await manager.query('SELECT 1 FROM chat_session WHERE case_id = $1 AND closed_at IS NULL', [
    caseId,
  ])) as unknown[];
  return rows.length > 0;
}
