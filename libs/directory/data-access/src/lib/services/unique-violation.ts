import { ConflictException } from '@homeroom/shared/errors';
import { DIRECTORY_REASONS } from '@homeroom/directory/domain';

const BY_CONSTRAINT: Record<string, { message: string; reason: string }> = {
  uq_school_code: { message: 'Another school has this code', reason: DIRECTORY_REASONS.duplicateSchoolCode },
  uq_school_sourced_id: {
    message: 'Another school has this SIS id',
    reason: DIRECTORY_REASONS.duplicateSourcedId,
  },
  uq_person_sourced_id: {
    message: 'Another person has this SIS id',
    reason: DIRECTORY_REASONS.duplicateSourcedId,
  },
};

/** Turns PostgreSQL's unique_violation on a known constraint into a typed conflict; rethrows anything else. */
export async function translatingUniqueViolations<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, constraint } =
      (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? {};
    const known = code === '23505' && constraint ? BY_CONSTRAINT[constraint] : undefined;
    if (known) throw new ConflictException(known.message, known.reason);
    throw error;
  }
}
