/**
 * Which people a caller may see: everyone (district administrators, API clients with directory scopes),
 * or the people of some schools plus community members (school staff). Computed from the principal by the
 * resolver layer, applied in every query here.
 */
export type PersonVisibility = { everyone: true } | { everyone: false; schoolIds: readonly string[] };

export const EVERYONE: PersonVisibility = { everyone: true };
