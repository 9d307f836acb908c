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
