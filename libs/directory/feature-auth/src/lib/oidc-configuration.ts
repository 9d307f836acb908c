import { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { staffAccess } from './staff-access';
import { API_SCOPES } from '@homeroom/directory/domain';
import type { PersonEntity, StaffRoleEntity } from '@homeroom/directory/data-access';
import { API_AUDIENCE, API_RESOURCE, PORTAL_CLIENT_ID, type SignInSettings } from './sign-in-settings';

export interface AccountDirectory {
  findStaff(personId: string): Promise<{ person: PersonEntity; roles: StaffRoleEntity[] } | null>;
}

/** Staff API scopes granted to the portal: staff act within their roles, not within scopes. */
const PORTAL_API_SCOPE = API_SCOPES.join(' ');

/**
 * The provider's configuration: authorization code with PKCE for the portal, client credentials for
 * vendors, JWT access tokens for the API carrying the staff member's roles and schools, no dev
 * interactions (our own login page), first-party consent granted without a prompt.
 */
export function oidcConfiguration(
  settings: SignInSettings,
  keys: Record<string, unknown>[],
  adapter: Configuration['adapter'],
  accounts: AccountDirectory,
): Configuration {
  return {
    adapter,
    clients: [
      {
        client_id: PORTAL_CLIENT_ID,
        client_name: 'Homeroom portal',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: settings.portalRedirectUris,
        post_logout_redirect_uris: settings.portalRedirectUris.map((uri) => new URL(uri).origin),
      },
    ],
    jwks: { keys: keys as never },
    // Our keys are ES256 (P-256); every token the provider signs uses them.
    clientDefaults: { id_token_signed_response_alg: 'ES256' },
    enabledJWA: { idTokenSigningAlgValues: ['ES256'], userinfoSigningAlgValues: ['ES256'] },
    cookies: { keys: settings.cookieKeys, long: { signed: true }, short: { signed: true } },
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'email', 'profile', ...API_SCOPES],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'locale'],
    },
    ttl: {
      AccessToken: 15 * 60,
      ClientCredentials: 60 * 60,
      AuthorizationCode: 60,
      IdToken: 15 * 60,
      Interaction: 15 * 60,
      Session: 12 * 60 * 60,
      Grant: 12 * 60 * 60,
      RefreshToken: 12 * 60 * 60,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => API_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource, client) => {
          // RFC 8707's answer (400), not a server error: the request named a resource we do not serve.
          if (resource !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            audience: API_AUDIENCE,
            // Clients get what they were granted; the portal's tokens carry roles instead (extraTokenClaims).
            scope: client.clientId === PORTAL_CLIENT_ID ? PORTAL_API_SCOPE : String(client.scope ?? ''),
            accessTokenFormat: 'jwt',
            accessTokenTTL: client.clientId === PORTAL_CLIENT_ID ? 15 * 60 : 60 * 60,
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/auth/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const staff = await accounts.findStaff(sub);
      if (!staff) return undefined;
      const { person } = staff;
      const email = person.emails.find((e) => e.primary)?.address;
      return {
        accountId: person.id,
        claims: async () => ({
          sub: person.id,
          ...(email ? { email, email_verified: true } : {}),
          name: `${person.preferredName ?? person.givenName} ${person.familyName}`,
          given_name: person.givenName,
          family_name: person.familyName,
          locale: person.preferredLanguage,
        }),
      };
    },
    extraTokenClaims: async (_ctx, token) => {
      if (!('accountId' in token) || !token.accountId) return undefined;
      const staff = await accounts.findStaff(String(token.accountId));
      if (!staff) return undefined;
      const access = staffAccess(staff.roles);
      return {
        roles: access.roles,
        school_ids: access.schoolIds,
        grants: access.grants.map(({ role, schoolId }) => ({ role, school_id: schoolId })),
      };
    },
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const client = ctx.oidc.client!;
      const session = ctx.oidc.session!;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (client.clientId !== PORTAL_CLIENT_ID) return undefined;
      // The portal is the district's own application: no consent screen.
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope('openid offline_access email profile');
      grant.addResourceScope(API_RESOURCE, PORTAL_API_SCOPE);
      await grant.save();
      return grant;
    },
    renderError: async (ctx, out) => {
      ctx.type = 'application/json';
      ctx.body = out;
    },
  } as Configuration;
}
