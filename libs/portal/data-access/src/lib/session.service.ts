import { computed, inject, Injectable, signal } from '@angular/core';
import { PORTAL_CONFIG } from './portal-config';

const CLIENT_ID = 'homeroom-portal';
const STORAGE_KEY = 'homeroom.session';
const PENDING_KEY = 'homeroom.sign-in';
/** The longest leaving waits for what must be said first (a slow network never keeps anyone signed in). */
export const LEAVE_WAIT_MS = 2_000;

interface Tokens {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms. */
  expiresAt: number;
}

/**
 * Staff sign-in through the district's issuer (the gateway's /auth): authorization code with PKCE, as a
 * public client. Tokens stay in this tab's session storage, never in a cookie the API would accept on its
 * own; they are refreshed before they expire.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly config = inject(PORTAL_CONFIG);
  private readonly tokens = signal<Tokens | null>(readStored());
  private readonly beforeLeave: (() => Promise<unknown>)[] = [];

  readonly signedIn = computed(() => this.tokens() !== null);
  readonly claims = computed(() => {
    const token = this.tokens()?.accessToken;
    return token ? (JSON.parse(base64UrlDecode(token.split('.')[1] ?? '')) as Record<string, unknown>) : null;
  });

  /** The signed-in staff member's directory id. */
  readonly personId = computed(() => String(this.claims()?.['sub'] ?? ''));
  /** Their roles (DISTRICT_ADMIN, SCHOOL_ADMIN, AGENT, VIEWER); the API enforces them, the portal only adapts. */
  readonly roles = computed(() => {
    const roles = this.claims()?.['roles'];
    return Array.isArray(roles) ? roles.map(String) : [];
  });

  get redirectUri(): string {
    return `${location.origin}/auth/callback`;
  }

  /** A usable access token, refreshed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    const tokens = this.tokens();
    if (!tokens) return null;
    if (tokens.expiresAt - Date.now() > 30_000) return tokens.accessToken;
    if (!tokens.refreshToken) {
      // The issuer's own session is still open: the round trip brings the person straight back here.
      this.signOut();
      void this.signIn(location.pathname);
      return null;
    }
    const refreshed = await this.tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: tokens.refreshToken,
    });
    return refreshed?.accessToken ?? null;
  }

  async signIn(returnTo = location.pathname): Promise<void> {
    const verifier = randomString(48);
    const state = randomString(16);
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo }));
    const challenge = base64Url(
      new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
    );
    const query = new URLSearchParams({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: this.redirectUri,
      // No offline_access: refresh tokens need an explicit consent prompt; staff sign in again after 15 min.
      scope: 'openid email profile',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
    });
    location.assign(`${this.config.apiOrigin}/auth/auth?${query}`);
  }

  /** The issuer redirected back with a code: exchange it. Returns where the user was going. */
  async completeSignIn(url: URL): Promise<string> {
    const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as {
      verifier: string;
      state: string;
      returnTo: string;
    } | null;
    sessionStorage.removeItem(PENDING_KEY);
    const code = url.searchParams.get('code');
    if (!pending || !code || url.searchParams.get('state') !== pending.state)
      throw new Error(
        url.searchParams.get('error_description') ?? 'The sign-in did not complete; try again.',
      );
    const tokens = await this.tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.redirectUri,
      code_verifier: pending.verifier,
    });
    if (!tokens) throw new Error('The sign-in did not complete; try again.');
    return pending.returnTo || '/inbox';
  }

  signOut(): void {
    sessionStorage.removeItem(STORAGE_KEY);
    this.tokens.set(null);
  }

  /** Work to do while still signed in when the person leaves, such as saying they are away from chats. */
  beforeLeaving(work: () => Promise<unknown>): void {
    this.beforeLeave.push(work);
  }

  /**
   * Signs out from the staff workspace and leaves for the public pages (nothing staff-only stays on
   * screen), once what must be said first is said, or after LEAVE_WAIT_MS whatever became of it.
   */
  async leave(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled(this.beforeLeave.map((work) => work())),
      new Promise((resolve) => (timer = setTimeout(resolve, LEAVE_WAIT_MS))),
    ]);
    clearTimeout(timer);
    this.signOut();
    location.assign('/contact');
  }

  private async tokenRequest(parameters: Record<string, string>): Promise<Tokens | null> {
    const response = await fetch(`${this.config.apiOrigin}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: CLIENT_ID, ...parameters }),
    });
    if (!response.ok) {
      this.signOut();
      return null;
    }
    const body = (await response.json()) as {
      access_token: string;
      refresh_token?: string;
      expires_in: number;
    };
    const tokens: Tokens = {
      accessToken: body.access_token,
      ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
      expiresAt: Date.now() + body.expires_in * 1_000,
    };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    this.tokens.set(tokens);
    return tokens;
  }
}

function readStored(): Tokens | null {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Tokens | null;
  } catch {
    return null;
  }
}

function randomString(bytes: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function base64UrlDecode(text: string): string {
  const padded = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  return decodeURIComponent(
    [...atob(padded)].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
  );
}
