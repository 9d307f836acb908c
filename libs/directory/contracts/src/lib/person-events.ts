import { z } from 'zod';
import { defineEventContract } from '@homeroom/platform/event-contracts';
import { DIRECTORY_TOPICS } from './topics';

export const PERSON_KINDS = ['STUDENT', 'GUARDIAN', 'STAFF', 'COMMUNITY'] as const;

/**
 * What other services may keep about a person: ids and routing facts (kind, schools, language, preferred
 * channel). Names and contact details stay in the directory; the gateway joins them for reads.
 */
const personSnapshot = z.object({
  personId: z.uuid(),
  kind: z.enum(PERSON_KINDS),
  schoolIds: z.array(z.uuid()),
  preferredLanguage: z.string(),
  preferredChannel: z.enum(['EMAIL', 'SMS', 'PHONE', 'MAIL']).nullable(),
  active: z.boolean(),
  /**
   * contactKey() of each of the person's emails and phones. Added after version 1 shipped, so it defaults
   * to none: an older producer's events still parse.
   */
  contactKeys: z.array(z.string()).default([]),
});

const fixture = {
  personId: '5d1f0f7e-3f77-4d7a-8f0e-0c2b8f7b4c21',
  kind: 'GUARDIAN' as const,
  schoolIds: ['0b7e4b8e-6f0c-4d7e-9a59-2a3c3f1f0a11'],
  preferredLanguage: 'es',
  preferredChannel: 'SMS' as const,
  active: true,
  contactKeys: ['q0mYk1m5mJ8cM7b4QbqB9b0r8h2dX8pGZz3m6l9Yt1E'],
};

export const PersonCreated = defineEventContract({
  type: 'directory.PersonCreated',
  version: 1,
  topic: DIRECTORY_TOPICS.person,
  schema: personSnapshot,
  fixture,
});

export const PersonUpdated = defineEventContract({
  type: 'directory.PersonUpdated',
  version: 1,
  topic: DIRECTORY_TOPICS.person,
  schema: personSnapshot,
  fixture,
});

export const PersonDeactivated = defineEventContract({
  type: 'directory.PersonDeactivated',
  version: 1,
  topic: DIRECTORY_TOPICS.person,
  schema: z.object({ personId: z.uuid() }),
  fixture: { personId: fixture.personId },
});

/** `mergedId` no longer exists; everything that referred to it should now refer to `survivorId`. */
export const PeopleMerged = defineEventContract({
  type: 'directory.PeopleMerged',
  version: 1,
  topic: DIRECTORY_TOPICS.person,
  schema: z.object({ survivorId: z.uuid(), mergedId: z.uuid() }),
  fixture: { survivorId: fixture.personId, mergedId: '9a0c3e1d-2b4f-4c6e-8a1b-3c5d7e9f1a2b' },
});

export const StaffRolesChanged = defineEventContract({
  type: 'directory.StaffRolesChanged',
  version: 1,
  topic: DIRECTORY_TOPICS.person,
  schema: z.object({
    personId: z.uuid(),
    roles: z.array(
      z.object({
        role: z.enum(['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT', 'VIEWER']),
        schoolId: z.uuid().nullable(),
      }),
    ),
  }),
  fixture: { personId: fixture.personId, roles: [{ role: 'AGENT' as const, schoolId: null }] },
});

/**
 * The languages a staff member is a qualified translator for (ADR 32): the whole list as it is now, empty
 * when they are none. The cases service keeps it to decide who may review a vital message.
 */
export const TranslatorLanguagesChanged = defineEventContract({
  type: 'directory.TranslatorLanguagesChanged',
  version: 1,
  topic: DIRECTORY_TOPICS.person,
  schema: z.object({
    personId: z.uuid(),
    /** BCP 47 primary tags (es, vi). */
    languages: z.array(z.string().min(2)),
  }),
  fixture: { personId: fixture.personId, languages: ['es', 'vi'] },
});
