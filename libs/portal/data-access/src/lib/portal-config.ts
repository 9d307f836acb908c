import { InjectionToken } from '@angular/core';

/** Where the portal finds the platform, read at start from `/config.json` (one build serves every district). */
export interface PortalConfig {
  /** The gateway's public origin: `/graphql` and the sign-in under `/auth`. */
  apiOrigin: string;
}

export const PORTAL_CONFIG = new InjectionToken<PortalConfig>('PORTAL_CONFIG');

export async function loadPortalConfig(): Promise<PortalConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  const config = (await response.json()) as Partial<PortalConfig>;
  return { apiOrigin: (config.apiOrigin ?? 'http://localhost:4000').replace(/\/$/, '') };
}

/**
 * A link the API gave, made absolute on the gateway's origin: attachment downloads come as paths
 * (`/attachments/…`), which the portal's own origin would not serve.
 */
export function onApiOrigin(config: PortalConfig, link: string): string {
  return new URL(link, `${config.apiOrigin}/`).href;
}

/**
 * HTML the API gave (a help article's body, sanitized when it was saved), its `/attachments/…` paths made
 * absolute on the gateway's origin as `onApiOrigin` makes links: an article's own images and documents.
 * Sanitized markup always quotes attributes with double quotes; absolute addresses are left as they are.
 */
export function htmlOnApiOrigin(config: PortalConfig, html: string): string {
  return html.replace(
    /(\s(?:src|href)=")(\/attachments\/)/g,
    (_match, attribute: string, path: string) => `${attribute}${config.apiOrigin}${path}`,
  );
}
