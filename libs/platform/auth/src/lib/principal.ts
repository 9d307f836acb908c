import { z } from 'zod';

export const STAFF_ROLES = ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT', 'VIEWER'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Who is calling, as the gateway verified it: a staff user, a vendor's API client, or nobody (public
 * operations). Subgraphs authorize against this and nothing the client sent directly.
 */
export const principalSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    subject: z.string().min(1),
    roles: z.array(z.enum(STAFF_ROLES)),
    /** Schools the user belongs to; a district-wide role sees every school. */
    schoolIds: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('client'),
    subject: z.string().min(1),
    scopes: z.array(z.string()),
  }),
  z.object({ kind: z.literal('anonymous') }),
]);

export type Principal = z.infer<typeof principalSchema>;
export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
export type ClientPrincipal = Extract<Principal, { kind: 'client' }>;

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });
