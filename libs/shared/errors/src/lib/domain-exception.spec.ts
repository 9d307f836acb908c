import { DomainException, NotFoundException, InvalidInputException } from './domain-exception';
import { ERROR_CODES, isErrorCode } from './error-codes';

describe('DomainException', () => {
  it('derives a reason from the entity name for not-found errors', () => {
    const error = new NotFoundException('SchoolDepartment');
    expect(error.code).toBe(ERROR_CODES.NOT_FOUND);
    expect(error.reason).toBe('SCHOOL_DEPARTMENT_NOT_FOUND');
    expect(error.message).toBe('SchoolDepartment not found');
    expect(error).toBeInstanceOf(DomainException);
    expect(error.name).toBe('NotFoundException');
  });

  it('carries field problems for invalid input', () => {
    const error = new InvalidInputException('Invalid inquiry', [{ path: 'message', message: 'Required' }]);
    expect(error.details).toEqual([{ path: 'message', message: 'Required' }]);
  });

  it('recognises only listed codes', () => {
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('NOPE')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
