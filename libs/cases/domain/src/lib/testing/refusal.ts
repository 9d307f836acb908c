import { DomainException } from '@homeroom/shared/errors';

/** The refusal `work` throws, for a spec to read its code, reason and details; fails when none comes. */
export function refusal(work: () => unknown): DomainException {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  throw new Error('not refused');
}
