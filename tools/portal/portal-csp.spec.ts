import { CSP_NONCE_PLACEHOLDER, newCspNonce, portalContentSecurityPolicy, withCspNonce } from './portal-csp';

/** The policy as directive → its sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("the portal's content security policy", () => {
  it('runs only its own scripts, styles only its own and those carrying the nonce, and calls only itself and the gateway', () => {
    const policy = directives(portalContentSecurityPolicy('https://api.district.test/base/')('abc123=='));
    expect(policy).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'nonce-abc123=='"],
      'connect-src': ["'self'", 'https://api.district.test'],
      'img-src': ["'self'", 'https://api.district.test'],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    expect(Object.values(policy).flat()).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/unsafe|\*|^data:|^https?:$/)]),
    );
  });

  it('refuses a gateway address that is not a URL when the server starts, not at its first request', () => {
    expect(() => portalContentSecurityPolicy('api.district.test')).toThrow('Invalid URL');
  });

  it('puts a fresh nonce of 128 random bits in each response', () => {
    const nonces = new Set(Array.from({ length: 100 }, newCspNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    const html = `<hr-root ngCspNonce="${CSP_NONCE_PLACEHOLDER}"></hr-root><style nonce="${CSP_NONCE_PLACEHOLDER}">`;
    expect(withCspNonce(html, 'n0nce')).toBe('<hr-root ngCspNonce="n0nce"></hr-root><style nonce="n0nce">');
  });
});
