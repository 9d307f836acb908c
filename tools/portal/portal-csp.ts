import { randomBytes } from 'node:crypto';

/**
 * What the built index.html carries (`<hr-root ngCspNonce="…">`, apps/portal/src/index.html) where each
 * response's nonce goes. Any server of the portal replaces it in index.html and in the policy, per response.
 */
export const CSP_NONCE_PLACEHOLDER = 'HOMEROOM_CSP_NONCE';

/** 128 random bits, fresh for each response: a nonce that is guessed or reused protects nothing. */
export function newCspNonce(): string {
  return randomBytes(16).toString('base64');
}

export function withCspNonce(html: string, nonce: string): string {
  return html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}

/**
 * The portal's Content-Security-Policy for the gateway it calls (`apiOrigin`, as `/config.json` names it;
 * a path on it is dropped, the policy names origins), as a function of each response's nonce. Images come
 * from the portal and the gateway; fonts and the like default to the portal's own origin; no `data:` URLs.
 */
export function portalContentSecurityPolicy(apiOrigin: string): (nonce: string) => string {
  const gateway = new URL(apiOrigin).origin;
  return (nonce) =>
    [
      "default-src 'self'",
      // The build's own bundles only: index.html has no inline script (critical-CSS inlining, which adds
      // one to load the stylesheet, is off in angular.json), and neither Angular (AOT) nor Apollo evals.
      "script-src 'self'",
      // The global stylesheet is a file; Angular writes each component's styles into a <style> element at
      // run time, and those carry this response's nonce (read from ngCspNonce), so no 'unsafe-inline'.
      `style-src 'self' 'nonce-${nonce}'`,
      // The gateway's /graphql and /auth/token. Sign-in and attachment downloads are navigations to it,
      // which this policy does not restrict.
      `connect-src 'self' ${gateway}`,
      // Help articles' images are the district's own files, served by the gateway (/attachments/articles);
      // other sites' images stay out of families' pages (no tracking pixels in an article).
      `img-src 'self' ${gateway}`,
      "object-src 'none'",
      "base-uri 'self'",
      // Every form is handled in script (ngSubmit) and none is ever sent by the browser: one that would be
      // (its handler failed) must not put what was typed, a password say, into a URL.
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; ');
}
