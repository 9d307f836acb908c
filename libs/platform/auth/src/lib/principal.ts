import { z } from 'zod';

export const STAFF_ROLES = ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT', 'VIEWER'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * One role held at one school, or district-wide (`schoolId` null). A role reaches only the school its
 * grant names: an agent of school A who is also a viewer of school B may act on A's cases and only read
 * B's. District administrators hold their role district-wide (the directory refuses it with a school).
 */
export const staffGrantSchema = z.object({
  role: z.enum(STAFF_ROLES),
  schoolId: z.string().min(1).nullable(),
});
export type StaffGrant = z.infer<typeof staffGrantSchema>;

/**
 * Who is calling, as the gateway verified it: a staff user with their grants, a vendor's API client with
 * its scopes, or nobody (public operations). Subgraphs authorize against this and nothing the client sent
 * directly.
 */
export const principalSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    subject: z.string().min(1),
    grants: z.array(staffGrantSchema),
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

/** A staff principal from its grants: `staffPrincipal(id, { role: 'AGENT', schoolId })`. */
export function staffPrincipal(subject: string, ...grants: StaffGrant[]): UserPrincipal {
  return { kind: 'user', subject, grants };
}
