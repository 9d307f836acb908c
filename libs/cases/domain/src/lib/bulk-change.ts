import { InvalidInputException } from '@homeroom/shared/errors';
import type { CaseStatus, Priority } from './case-kinds';
import { normalizeTag } from './case-tags';

/** The most cases one bulk action may touch: a full inbox page many times over, not the whole district. */
export const MAX_BULK_CASES = 500;
/** How long the one who made a bulk action may undo it. */
export const BULK_UNDO_SECONDS = 60;

/** What a bulk action changes on each case; what is left out stays. */
export interface BulkCaseChange {
  /** Both replaced (null: no one). */
  assignment?: { assigneeId: string | null; teamId: string | null };
  status?: CaseStatus;
  priority?: Priority;
  topicId?: string;
  addTags?: string[];
}

/** The fields a bulk action may change, as a case had them: what its undo puts back. */
export interface BulkCaseFields {
  assigneeId: string | null;
  teamId: string | null;
  status: CaseStatus;
  priority: Priority;
  topicId: string | null;
  tags: string[];
}

/**
 * A bulk request checked: some cases, none twice, at most MAX_BULK_CASES (TOO_MANY_CASES), and some
 * change to make (NOTHING_TO_CHANGE); tags normalized as a case keeps them.
 */
export function checkBulkRequest(caseIds: readonly string[], change: BulkCaseChange): BulkCaseChange {
  if (caseIds.length === 0)
    throw new InvalidInputException('Choose the cases to change', [
      { path: 'caseIds', message: 'none given' },
    ]);
  if (caseIds.length > MAX_BULK_CASES)
    throw new InvalidInputException(
      `A bulk action changes at most ${MAX_BULK_CASES} cases; ${caseIds.length} were given`,
      [{ path: 'caseIds', message: `at most ${MAX_BULK_CASES}` }],
      'TOO_MANY_CASES',
    );
  if (new Set(caseIds).size !== caseIds.length)
    throw new InvalidInputException('A case is given twice', [{ path: 'caseIds', message: 'given twice' }]);
  const addTags = change.addTags?.length
    ? [...new Set(change.addTags.map((tag, i) => normalizeTag(tag, `change.addTags.${i}`)))]
    : undefined;
  const checked: BulkCaseChange = {
    ...(change.assignment ? { assignment: change.assignment } : {}),
    ...(change.status ? { status: change.status } : {}),
    ...(change.priority ? { priority: change.priority } : {}),
    ...(change.topicId ? { topicId: change.topicId } : {}),
    ...(addTags ? { addTags } : {}),
  };
  if (Object.keys(checked).length === 0)
    throw new InvalidInputException(
      'Say what to change: the assignment, status, priority, topic or tags',
      [{ path: 'change', message: 'nothing to change' }],
      'NOTHING_TO_CHANGE',
    );
  return checked;
}
