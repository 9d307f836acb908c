import { z } from 'zod';
import { defineEventContract } from '@homeroom/platform/event-contracts';
import { DIRECTORY_TOPICS } from './topics';

/** A team's membership as routing needs it: who is in it and who is available now. */
export const TeamChanged = defineEventContract({
  type: 'directory.TeamChanged',
  version: 1,
  topic: DIRECTORY_TOPICS.team,
  schema: z.object({
    teamId: z.uuid(),
    name: z.string(),
    schoolId: z.uuid().nullable(),
    active: z.boolean(),
    members: z.array(z.object({ personId: z.uuid(), available: z.boolean() })),
  }),
  fixture: {
    teamId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    name: 'Front office',
    schoolId: '0b7e4b8e-6f0c-4d7e-9a59-2a3c3f1f0a11',
    active: true,
    members: [{ personId: '5d1f0f7e-3f77-4d7a-8f0e-0c2b8f7b4c21', available: true }],
  },
});
