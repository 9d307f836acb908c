import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenException, UnauthenticatedException } from '@homeroom/shared/errors';
import { hasAnyRole, hasScopes } from '../authorization';
import type { StaffRole } from '../principal';
import { PUBLIC_KEY, requestOf, ROLES_KEY, SCOPES_KEY } from './auth.decorators';
import { principalOf } from './principal-of-request';

/**
 * Deny by default: an operation is public only when marked @Public(); otherwise the caller must be staff
 * (with one of the @Roles, when given) or an API client holding every @Scopes. Roles are checked here
 * wherever they were granted; which schools they reach is the resolver's check, once it knows the school.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (context.getType<string>() === 'http') return true; // probes and metrics; /graphql is guarded per field
    const principal = principalOf(requestOf(context));
    if (principal.kind === 'anonymous') throw new UnauthenticatedException();
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, targets);
    const scopes = this.reflector.getAllAndOverride<string[] | undefined>(SCOPES_KEY, targets);
    // Staff whose last role was taken away act as no one at the next request, whatever their token says.
    if (principal.kind === 'user' && principal.grants.length === 0)
      throw new ForbiddenException(
        'You hold no role in Homeroom; ask your district administrator',
        'NO_ROLE',
      );
    if (principal.kind === 'user' && (!roles || hasAnyRole(principal, roles))) return true;
    if (principal.kind === 'client' && scopes && hasScopes(principal, scopes)) return true;
    throw new ForbiddenException();
  }
}
