import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { StaffRole } from '../principal';
import { principalOf } from './principal-of-request';

export const PUBLIC_KEY = 'homeroom:public';
export const ROLES_KEY = 'homeroom:roles';
export const SCOPES_KEY = 'homeroom:scopes';

/** Anyone may call this (submit an inquiry, track a case, answer a survey); rate limits apply at the gateway. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Staff with one of these roles may call this. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);

/** API clients holding every one of these scopes may call this. */
export const Scopes = (...scopes: string[]) => SetMetadata(SCOPES_KEY, scopes);

/** Who may call a field: staff in one of `roles`, and API clients holding every one of `scopes`. */
export interface FieldAccess {
  roles: readonly StaffRole[];
  scopes: readonly string[];
}

/**
 * A field's access as one named rule (`@Allow(CASE_WRITE)`), defined once in its domain's access.ts:
 * the same as `@Roles(...access.roles) @Scopes(...access.scopes)`.
 */
export const Allow = (access: FieldAccess) =>
  applyDecorators(Roles(...access.roles), Scopes(...access.scopes));

/** The verified principal of the request, in a resolver or controller. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) =>
  principalOf(requestOf(context)),
);

export function requestOf(context: ExecutionContext): unknown {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: unknown }>().req;
  }
  return context.switchToHttp().getRequest();
}
