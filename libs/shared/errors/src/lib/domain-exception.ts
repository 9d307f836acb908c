import { ERROR_CODES, type ErrorCode } from './error-codes';

/** A problem with one field of the input, as clients show it next to that field. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * The one base class for errors that domain code raises on purpose. It carries a stable code (and,
 * optionally, a domain-specific reason such as `CASE_NOT_FOUND`) and never a framework type, so domain
 * code stays free of NestJS and GraphQL; the GraphQL edge maps it to `extensions`.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
    readonly details?: readonly FieldProblem[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundException extends DomainException {
  constructor(entity: string, reason = `${toConstantCase(entity)}_NOT_FOUND`) {
    super(ERROR_CODES.NOT_FOUND, `${entity} not found`, reason);
  }
}

export class InvalidInputException extends DomainException {
  constructor(message: string, details: readonly FieldProblem[] = [], reason?: string) {
    super(ERROR_CODES.BAD_USER_INPUT, message, reason, details);
  }
}

export class ForbiddenException extends DomainException {
  constructor(message = 'You may not do this', reason?: string) {
    super(ERROR_CODES.FORBIDDEN, message, reason);
  }
}

export class UnauthenticatedException extends DomainException {
  constructor(message = 'Sign-in required', reason?: string) {
    super(ERROR_CODES.UNAUTHENTICATED, message, reason);
  }
}

export class ConflictException extends DomainException {
  constructor(message: string, reason?: string) {
    super(ERROR_CODES.CONFLICT, message, reason);
  }
}

function toConstantCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toUpperCase();
}
