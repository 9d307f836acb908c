import { createHash, randomBytes } from 'node:crypto';

/** The portal's registered redirect for local runs (the directory's PORTAL_REDIRECT_URIS default). */
export const PORTAL_REDIRECT_URI = 'http://localhost:4200/auth/callback';

/** A browser's cookies for one origin, as a sign-in flow needs them. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  remember(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=');
      this.cookies.set(name!.trim(), value ?? '');
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** GETs without following redirects; returns where it points next (or the page's path when it is one). */
  async follow(url: string): Promise<string> {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: this.header() } });
    this.remember(response);
    if (response.status === 200) return new URL(url).pathname;
    const location = response.headers.get('location');
    if (!location) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    return location;
  }
}

/**
 * The browser's part of the portal's sign-in, as a person does it: authorization code with PKCE, the
 * district's login page, the redirect back, and the code exchanged for tokens. Returns the token response
 * (`access_token`, `id_token`, `refresh_token`, …); throws with the step that failed.
 */
export async function signInThroughPortal(
  issuer: string,
  email: string,
  password: string,
  /** The portal's callback the directory knows (the chart's is `<portal URL>/auth/callback`). */
  { redirectUri = PORTAL_REDIRECT_URI }: { redirectUri?: string } = {},
): Promise<Record<string, string>> {
  const origin = new URL(issuer).origin;
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(8).toString('hex');
  const jar = new CookieJar();
  let location = await jar.follow(
    `${issuer}/auth?${new URLSearchParams({
      client_id: 'homeroom-portal',
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
    })}`,
  );
  if (!/\/auth\/interaction\//.test(location)) throw new Error(`expected the login page, got ${location}`);
  const uid = location.split('/').pop()!;
  const login = await fetch(new URL(`/auth/interaction/${uid}/login`, origin), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ email, password }),
  });
  jar.remember(login);
  if (login.status !== 303) throw new Error(`the login page answered ${login.status}`);
  location = login.headers.get('location')!;
  while (!location.startsWith(redirectUri)) location = await jar.follow(new URL(location, origin).toString());
  const callback = new URL(location);
  if (callback.searchParams.get('state') !== state) throw new Error('the state came back changed');
  const token = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code')!,
      redirect_uri: redirectUri,
      client_id: 'homeroom-portal',
      code_verifier: verifier,
    }),
  });
  if (token.status !== 200)
    throw new Error(`the token endpoint answered ${token.status}: ${await token.text()}`);
  return (await token.json()) as Record<string, string>;
}

/** A vendor's token by client credentials (HTTP Basic), or the issuer's error response. */
export async function clientCredentialsToken(
  issuer: string,
  clientId: string,
  secret: string,
  scope: string,
): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}
