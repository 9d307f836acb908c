import { z } from 'zod';
import { defineEventContract } from '@homeroom/platform/event-contracts';

export const SURVEYS_RESPONSE_TOPIC = 'surveys.response.v1';

/**
 * A satisfaction score at or below the district's threshold. The cases service opens a follow-up for the
 * school (closed-loop feedback). No comment text travels: staff read it in the survey results.
 */
export const LowSatisfactionReported = defineEventContract({
  type: 'surveys.LowSatisfactionReported',
  version: 1,
  topic: SURVEYS_RESPONSE_TOPIC,
  schema: z.object({
    responseId: z.uuid(),
    surveyId: z.uuid(),
    caseId: z.uuid(),
    score: z.number().int().min(1).max(10),
    threshold: z.number().int().min(1).max(10),
    hasComment: z.boolean(),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    responseId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    surveyId: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
    caseId: '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b',
    score: 3,
    threshold: 4,
    hasComment: true,
    at: '2026-11-28T09:00:00.000Z',
  },
});
