import { isUniqueViolation } from './unique-violation';

describe('isUniqueViolation', () => {
  it('reads the code and constraint as pg and as TypeORM carry them', () => {
    expect(isUniqueViolation({ code: '23505', constraint: 'uq_a' }, 'uq_a')).toBe(true);
    expect(isUniqueViolation({ driverError: { code: '23505', constraint: 'uq_a' } }, 'uq_a')).toBe(true);
    expect(isUniqueViolation({ code: '23505', driverError: { constraint: 'uq_a' } }, 'uq_a')).toBe(true);
  });

  it('is false for another constraint, another error, or none', () => {
    expect(isUniqueViolation({ code: '23505', constraint: 'uq_b' }, 'uq_a')).toBe(false);
    expect(isUniqueViolation({ code: '23503', constraint: 'uq_a' }, 'uq_a')).toBe(false);
    expect(isUniqueViolation(new Error('x'), 'uq_a')).toBe(false);
    expect(isUniqueViolation(undefined, 'uq_a')).toBe(false);
  });
});
