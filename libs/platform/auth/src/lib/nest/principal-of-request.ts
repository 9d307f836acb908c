import { ANONYMOUS, type Principal } from '../principal';

/** Where the trust middleware leaves the verified principal on the request. */
export const PRINCIPAL_PROPERTY = 'homeroomPrincipal';

export function principalOf(request: unknown): Principal {
  return (request as Record<string, Principal | undefined> | undefined)?.[PRINCIPAL_PROPERTY] ?? ANONYMOUS;
}
