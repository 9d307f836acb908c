import type { ApolloServerPlugin } from '@apollo/server';
import type { StaffGrant } from '@homeroom/platform/auth';
import type { GatewayContext } from './gateway-context';

/**
 * Before a staff member's mutation reaches a service, their grants are asked of the directory afresh and
 * replace the ones their token carries: a role taken away (or moved to another school) stops working at
 * the next change, not when the token expires. Reads keep the token's grants for its lifetime (15
 * minutes, docs/security.md): asking the directory for every read would double the work of the portal's
 * polling for a change that is rare.
 */
export function currentGrantsPlugin(
  currentGrants: (personId: string) => Promise<StaffGrant[]>,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const { principal } = contextValue;
          if (operation?.operation !== 'mutation' || principal.kind !== 'user') return;
          // A new principal, not a change to the one the token cache holds for the token's other requests.
          contextValue.principal = { ...principal, grants: await currentGrants(principal.subject) };
        },
      };
    },
  };
}
