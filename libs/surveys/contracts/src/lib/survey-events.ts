import { z } from 'zod';
import { defineEventContract } from '@homeroom/platform/event-contracts';
import { SAFETY_CATEGORIES } from '@homeroom/shared/safety';

export const SURVEYS_RESPONSE_TOPIC = 'surveys.response.v1';
export const SURVEYS_INVITATION_TOPIC = 'surveys.invitation.v1';

/**
 * An invitation (or its reminder) is ready to go. Surveys writes the words; the service that holds the
 * recipient's address sends them: cases for a case's requester (`caseId`), so no address travels on Kafka.
 * The message carries the one-time link; only the link's hash is stored anywhere.
 */
export const SurveyInvitationIssued = defineEventContract({
  type: 'surveys.SurveyInvitationIssued',
  version: 1,
  topic: SURVEYS_INVITATION_TOPIC,
  schema: z.object({
    invitationId: z.uuid(),
    surveyId: z.uuid(),
    caseId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
    channel: z.enum(['EMAIL', 'SMS']),
    language: z.string().min(2).max(35),
    reminder: z.boolean(),
    subject: z.string().min(1).max(200),
    /** The whole message, link included: plain text for email, short for SMS. */
    body: z.string().min(1).max(4_000),
    link: z.url(),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    invitationId: '4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b',
    surveyId: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
    caseId: '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b',
    personId: null,
    channel: 'EMAIL' as const,
    language: 'es',
    reminder: false,
    subject: '¿Cómo le fue? Caso HR-2026-000042',
    body: 'Díganos cómo se sintió después de esta conversación: http://localhost:4200/s/abc',
    link: 'http://localhost:4200/s/abc',
    expiresAt: '2026-12-11T10:00:00.000Z',
  },
});

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

/**
 * A survey comment that signals danger (self-harm, violence, a weapon, abuse, by the same detector the cases
 * service screens contacts with). The cases service opens an URGENT case with it. Unlike other events this
 * one carries the respondent's words: a comment that must be acted on becomes a case, and a case holds
 * what was said.
 */
export const SurveySafetyConcernRaised = defineEventContract({
  type: 'surveys.SafetyConcernRaised',
  version: 1,
  topic: SURVEYS_RESPONSE_TOPIC,
  schema: z.object({
    responseId: z.uuid(),
    surveyId: z.uuid(),
    /** The case the survey asked about; null for a district survey. */
    caseId: z.uuid().nullable(),
    schoolId: z.uuid().nullable(),
    language: z.string().min(2).max(35),
    categories: z.array(z.enum(SAFETY_CATEGORIES)).min(1),
    comment: z.string().min(1).max(10_000),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    responseId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    surveyId: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
    caseId: '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b',
    schoolId: '0b7e4b8e-6f0c-4d7e-9a59-2a3c3f1f0a11',
    language: 'en',
    categories: ['WEAPON' as const],
    comment: 'A boy on the bus said he has a knife in his backpack.',
    at: '2026-11-28T09:00:00.000Z',
  },
});
