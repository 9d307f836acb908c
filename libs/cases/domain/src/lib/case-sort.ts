import { InvalidInputException } from '@homeroom/shared/errors';
import { PRIORITIES, type Priority } from './case-kinds';

/**
 * How a list of cases is ordered. NEWEST is the inbox default; OLDEST works a queue first-in first-out;
 * RECENTLY_UPDATED shows what moved; PRIORITY puts URGENT first and, within a priority, the longest waiting;
 * SLA_DUE puts the nearest deadline the SLA service warned about first (cases without one last).
 */
export const CASE_SORTS = ['NEWEST', 'OLDEST', 'RECENTLY_UPDATED', 'PRIORITY', 'SLA_DUE'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface SortableCase {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  priority: Priority;
  slaDueAt: Date | null;
}

/** A priority as a number that sorts: LOW 1 … URGENT 4 (SQL: array_position over the same list). */
export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority) + 1;
}

/** The keys a cursor carries for a sort, the sort's name first, so a cursor cannot change sorts. */
export function sortKeys(sort: CaseSort, row: SortableCase): (string | number)[] {
  switch (sort) {
    case 'NEWEST':
    case 'OLDEST':
      return [sort, row.createdAt.toISOString(), row.id];
    case 'RECENTLY_UPDATED':
      return [sort, row.updatedAt.toISOString(), row.id];
    case 'SLA_DUE':
      return [sort, row.slaDueAt?.toISOString() ?? 'infinity', row.id];
    case 'PRIORITY':
      return [sort, priorityRank(row.priority), row.createdAt.toISOString(), row.id];
  }
}

/** How many keys a cursor of this sort carries, its name included. */
export function sortKeyCount(sort: CaseSort): number {
  return sort === 'PRIORITY' ? 4 : 3;
}

/** The keys after the sort's name, or a typed error when the cursor was made for another sort. */
export function keysForSort(sort: CaseSort, keys: readonly (string | number)[]): (string | number)[] {
  if (keys[0] !== sort) {
    throw new InvalidInputException(
      'This cursor belongs to a list sorted another way',
      [{ path: 'after', message: `not a ${sort} cursor` }],
      'CURSOR_SORT_MISMATCH',
    );
  }
  return keys.slice(1);
}
