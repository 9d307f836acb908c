/** How the directory's OpenID provider is set up; the app fills it from its validated config. */
export interface SignInSettings {
  /** The public issuer URL: the gateway's origin + /auth (http://localhost:4000/auth locally). */
  issuer: string;
  /** Where the portal may receive authorization codes. */
  portalRedirectUris: string[];
  /** Signs the provider's cookies; rotate by putting the new key first. */
  cookieKeys: string[];
  production: boolean;
  /**
   * Express's `trust proxy` for /auth: whose X-Forwarded-For to believe for the caller's address, which
   * the sign-in throttle counts failures by (the gateway names the caller it determined).
   */
  trustProxy: boolean | number | string;
  /** Failed sign-ins one client address may have before its attempts wait (many staff may share one). */
  failuresPerAddress: number;
}

export const SIGN_IN_SETTINGS = Symbol('SIGN_IN_SETTINGS');

/** The portal: a public client (no secret) that must use PKCE. */
export const PORTAL_CLIENT_ID = 'homeroom-portal';

/** The API as a resource server: access tokens for it are JWTs with this audience. */
export const API_RESOURCE = 'urn:homeroom:api';
export const API_AUDIENCE = 'homeroom-api';
