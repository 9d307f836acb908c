import { ConflictException, InvalidInputException } from '@homeroom/shared/errors';
import type { CaseStatus } from './case-kinds';

/** FOLLOW_UP: this case continues that one. DUPLICATE_OF: same matter, that one leads. RELATED: see also. */
export const LINK_KINDS = ['FOLLOW_UP', 'DUPLICATE_OF', 'RELATED'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface MergeCandidate {
  id: string;
  status: CaseStatus;
  confidential: boolean;
  mergedIntoId: string | null;
}

/**
 * Whether `source` may be merged into `target`. A merged case is closed and points at the survivor, so
 * it can be neither side of another merge (no chains to follow, no cycles). Merging across the
 * confidentiality line would show a personnel or safety matter to staff who could not open it.
 */
export function assertMergeable(source: MergeCandidate, target: MergeCandidate): void {
  if (source.id === target.id) {
    throw new InvalidInputException(
      'A case cannot be merged into itself',
      [{ path: 'targetCaseId', message: 'same case' }],
      'MERGE_INTO_SELF',
    );
  }
  if (source.mergedIntoId) throw new ConflictException('That case was already merged', 'ALREADY_MERGED');
  if (target.mergedIntoId) {
    throw new ConflictException(
      'The target case was itself merged; merge into the case it points to',
      'TARGET_MERGED',
    );
  }
  if (target.status === 'CLOSED') throw new ConflictException('The target case is closed', 'TARGET_CLOSED');
  if (source.confidential !== target.confidential) {
    throw new ConflictException(
      'Confidential and ordinary cases cannot be merged',
      'CONFIDENTIALITY_MISMATCH',
    );
  }
}

export function assertLinkable(caseId: string, otherCaseId: string): void {
  if (caseId === otherCaseId) {
    throw new InvalidInputException(
      'A case cannot be linked to itself',
      [{ path: 'otherCaseId', message: 'same case' }],
      'LINK_TO_SELF',
    );
  }
}
