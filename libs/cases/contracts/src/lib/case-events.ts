import { z } from 'zod';
import { defineEventContract } from '@homeroom/platform/event-contracts';

export const CASES_TOPIC = 'cases.case.v1';

/** The values the events carry; other services' rules (SLA policy conditions) are checked against them. */
export const CASE_CHANNELS = [
  'WEB_FORM',
  'EMAIL',
  'PHONE',
  'WALK_IN',
  'CHAT',
  'SMS',
  'SOCIAL',
  'STAFF',
] as const;
export const CASE_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;

const CHANNEL = z.enum(CASE_CHANNELS);
const PRIORITY = z.enum(CASE_PRIORITIES);
const STATUS = z.enum(['NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED']);

/** Who a known requester is, as the directory records them (the directory's person kinds). */
export const REQUESTER_KINDS = ['STUDENT', 'GUARDIAN', 'STAFF', 'COMMUNITY'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

const CASE_ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const SCHOOL_ID = '0b7e4b8e-6f0c-4d7e-9a59-2a3c3f1f0a11';

/**
 * What SLAs, surveys and insight need to know about a case, and nothing that identifies the requester
 * beyond their directory id: no names, addresses or message text travel on Kafka.
 */
export const CaseOpened = defineEventContract({
  type: 'cases.CaseOpened',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({
    caseId: z.uuid(),
    number: z.string(),
    channel: CHANNEL,
    priority: PRIORITY,
    topicId: z.uuid().nullable(),
    schoolId: z.uuid().nullable(),
    requesterId: z.uuid().nullable(),
    /** Null for anonymous and not-yet-known requesters; absent on events written before it was added. */
    requesterKind: z.enum(REQUESTER_KINDS).nullable().optional(),
    anonymous: z.boolean(),
    confidential: z.boolean(),
    language: z.string(),
    openedAt: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    caseId: CASE_ID,
    number: 'HR-2026-000042',
    channel: 'WEB_FORM' as const,
    priority: 'NORMAL' as const,
    topicId: null,
    schoolId: SCHOOL_ID,
    requesterId: null,
    requesterKind: null,
    anonymous: true,
    confidential: false,
    language: 'es',
    openedAt: '2026-11-26T15:00:00.000Z',
  },
});

/** A message on a case: the SLA clocks start and stop on these (internal notes count for nothing). */
export const CaseMessageAdded = defineEventContract({
  type: 'cases.CaseMessageAdded',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({
    caseId: z.uuid(),
    messageId: z.uuid(),
    direction: z.enum(['INBOUND', 'OUTBOUND', 'INTERNAL_NOTE']),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    caseId: CASE_ID,
    messageId: '9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
    direction: 'INBOUND' as const,
    at: '2026-11-26T15:00:00.000Z',
  },
});

export const CaseStatusChanged = defineEventContract({
  type: 'cases.CaseStatusChanged',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({ caseId: z.uuid(), from: STATUS, to: STATUS, at: z.iso.datetime({ offset: true }) }),
  fixture: { caseId: CASE_ID, from: 'OPEN' as const, to: 'PENDING' as const, at: '2026-11-26T16:00:00.000Z' },
});

/** Priority, topic, school or assignment changed: SLAs re-evaluate the policy, routing reports follow. */
export const CaseUpdated = defineEventContract({
  type: 'cases.CaseUpdated',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({
    caseId: z.uuid(),
    priority: PRIORITY,
    topicId: z.uuid().nullable(),
    schoolId: z.uuid().nullable(),
    assigneeId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    caseId: CASE_ID,
    priority: 'HIGH' as const,
    topicId: null,
    schoolId: SCHOOL_ID,
    assigneeId: null,
    teamId: null,
    at: '2026-11-26T16:00:00.000Z',
  },
});

/** Surveys send the satisfaction invitation on this; it names who to ask and what to ask about. */
export const CaseResolved = defineEventContract({
  type: 'cases.CaseResolved',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({
    caseId: z.uuid(),
    number: z.string(),
    requesterId: z.uuid().nullable(),
    anonymous: z.boolean(),
    confidential: z.boolean(),
    channel: CHANNEL,
    language: z.string(),
    schoolId: z.uuid().nullable(),
    topicId: z.uuid().nullable(),
    assigneeId: z.uuid().nullable(),
    resolvedAt: z.iso.datetime({ offset: true }),
    /**
     * What the satisfaction survey decides on, without the contact itself (which stays in cases): how the
     * requester can be reached, whether they are staff, whether this case duplicates another, whether the
     * agent resolved it without a survey. Absent on events written before it was added.
     */
    survey: z
      .object({
        reachableBy: z.array(z.enum(['EMAIL', 'SMS'])),
        requesterKind: z.enum(REQUESTER_KINDS).nullable(),
        duplicate: z.boolean(),
        optedOut: z.boolean(),
      })
      .optional(),
  }),
  fixture: {
    caseId: CASE_ID,
    number: 'HR-2026-000042',
    requesterId: null,
    anonymous: true,
    confidential: false,
    channel: 'WEB_FORM' as const,
    language: 'es',
    schoolId: SCHOOL_ID,
    topicId: null,
    assigneeId: null,
    resolvedAt: '2026-11-27T10:00:00.000Z',
  },
});

/** An SLA warning or breach escalated a case; the notification service tells the people named. */
export const CaseEscalated = defineEventContract({
  type: 'cases.CaseEscalated',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({
    caseId: z.uuid(),
    trigger: z.enum(['SLA_WARNING', 'SLA_BREACHED']),
    timerKind: z.enum(['FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION']),
    priority: PRIORITY,
    teamId: z.uuid().nullable(),
    notifyPersonIds: z.array(z.uuid()),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    caseId: CASE_ID,
    trigger: 'SLA_BREACHED' as const,
    timerKind: 'FIRST_RESPONSE' as const,
    priority: 'HIGH' as const,
    teamId: null,
    notifyPersonIds: [],
    at: '2026-11-26T22:00:02.000Z',
  },
});

/**
 * Staff answered a case with a reply template (its message is CaseMessageAdded): for usage reports and
 * coaching, with the language it was sent in; no text travels.
 */
export const TemplateUsed = defineEventContract({
  type: 'cases.TemplateUsed',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({
    caseId: z.uuid(),
    templateId: z.uuid(),
    messageId: z.uuid(),
    /** The template's team; null for a district-wide one. */
    teamId: z.uuid().nullable(),
    language: z.string(),
    schoolId: z.uuid().nullable(),
    actorId: z.uuid().nullable(),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    caseId: CASE_ID,
    templateId: '5d6c2e0a-1b2c-4d3e-8f4a-5b6c7d8e9f00',
    messageId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    teamId: null,
    language: 'es',
    schoolId: SCHOOL_ID,
    actorId: null,
    at: '2026-11-26T15:04:05.000Z',
  },
});

/** `mergedCaseId` was merged into `survivorCaseId`: everything that followed the merged case follows the survivor. */
export const CaseMerged = defineEventContract({
  type: 'cases.CaseMerged',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({
    mergedCaseId: z.uuid(),
    survivorCaseId: z.uuid(),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    mergedCaseId: '7a1c2e3d-4b5f-4a6e-9c8d-0e1f2a3b4c5d',
    survivorCaseId: CASE_ID,
    at: '2026-11-26T15:00:00.000Z',
  },
});

/**
 * A new case needs someone's attention now: it raised a safety concern (the school's administrators are
 * told) or matched an administrator's critical-alert category (its team is told). The notification
 * service delivers it; the reasons are category names and matched keywords, never the requester's words.
 */
export const CaseAlertRaised = defineEventContract({
  type: 'cases.CaseAlertRaised',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({
    caseId: z.uuid(),
    number: z.string(),
    kind: z.enum(['SAFETY_CONCERN', 'CRITICAL_KEYWORD']),
    categories: z.array(z.string()),
    schoolId: z.uuid().nullable(),
    /** Who is told: the category's team, or (for safety concerns) the school's administrators. */
    audience: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('TEAM'), teamId: z.uuid() }),
      z.object({ kind: z.literal('SCHOOL_ADMINISTRATORS'), schoolId: z.uuid() }),
      z.object({ kind: z.literal('DISTRICT_ADMINISTRATORS') }),
    ]),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    caseId: CASE_ID,
    number: 'HR-2026-000042',
    kind: 'SAFETY_CONCERN' as const,
    categories: ['WEAPON'],
    schoolId: SCHOOL_ID,
    audience: { kind: 'SCHOOL_ADMINISTRATORS' as const, schoolId: SCHOOL_ID },
    at: '2026-11-26T15:00:00.000Z',
  },
});

/**
 * A knowledge-base article's version went live in the help center: for a search index, a district's
 * website or a newsletter to pick up. Its texts are public, but travel only by the API, not here.
 */
export const ArticlePublished = defineEventContract({
  type: 'cases.ArticlePublished',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({
    articleId: z.uuid(),
    slug: z.string(),
    /** 1 for the first publication, then one more each time. */
    version: z.number().int().positive(),
    languages: z.array(z.string()),
    /** Null: district-wide. */
    schoolId: z.uuid().nullable(),
    categoryId: z.uuid().nullable(),
    topicId: z.uuid().nullable(),
    /** A directory person's id, or an API client's. */
    publishedBy: z.string(),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    articleId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    slug: 'snow-days-and-late-buses',
    version: 1,
    languages: ['en', 'es'],
    schoolId: null,
    categoryId: null,
    topicId: null,
    publishedBy: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
    at: '2026-12-07T15:04:05.000Z',
  },
});

/** A time-based automation acted on a case (its changes also raise their own events): for reports. */
export const AutomationApplied = defineEventContract({
  type: 'cases.AutomationApplied',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({
    caseId: z.uuid(),
    ruleId: z.uuid(),
    /** The kinds of the actions taken (REMIND_REQUESTER, RESOLVE, SET_PRIORITY, ASSIGN_TEAM, ADD_TAG). */
    actions: z.array(z.string()),
    schoolId: z.uuid().nullable(),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    caseId: CASE_ID,
    ruleId: '6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b',
    actions: ['RESOLVE'],
    schoolId: SCHOOL_ID,
    at: '2026-12-07T15:04:05.000Z',
  },
});

/** What a text message's keyword said about the number's consent to texts (CTIA's STOP / START). */
export const SMS_CONSENTS = ['OPTED_OUT', 'OPTED_IN'] as const;

/**
 * A number texted STOP (or START) to the district's number: the directory records it on the people with
 * that phone, so nothing else texts them (survey invitations). The number travels as its contact key
 * (`contactKey` of `@homeroom/directory/contracts`), never as itself.
 */
export const SmsConsentChanged = defineEventContract({
  type: 'cases.SmsConsentChanged',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({
    contactKey: z.string().min(1),
    consent: z.enum(SMS_CONSENTS),
    /** The word that said so, upper case (STOP, UNSUBSCRIBE, START, …). */
    keyword: z.string(),
    /** The provider's id of the text that said so. */
    providerMessageId: z.string(),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    contactKey: 'x5mKdKqA8Zc9Qm3WJr2r0yQ0u3dGm4YH9n2y3F3Jc1A',
    consent: 'OPTED_OUT' as const,
    keyword: 'STOP',
    providerMessageId: 'SM0123456789abcdef0123456789abcdef',
    at: '2026-12-07T15:04:05.000Z',
  },
});

/**
 * A message was machine-translated: a requester's into the staff's language, or a staff reply into the
 * requester's (the text sent is the translation). For reports of language access; the texts travel only by
 * the API.
 */
export const MessageTranslated = defineEventContract({
  type: 'cases.MessageTranslated',
  version: 1,
  topic: CASES_TOPIC,
  schema: z.object({
    caseId: z.uuid(),
    messageId: z.uuid(),
    /** BCP 47 primary tags. */
    from: z.string().nullable(),
    to: z.string(),
    /** DEEPL, GOOGLE, AZURE or LIBRETRANSLATE. */
    provider: z.string(),
    /** A staff member who reviewed it before it went, when one did (vital messages). */
    reviewedBy: z.string().nullable(),
    at: z.iso.datetime({ offset: true }),
  }),
  fixture: {
    caseId: CASE_ID,
    messageId: '9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
    from: 'vi',
    to: 'en',
    provider: 'LIBRETRANSLATE',
    reviewedBy: null,
    at: '2026-12-07T15:04:05.000Z',
  },
});
