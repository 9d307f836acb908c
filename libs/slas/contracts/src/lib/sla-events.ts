import { z } from 'zod';
import { defineEventContract } from '@homeroom/platform/event-contracts';

/** Defined now, with the cases service as their first consumer; the slas service (issue 4/7) produces them. */
export const SLAS_TIMER_TOPIC = 'slas.timer.v1';

const TIMER_KIND = z.enum(['FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION']);
const CASE_ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const POLICY_ID = '6a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d';

/** A timer crossed its warning threshold (e.g. 75 % of its business time used). Keyed by case id. */
export const SlaWarning = defineEventContract({
  type: 'slas.SlaWarning',
  version: 1,
  topic: SLAS_TIMER_TOPIC,
  schema: z.object({
    caseId: z.uuid(),
    timerKind: TIMER_KIND,
    policyId: z.uuid(),
    dueAt: z.iso.datetime({ offset: true }),
    thresholdPercent: z.number().int().min(1).max(99),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    caseId: CASE_ID,
    timerKind: 'FIRST_RESPONSE' as const,
    policyId: POLICY_ID,
    dueAt: '2026-11-26T22:00:00.000Z',
    thresholdPercent: 75,
    at: '2026-11-26T20:00:00.000Z',
  },
});

/** A timer passed its deadline unmet. */
export const SlaBreached = defineEventContract({
  type: 'slas.SlaBreached',
  version: 1,
  topic: SLAS_TIMER_TOPIC,
  schema: z.object({
    caseId: z.uuid(),
    timerKind: TIMER_KIND,
    policyId: z.uuid(),
    dueAt: z.iso.datetime({ offset: true }),
    breachedAt: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    caseId: CASE_ID,
    timerKind: 'FIRST_RESPONSE' as const,
    policyId: POLICY_ID,
    dueAt: '2026-11-26T22:00:00.000Z',
    breachedAt: '2026-11-26T22:00:01.000Z',
  },
});
