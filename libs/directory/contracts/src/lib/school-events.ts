import { z } from 'zod';
import { defineEventContract } from '@homeroom/platform/event-contracts';
import { DIRECTORY_TOPICS } from './topics';

const schoolSnapshot = z.object({
  schoolId: z.uuid(),
  name: z.string(),
  code: z.string(),
  timeZone: z.string(),
  active: z.boolean(),
});

const fixture = {
  schoolId: '0b7e4b8e-6f0c-4d7e-9a59-2a3c3f1f0a11',
  name: 'Lincoln Elementary',
  code: 'LIN',
  timeZone: 'America/Chicago',
  active: true,
};

export const SchoolCreated = defineEventContract({
  type: 'directory.SchoolCreated',
  version: 1,
  topic: DIRECTORY_TOPICS.school,
  schema: schoolSnapshot,
  fixture,
});

export const SchoolUpdated = defineEventContract({
  type: 'directory.SchoolUpdated',
  version: 1,
  topic: DIRECTORY_TOPICS.school,
  schema: schoolSnapshot,
  fixture,
});

export const SchoolDeactivated = defineEventContract({
  type: 'directory.SchoolDeactivated',
  version: 1,
  topic: DIRECTORY_TOPICS.school,
  schema: z.object({ schoolId: z.uuid() }),
  fixture: { schoolId: fixture.schoolId },
});
