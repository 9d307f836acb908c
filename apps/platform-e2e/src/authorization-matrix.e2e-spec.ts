import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { clientCredentialsToken, signInThroughPortal } from '@homeroom/platform/testing';
import { apiClient, type Json } from './support/api-client';
import { startPlatform, type RunningPlatform } from './support/running-platform';

/**
 * The authorization matrix (docs/security.md): every root field and mutation of the public schema, asked
 * by every kind of caller about their own school, another school, a confidential case or the district,
 * through the gateway with real tokens. The schema is read from docs/api/schema.graphql, so a field
 * without a row fails the suite before anything runs.
 *
 * A row's expectations read left to right in the order of CALLERS. Outcomes:
 * - `ok`  answered without errors, and the target is in the answer
 * - `-`   answered without errors, and the target is not (null, left out of a list, empty)
 * - `NF`  NOT_FOUND: the target is answered as not existing
 * - `FB`  FORBIDDEN
 * - `UA`  UNAUTHENTICATED
 * - `go`  past authorization: answered, or refused for what was asked (a made-up id, an input the domain
 *         refuses, a feature the district has not turned on), never FORBIDDEN or UNAUTHENTICATED. Rows
 *         that would change district settings ask about things that do not exist, so that the matrix
 *         probes who may ask without changing what the other rows read.
 * An INTERNAL error or a document the schema refuses is never expected: it fails every cell it reaches.
 */
const CALLERS = ['anon', 'agentA', 'adminA', 'viewerA', 'dViewer', 'dAdmin', 'vRead', 'vWrite'] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'ok' | '-' | 'NF' | 'FB' | 'UA' | 'go' | 'ERR';

/** What each caller is: a school's staff hold their role at school A; district roles are granted without one. */
const CALLER_ROLES: Record<Caller, string> = {
  anon: 'nobody signed in (families too: their links are the targets of public rows)',
  agentA: 'AGENT at school A',
  adminA: 'SCHOOL_ADMIN at school A',
  viewerA: 'VIEWER at school A',
  dViewer: 'VIEWER, district-wide',
  dAdmin: 'DISTRICT_ADMIN',
  vRead: 'API client: directory:read cases:read slas:read surveys:read',
  vWrite: 'API client: every read and write scope',
};
const READ_SCOPES = 'directory:read cases:read slas:read surveys:read';
const ALL_SCOPES = `${READ_SCOPES} directory:write cases:write slas:write surveys:write`;
const STAFF_PASSWORD = 'a matrix of long passphrases';
const RANGE = { from: '2020-01-01T00:00:00Z', to: '2020-12-31T00:00:00Z' };

/** The demo district's objects each row asks about, made in beforeAll. */
interface Fixtures {
  schoolA: string;
  schoolB: string;
  teamA: string;
  teamB: string;
  agentA: string;
  staffB: string;
  studentA: string;
  studentB: string;
  guardianA: string;
  caseA: string;
  caseA2: string;
  caseB: string;
  confidentialA: string;
  trackingToken: string;
  surveyId: string;
  /** Draft knowledge articles of school A and of school B. */
  articleA: string;
  articleB: string;
}

type Variables = (fx: Fixtures) => Record<string, unknown>;
/** One target of a row: its variables, the outcomes per caller, and (optionally) whether it is in the answer. */
type Target = [variables: Variables, expected: string, shown?: (data: Json, fx: Fixtures) => boolean];
interface Row {
  field: string;
  document: string;
  targets: Record<string, Target>;
}

const none: Variables = () => ({});
const unknownId: Variables = () => ({ id: randomUUID() });
const hasEdge = (connection: Json, id: string) => connection.edges.some((edge: Json) => edge.node.id === id);
const phonesWithConsent = (person: Json) =>
  person.phones.length > 0 && person.phones.every((phone: Json) => typeof phone.textMessages === 'string');
/** A case seen with its messages, each with its translations (none in this platform: no provider). */
const messagesWithTranslations = (supportCase: Json) =>
  supportCase !== null &&
  supportCase.messages.length > 0 &&
  supportCase.messages.every((message: Json) => Array.isArray(message.translations));

/** Rows in the order they run: reads first, then writes; rotating the signing keys last of all. */
const ROWS: Row[] = [
  // ── Queries ──────────────────────────────────────────────────────────────────────────────────────────
  //                                                      anon agentA adminA viewerA dViewer dAdmin vRead vWrite
  {
    field: 'alertCategories',
    document: '{ alertCategories { id } }',
    targets: { district: [none, 'UA FB ok FB FB ok FB FB'] },
  },
  {
    field: 'apiClients',
    document: '{ apiClients { clientId } }',
    targets: { district: [none, 'UA FB FB FB FB ok FB FB'] },
  },
  {
    field: 'auditLog',
    document: '{ auditLog(first: 1) { totalCount } }',
    targets: { district: [none, 'UA FB FB FB FB ok FB FB'] },
  },
  {
    field: 'businessCalendars',
    document: '{ businessCalendars { id } }',
    targets: { district: [none, 'UA ok ok ok ok ok ok ok'] },
  },
  {
    field: 'case',
    document: 'query($id: ID) { case(id: $id) { id } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA ok ok ok ok ok ok ok'],
      other: [(fx) => ({ id: fx.caseB }), 'UA -  -  -  ok ok ok ok'],
      confidential: [(fx) => ({ id: fx.confidentialA }), 'UA -  -  -  -  ok -  -'],
    },
  },
  {
    field: 'caseMetrics',
    document:
      'query($range: DateRangeInput!, $school: ID) { caseMetrics(range: $range, schoolId: $school) { total } }',
    targets: {
      own: [(fx) => ({ range: RANGE, school: fx.schoolA }), 'UA ok ok ok ok ok ok ok'],
      other: [(fx) => ({ range: RANGE, school: fx.schoolB }), 'UA FB FB FB ok ok ok ok'],
      district: [() => ({ range: RANGE }), 'UA ok ok ok ok ok ok ok'],
    },
  },
  {
    field: 'caseSummary',
    document: 'query($id: ID!) { caseSummary(caseId: $id) }',
    targets: { own: [(fx) => ({ id: fx.caseA }), 'UA go go go go go FB FB'] },
  },
  {
    field: 'cases',
    document:
      'query($school: ID) { cases(first: 100, filter: { schoolId: $school }) { edges { node { id } } } }',
    targets: {
      own: [
        (fx) => ({ school: fx.schoolA }),
        'UA ok ok ok ok ok ok ok',
        (d, fx) => hasEdge(d.cases, fx.caseA),
      ],
      other: [
        (fx) => ({ school: fx.schoolB }),
        'UA -  -  -  ok ok ok ok',
        (d, fx) => hasEdge(d.cases, fx.caseB),
      ],
      confidential: [
        (fx) => ({ school: fx.schoolA }),
        'UA -  -  -  -  ok -  -',
        (d, fx) => hasEdge(d.cases, fx.confidentialA),
      ],
    },
  },
  {
    field: 'departments',
    document: '{ departments { id } }',
    targets: { district: [none, 'UA ok ok ok ok ok ok ok'] },
  },
  {
    field: 'district',
    document: '{ district { name } }',
    targets: { district: [none, 'ok ok ok ok ok ok ok ok'] },
  },
  {
    field: 'emergingIssues',
    document: '{ emergingIssues { topicId } }',
    targets: { district: [none, 'UA go go go go go go go'] },
  },
  {
    field: 'escalationPolicies',
    document: '{ escalationPolicies { trigger } }',
    targets: { district: [none, 'UA FB go FB FB go FB FB'] },
  },
  {
    field: 'nps',
    document: 'query($range: DateRangeInput!) { nps(range: $range) { count } }',
    targets: { district: [() => ({ range: RANGE }), 'UA FB FB FB ok ok ok ok'] },
  },
  {
    field: 'people',
    document:
      'query($school: ID) { people(first: 1, filter: { schoolId: $school, kind: STUDENT }) { totalCount } }',
    targets: {
      own: [(fx) => ({ school: fx.schoolA }), 'UA ok ok ok ok ok ok ok', (d) => d.people.totalCount > 0],
      other: [(fx) => ({ school: fx.schoolB }), 'UA -  -  -  ok ok ok ok', (d) => d.people.totalCount > 0],
    },
  },
  {
    field: 'person',
    document: 'query($id: ID!) { person(id: $id) { id } }',
    targets: {
      own: [(fx) => ({ id: fx.studentA }), 'UA ok ok ok ok ok ok ok'],
      other: [(fx) => ({ id: fx.studentB }), 'UA NF NF NF ok ok ok ok'],
    },
  },
  {
    // Reply templates serve those who reply: staff who act, and write-scoped API clients.
    field: 'replyTemplates',
    document: '{ replyTemplates(first: 1) { totalCount } }',
    targets: { district: [none, 'UA go go FB FB go FB go'] },
  },
  {
    field: 'renderReplyTemplate',
    document: 'query($id: ID!, $case: ID!) { renderReplyTemplate(templateId: $id, caseId: $case) { body } }',
    targets: {
      own: [(fx) => ({ id: randomUUID(), case: fx.caseA }), 'UA go go FB FB go FB go'],
      other: [(fx) => ({ id: randomUUID(), case: fx.caseB }), 'UA NF NF FB FB go FB go'],
    },
  },
  {
    // Staff read the knowledge base of their schools and the district's; integrations with cases:read all.
    field: 'knowledgeArticles',
    document: '{ knowledgeArticles(first: 100) { edges { node { id } } } }',
    targets: {
      own: [none, 'UA ok ok ok ok ok ok ok', (d, fx) => hasEdge(d.knowledgeArticles, fx.articleA)],
      other: [none, 'UA - - - ok ok ok ok', (d, fx) => hasEdge(d.knowledgeArticles, fx.articleB)],
    },
  },
  ...['knowledgeArticle', 'knowledgeArticleVersions'].map((field): Row => ({
    field,
    document: `query($id: ID!) { ${field}(id: $id) { __typename } }`,
    targets: {
      own: [(fx) => ({ id: fx.articleA }), 'UA ok ok ok ok ok ok ok'],
      other: [(fx) => ({ id: fx.articleB }), 'UA NF NF NF ok ok ok ok'],
    },
  })),
  {
    field: 'helpCenterDeflection',
    document: 'query($range: DateRangeInput!) { helpCenterDeflection(range: $range) { answered } }',
    targets: { district: [() => ({ range: RANGE }), 'UA ok ok ok ok ok ok ok'] },
  },
  // Coaching: everyone who serves families reads the standards; reviews are supervisors' and the agent's own.
  {
    field: 'coachingRubric',
    document: '{ coachingRubric { id } }',
    targets: { district: [none, 'UA ok ok ok ok ok ok ok'] },
  },
  {
    field: 'caseReviewSample',
    document: '{ caseReviewSample { id } }',
    targets: { district: [none, 'UA FB ok FB FB ok FB FB'] },
  },
  {
    field: 'caseReviews',
    document: '{ caseReviews { id } }',
    targets: { district: [none, 'UA ok ok FB FB ok FB FB'] },
  },
  // Every staff member reads their own reviews (none for those who handle no cases); no API client does.
  {
    field: 'myCoachingReviews',
    document: '{ myCoachingReviews { id } }',
    targets: { district: [none, 'UA ok ok ok ok ok FB FB'] },
  },
  {
    field: 'coachingTrends',
    document: 'query($range: DateRangeInput!) { coachingTrends(range: $range, by: SCHOOL) { reviews } }',
    targets: { district: [() => ({ range: RANGE }), 'UA FB ok FB FB ok FB FB'] },
  },
  // The help center is public: families read it without signing in.
  {
    field: 'helpCategories',
    document: '{ helpCategories(language: "es") { id name } }',
    targets: { district: [none, 'ok ok ok ok ok ok ok ok'] },
  },
  {
    field: 'helpArticles',
    document: '{ helpArticles(language: "es", search: "autobús") { id } }',
    targets: { district: [none, 'ok ok ok ok ok ok ok ok'] },
  },
  {
    field: 'helpArticle',
    document: 'query($slug: String!) { helpArticle(slug: $slug, language: "en") { id } }',
    targets: { unknown: [() => ({ slug: `no-such-${randomUUID()}` }), 'NF NF NF NF NF NF NF NF'] },
  },
  // The public pages' words as the district corrected them: read by the pages without signing in (ADR 33).
  {
    field: 'publicTextCorrections',
    document: '{ publicTextCorrections(language: "es") { key text } }',
    targets: { district: [none, 'ok ok ok ok ok ok ok ok'] },
  },
  // The chat widget asks, without signing in, whether the district is open and anyone is there (ADR 34).
  {
    field: 'businessHoursNow',
    document: 'query($school: ID) { businessHoursNow(schoolId: $school) { open opensAt } }',
    targets: { own: [(fx) => ({ school: fx.schoolA }), 'ok ok ok ok ok ok ok ok'] },
  },
  {
    field: 'chatAvailability',
    document: 'query($school: ID) { chatAvailability(schoolId: $school) { agentsAvailable } }',
    targets: { own: [(fx) => ({ school: fx.schoolA }), 'ok ok ok ok ok ok ok ok'] },
  },
  {
    // Presence is staff's own: staff who answer cases; an API client is refused past its scopes.
    field: 'myPresence',
    document: '{ myPresence { status } }',
    targets: { district: [none, 'UA ok ok FB FB ok FB FB'] },
  },
  {
    // A team's presence: staff of its school (or its members), district staff and API clients.
    field: 'teamPresence',
    document: 'query($team: ID!) { teamPresence(teamId: $team) { personId status } }',
    targets: {
      own: [(fx) => ({ team: fx.teamA }), 'UA ok ok ok ok ok ok ok'],
      other: [(fx) => ({ team: fx.teamB }), 'UA FB FB FB ok ok ok ok'],
    },
  },
  {
    field: 'suggestHelpArticles',
    document: '{ suggestHelpArticles(text: "The bus did not come this morning", language: "en") { id } }',
    targets: { district: [none, 'ok ok ok ok ok ok ok ok'] },
  },
  {
    field: 'routingRules',
    document: '{ routingRules { id } }',
    targets: { district: [none, 'UA FB go FB FB go FB FB'] },
  },
  {
    // Mail no school has seen yet: district administrators only, never API clients.
    field: 'quarantinedEmails',
    document: '{ quarantinedEmails(first: 1) { totalCount } }',
    targets: { district: [none, 'UA FB FB FB FB go FB FB'] },
  },
  // OneRoster import jobs carry the district's whole roster: district administrators only.
  {
    field: 'rosterImportJob',
    document: 'query($id: ID!) { rosterImportJob(id: $id) { id status } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'rosterImportJobs',
    document: '{ rosterImportJobs(first: 1) { id } }',
    targets: { district: [none, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'satisfaction',
    document:
      'query($range: DateRangeInput!, $school: ID) { satisfaction(range: $range, schoolId: $school) { responses } }',
    targets: {
      own: [(fx) => ({ range: RANGE, school: fx.schoolA }), 'UA FB ok ok ok ok ok ok'],
      other: [(fx) => ({ range: RANGE, school: fx.schoolB }), 'UA FB FB FB ok ok ok ok'],
      district: [() => ({ range: RANGE }), 'UA FB FB FB ok ok ok ok'],
    },
  },
  // Each school's months: whoever reads satisfaction figures, narrowed to their schools (in the surveys spec).
  {
    field: 'satisfactionTrends',
    document: 'query($range: DateRangeInput!) { satisfactionTrends(range: $range) { schoolId month } }',
    targets: { district: [() => ({ range: RANGE }), 'UA FB ok ok ok ok ok ok'] },
  },
  // Each agent's months: readers of satisfaction figures, over their schools' cases (in the surveys spec);
  // any staff member their own, over all their cases; an agent nobody else's (OWN_FIGURES_ONLY).
  {
    field: 'satisfactionAgentTrends',
    document:
      'query($range: DateRangeInput!, $agentId: ID) { satisfactionAgentTrends(range: $range, agentId: $agentId) { agentId month } }',
    targets: {
      district: [() => ({ range: RANGE }), 'UA FB ok ok ok ok ok ok'],
      own: [(fx) => ({ range: RANGE, agentId: fx.agentA }), 'UA ok ok ok ok ok ok ok'],
      other: [(fx) => ({ range: RANGE, agentId: fx.staffB }), 'UA FB ok ok ok ok ok ok'],
    },
  },
  {
    field: 'school',
    document: 'query($id: ID!) { school(id: $id) { id } }',
    targets: { other: [(fx) => ({ id: fx.schoolB }), 'ok ok ok ok ok ok ok ok'] },
  },
  {
    field: 'schools',
    document: '{ schools(first: 1) { totalCount } }',
    targets: { district: [none, 'ok ok ok ok ok ok ok ok'] },
  },
  {
    field: 'slaAttainment',
    document:
      'query($range: DateRangeInput!, $school: ID) { slaAttainment(range: $range, schoolId: $school) { cases } }',
    targets: {
      own: [(fx) => ({ range: RANGE, school: fx.schoolA }), 'UA FB ok ok ok ok ok ok'],
      other: [(fx) => ({ range: RANGE, school: fx.schoolB }), 'UA FB FB FB ok ok ok ok'],
      district: [() => ({ range: RANGE }), 'UA FB FB FB ok ok ok ok'],
    },
  },
  {
    field: 'slaPolicies',
    document: '{ slaPolicies { id } }',
    targets: { district: [none, 'UA ok ok ok ok ok ok ok'] },
  },
  {
    field: 'survey',
    document: 'query($id: ID!) { survey(id: $id) { id } }',
    targets: { district: [(fx) => ({ id: fx.surveyId }), 'UA FB ok ok ok ok ok ok'] },
  },
  {
    field: 'surveyByToken',
    document: 'query($token: String!) { surveyByToken(token: $token) { expiresAt } }',
    targets: { unknown: [() => ({ token: randomUUID() }), '-  -  -  -  -  -  -  -'] },
  },
  {
    field: 'surveys',
    document: '{ surveys(first: 1) { totalCount } }',
    targets: { district: [none, 'UA FB ok ok ok ok ok ok'] },
  },
  {
    field: 'teams',
    document: 'query($school: ID) { teams(schoolId: $school) { id } }',
    targets: { other: [(fx) => ({ school: fx.schoolB }), 'UA ok ok ok ok ok ok ok'] },
  },
  {
    field: 'topics',
    document: '{ topics { id } }',
    targets: { district: [none, 'ok ok ok ok ok ok ok ok'] },
  },
  {
    field: 'trackCase',
    document: 'query($token: String!) { trackCase(token: $token) { number } }',
    targets: {
      family: [(fx) => ({ token: fx.trackingToken }), 'ok ok ok ok ok ok ok ok'],
      unknown: [() => ({ token: randomUUID() }), '-  -  -  -  -  -  -  -'],
    },
  },
  {
    // Reviewing vital messages is acting on cases (ADR 32): the queue is empty for staff who translate none.
    field: 'messagesAwaitingReview',
    document: '{ messagesAwaitingReview(first: 10) { totalCount } }',
    targets: { district: [none, 'UA ok ok FB FB ok FB ok'] },
  },

  // ── Reads through relations ──────────────────────────────────────────────────────────────────────────
  {
    // An article's files (drafts' by signed links) go only with the article.
    field: 'knowledgeArticle.files',
    document: 'query($id: ID!) { knowledgeArticle(id: $id) { files { url } } }',
    targets: { other: [(fx) => ({ id: fx.articleB }), 'UA NF NF NF ok ok ok ok'] },
  },
  {
    field: 'person.students',
    document: 'query($id: ID!) { person(id: $id) { students { student { id } } } }',
    targets: {
      other: [
        (fx) => ({ id: fx.guardianA }),
        'UA -  -  -  ok ok ok ok',
        (d, fx) => d.person.students.some((link: Json) => link.student.id === fx.studentB),
      ],
    },
  },
  {
    field: 'person.guardians',
    document: 'query($id: ID!) { person(id: $id) { guardians { guardian { id } } } }',
    targets: {
      own: [
        (fx) => ({ id: fx.studentB }),
        'UA NF NF NF ok ok ok ok',
        (d, fx) => d.person.guardians.some((link: Json) => link.guardian.id === fx.guardianA),
      ],
    },
  },
  {
    field: 'person.household.members',
    document: 'query($id: ID!) { person(id: $id) { household { members { id } } } }',
    targets: {
      other: [
        (fx) => ({ id: fx.guardianA }),
        'UA -  -  -  ok ok ok ok',
        (d, fx) => d.person.household.members.some((member: Json) => member.id === fx.studentB),
      ],
    },
  },
  {
    // What a number texted (STOP, START) is seen with the phone: by whoever may see the person.
    field: 'person.phones.textMessages',
    document: 'query($id: ID!) { person(id: $id) { phones { number textMessages } } }',
    targets: {
      own: [(fx) => ({ id: fx.agentA }), 'UA ok ok ok ok ok ok ok', (d) => phonesWithConsent(d.person)],
      other: [(fx) => ({ id: fx.staffB }), 'UA NF NF NF ok ok ok ok', (d) => phonesWithConsent(d.person)],
    },
  },
  {
    field: 'teams.members',
    document: 'query($school: ID) { teams(schoolId: $school) { members { person { id } } } }',
    targets: {
      other: [
        (fx) => ({ school: fx.schoolB }),
        'UA -  -  -  ok ok ok ok',
        (d) => d.teams.some((team: Json) => team.members.length > 0),
      ],
    },
  },
  {
    field: 'school.principal',
    document: 'query($id: ID!) { school(id: $id) { principal { id } } }',
    targets: {
      own: [(fx) => ({ id: fx.schoolA }), 'UA ok ok ok ok ok ok ok', (d) => d.school.principal !== null],
      other: [(fx) => ({ id: fx.schoolB }), 'UA -  -  -  ok ok ok ok', (d) => d.school.principal !== null],
    },
  },
  {
    // A message's language and translations are read with the message: by whoever may read the case.
    field: 'case.messages.translations',
    document: 'query($id: ID) { case(id: $id) { messages { language translations { language text } } } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA ok ok ok ok ok ok ok', (d) => messagesWithTranslations(d.case)],
      other: [(fx) => ({ id: fx.caseB }), 'UA -  -  -  ok ok ok ok', (d) => messagesWithTranslations(d.case)],
    },
  },
  {
    // A case's chat is read with the case: by whoever may read it (the matrix's cases are not chats).
    field: 'case.chat',
    document: 'query($id: ID) { case(id: $id) { id chat { endedAt } } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA ok ok ok ok ok ok ok'],
      other: [(fx) => ({ id: fx.caseB }), 'UA -  -  -  ok ok ok ok'],
    },
  },
  {
    // A vital reply's review is read with the message: by whoever may read the case.
    field: 'case.messages.review',
    document: 'query($id: ID) { case(id: $id) { messages { review { status } } } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA ok ok ok ok ok ok ok'],
      other: [(fx) => ({ id: fx.caseB }), 'UA -  -  -  ok ok ok ok'],
    },
  },
  {
    // The languages a staff member translates are seen with the person: by whoever may see them.
    field: 'person.translatorLanguages',
    document: 'query($id: ID!) { person(id: $id) { translatorLanguages } }',
    targets: {
      own: [(fx) => ({ id: fx.agentA }), 'UA ok ok ok ok ok ok ok'],
      other: [(fx) => ({ id: fx.staffB }), 'UA NF NF NF ok ok ok ok'],
    },
  },
  {
    field: 'case.messages (internal notes)',
    document: 'query($id: ID) { case(id: $id) { messages { direction } } }',
    targets: {
      own: [
        (fx) => ({ id: fx.caseA }),
        'UA ok ok ok ok ok -  -',
        (d) => d.case.messages.some((m: Json) => m.direction === 'INTERNAL_NOTE'),
      ],
    },
  },

  // ── Mutations ────────────────────────────────────────────────────────────────────────────────────────
  //                                                      anon agentA adminA viewerA dViewer dAdmin vRead vWrite
  {
    field: 'addClosure',
    document:
      'mutation($id: ID!) { addClosure(calendarId: $id, closure: { date: "2020-01-02", kind: EMERGENCY, reason: "Matrix" }) { id } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'addInternalNote',
    document: 'mutation($id: ID!) { addInternalNote(caseId: $id, body: "Matrix note.") { id } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA ok ok FB FB ok FB ok'],
      other: [(fx) => ({ id: fx.caseB }), 'UA NF NF FB FB ok FB ok'],
      confidential: [(fx) => ({ id: fx.confidentialA }), 'UA NF NF FB FB ok FB NF'],
    },
  },
  {
    field: 'assignCase',
    document: 'mutation($id: ID!, $to: ID) { assignCase(caseId: $id, assigneeId: $to) { id } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA2, to: fx.agentA }), 'UA ok ok FB FB ok FB ok'],
      other: [(fx) => ({ id: fx.caseA2, to: fx.staffB }), 'UA FB FB FB FB ok FB ok'],
    },
  },
  {
    field: 'cancelScheduledSurveySend',
    document: 'mutation($id: ID!) { cancelScheduledSurveySend(id: $id) }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'confirmRequester',
    document: 'mutation($token: String!) { confirmRequester(token: $token) { caseNumber } }',
    targets: { unknown: [() => ({ token: randomUUID() }), 'NF NF NF NF NF NF NF NF'] },
  },
  {
    field: 'createApiClient',
    document: 'mutation { createApiClient(name: "Matrix", scopes: ["no:such-scope"]) { secret } }',
    targets: { district: [none, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'createCase',
    document:
      'mutation($school: ID) { createCase(input: { channel: PHONE, description: "Matrix call.", schoolId: $school, contact: { phone: "512-555-0102" } }) { id } }',
    targets: {
      own: [(fx) => ({ school: fx.schoolA }), 'UA ok ok FB FB ok FB ok'],
      other: [(fx) => ({ school: fx.schoolB }), 'UA FB FB FB FB ok FB ok'],
    },
  },
  {
    field: 'createDepartment',
    document: 'mutation { createDepartment(name: " ") { id } }',
    targets: { district: [none, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'createHousehold',
    document: 'mutation($id: ID!) { createHousehold(input: { name: "Matrix", memberIds: [$id] }) { id } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'createPerson',
    document:
      'mutation { createPerson(input: { kind: COMMUNITY, givenName: "Matrix", familyName: "Probe", preferredLanguage: "not a language tag" }) { id } }',
    targets: { district: [none, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'createRoutingRule',
    document:
      'mutation($id: ID!) { createRoutingRule(name: "Matrix", conditions: { keywords: ["matrix-never-matches"] }, actions: { teamId: $id }) { id } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  },
  ...['createReplyTemplate', 'updateReplyTemplate'].map((field): Row => ({
    // A team no one has (create) or a template no one has (update): who may ask, changing nothing.
    field,
    document: `mutation($id: ID!) { ${field}(${field === 'createReplyTemplate' ? '' : 'id: $id, '}input: { name: "Matrix", teamId: $id, translations: [{ language: "en", body: "Hello" }] }) { id } }`,
    targets: { district: [unknownId, 'UA FB go FB FB go FB FB'] },
  })),
  {
    field: 'archiveReplyTemplate',
    document: 'mutation($id: ID!) { archiveReplyTemplate(id: $id) { id } }',
    targets: { district: [unknownId, 'UA FB go FB FB go FB FB'] },
  },
  {
    // Each case is checked as its own mutation would be: one out of reach is refused in its result.
    field: 'bulkUpdateCases',
    document:
      'mutation($id: ID!) { bulkUpdateCases(caseIds: [$id], change: { addTags: ["matrix"] }) { results { ok } } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA ok ok FB FB ok FB ok', (d) => d.bulkUpdateCases.results[0].ok],
      other: [(fx) => ({ id: fx.caseB }), 'UA - - FB FB ok FB ok', (d) => d.bulkUpdateCases.results[0].ok],
    },
  },
  {
    field: 'undoBulkCaseAction',
    document: 'mutation($id: ID!) { undoBulkCaseAction(id: $id) { id } }',
    targets: { unknown: [unknownId, 'UA NF NF FB FB NF FB NF'] },
  },
  {
    field: 'bulkMergeCases',
    document: 'mutation($id: ID!) { bulkMergeCases(caseIds: [$id], intoCaseId: $id) { id } }',
    targets: { unknown: [unknownId, 'UA NF NF FB FB NF FB NF'] },
  },
  // Automations act on cases without anyone at the screen: the district's administrators keep them.
  {
    field: 'automationRules',
    document: '{ automationRules { id } }',
    targets: { district: [none, 'UA FB FB FB FB ok FB FB'] },
  },
  {
    field: 'previewAutomationRule',
    document: '{ previewAutomationRule(conditions: { statuses: [PENDING], idleBusinessDays: 3 }) { count } }',
    targets: { district: [none, 'UA FB FB FB FB ok FB FB'] },
  },
  ...['createAutomationRule', 'updateAutomationRule'].map((field): Row => ({
    // A rule that would loop: who may ask, changing nothing.
    field,
    document: `mutation${field === 'createAutomationRule' ? '' : '($id: ID!)'} { ${field}(${field === 'createAutomationRule' ? '' : 'id: $id, '}input: { name: "Matrix", conditions: { statuses: [PENDING], idleBusinessDays: 0 }, actions: [{ kind: ADD_TAG, tag: "matrix" }] }) { id } }`,
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  })),
  {
    field: 'updateCoachingRubric',
    document: 'mutation { updateCoachingRubric(criteria: []) { id } }',
    targets: { district: [none, 'UA FB FB FB FB go FB FB'] },
  },
  {
    // No scores: who may review which school's case, changing nothing.
    field: 'reviewCase',
    document: 'mutation($id: ID!) { reviewCase(caseId: $id, scores: []) { id } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA FB go FB FB go FB FB'],
      other: [(fx) => ({ id: fx.caseB }), 'UA FB NF FB FB go FB FB'],
    },
  },
  {
    // A category without the district's language: who may ask, changing nothing.
    field: 'createKnowledgeCategory',
    document: 'mutation { createKnowledgeCategory(names: []) { id } }',
    targets: { district: [none, 'UA FB FB FB FB go FB FB'] },
  },
  {
    // An article without the district's language: who may write where, changing nothing.
    field: 'createKnowledgeArticle',
    document:
      'mutation($s: ID) { createKnowledgeArticle(input: { schoolId: $s, translations: [{ language: "es", title: "Matriz", body: "Hola" }] }) { id } }',
    targets: {
      own: [(fx) => ({ s: fx.schoolA }), 'UA go go FB FB go FB go'],
      other: [(fx) => ({ s: fx.schoolB }), 'UA FB FB FB FB go FB go'],
    },
  },
  {
    field: 'updateKnowledgeArticle',
    document:
      'mutation($id: ID!) { updateKnowledgeArticle(id: $id, input: { translations: [{ language: "es", title: "Matriz", body: "Hola" }] }) { id } }',
    targets: {
      own: [(fx) => ({ id: fx.articleA }), 'UA go go FB FB go FB go'],
      other: [(fx) => ({ id: fx.articleB }), 'UA NF NF FB FB go FB go'],
    },
  },
  {
    // A file the attachment policy refuses: who may add to which article, keeping nothing.
    field: 'addKnowledgeArticleFile',
    document:
      'mutation($id: ID!) { addKnowledgeArticleFile(articleId: $id, file: { fileName: "matrix.exe", contentType: "application/octet-stream", contentBase64: "TVqQAAMAAAAEAAAA" }) { id } }',
    targets: {
      own: [(fx) => ({ id: fx.articleA }), 'UA go go FB FB go FB go'],
      other: [(fx) => ({ id: fx.articleB }), 'UA NF NF FB FB go FB go'],
    },
  },
  {
    // A made-up file of a real article: who may remove from which article, removing nothing.
    field: 'removeKnowledgeArticleFile',
    document: `mutation($id: ID!) { removeKnowledgeArticleFile(articleId: $id, fileId: "${randomUUID()}") }`,
    targets: {
      own: [(fx) => ({ id: fx.articleA }), 'UA go go FB FB go FB go'],
      other: [(fx) => ({ id: fx.articleB }), 'UA NF NF FB FB go FB go'],
    },
  },
  {
    field: 'submitKnowledgeArticle',
    document: 'mutation($id: ID!) { submitKnowledgeArticle(id: $id) { id } }',
    targets: { unknown: [unknownId, 'UA NF NF FB FB NF FB NF'] },
  },
  {
    // Publishing is a keeper's review: the school's administrators for its articles, the district's for all.
    field: 'publishKnowledgeArticle',
    document: 'mutation($id: ID!) { publishKnowledgeArticle(id: $id) { id } }',
    targets: {
      own: [(fx) => ({ id: fx.articleA }), 'UA FB go FB FB go FB FB'],
      other: [(fx) => ({ id: fx.articleB }), 'UA FB NF FB FB go FB FB'],
    },
  },
  {
    field: 'archiveKnowledgeArticle',
    document: 'mutation($id: ID!) { archiveKnowledgeArticle(id: $id) { id } }',
    targets: {
      own: [(fx) => ({ id: fx.articleA }), 'UA FB go FB FB go FB FB'],
      other: [(fx) => ({ id: fx.articleB }), 'UA FB NF FB FB go FB FB'],
    },
  },
  ...[
    'correctPublicText(language: "es", key: "matrixNoSuchKey", text: "Matriz") { key }',
    'resetPublicText(language: "es", key: "matrixNoSuchKey")',
  ].map((call): Row => ({
    // A string the pages do not have: who may correct the district's words, changing nothing.
    field: call.split('(')[0]!,
    document: `mutation { ${call} }`,
    targets: { district: [none, 'UA FB FB FB FB go FB FB'] },
  })),
  ...['rateHelpArticle(articleId: $id, helpful: true)', 'markHelpArticleAnswered(articleId: $id)'].map(
    (call): Row => ({
      field: call.split('(')[0]!,
      document: `mutation($id: ID!) { ${call} }`,
      targets: { unknown: [unknownId, 'NF NF NF NF NF NF NF NF'] },
    }),
  ),
  {
    field: 'createSchool',
    document:
      'mutation { createSchool(input: { code: "MATRIX", name: "Matrix", timeZone: "Not/AZone", type: ELEMENTARY }) { id } }',
    targets: { district: [none, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'createSurvey',
    document:
      'mutation { createSurvey(input: { name: "Matrix", defaultLanguage: "en", audiences: [STAFF], title: [], questions: [] }) { versionAction } }',
    targets: { district: [none, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'createTeam',
    document:
      'mutation($school: ID) { createTeam(input: { name: "Matrix team", schoolId: $school }) { id } }',
    targets: {
      own: [(fx) => ({ school: fx.schoolA }), 'UA FB ok FB FB ok FB ok'],
      other: [(fx) => ({ school: fx.schoolB }), 'UA FB FB FB FB ok FB ok'],
      district: [() => ({ school: null }), 'UA FB FB FB FB ok FB ok'],
    },
  },
  {
    field: 'createTopic',
    document: 'mutation($id: ID) { createTopic(name: "Matrix", parentId: $id) { id } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  },
  ...['deactivatePerson', 'deactivateSchool', 'deactivateTeam', 'reactivateSchool', 'reactivateTeam'].map(
    (field): Row => ({
      field,
      document: `mutation($id: ID!) { ${field}(id: $id) { id } }`,
      targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
    }),
  ),
  ...['deleteAlertCategory', 'deleteRoutingRule'].map((field): Row => ({
    field,
    document: `mutation($id: ID!) { ${field}(id: $id) }`,
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  })),
  {
    field: 'releaseQuarantinedEmail',
    document: 'mutation($id: ID!) { releaseQuarantinedEmail(id: $id) { caseNumber } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'discardQuarantinedEmail',
    document: 'mutation($id: ID!) { discardQuarantinedEmail(id: $id) { id } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  },
  ...['deleteBusinessCalendar', 'deleteSlaPolicy'].map((field): Row => ({
    field,
    document: `mutation($id: ID!) { ${field}(id: $id) }`,
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  })),
  {
    field: 'importOneRoster',
    document: 'mutation { importOneRoster(files: { manifest: "not a manifest" }) { seconds } }',
    targets: { district: [none, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'startRosterImport',
    document: 'mutation { startRosterImport { id } }',
    targets: { district: [none, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'addRosterImportFilePart',
    document:
      'mutation($id: ID!) { addRosterImportFilePart(jobId: $id, name: "users", part: 0, base64: "") { id } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  },
  ...['submitRosterImport', 'confirmRosterImport', 'cancelRosterImport'].map((field): Row => ({
    field,
    document: `mutation($id: ID!) { ${field}(jobId: $id) { id } }`,
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  })),
  {
    // No SIS is configured in the test stack: past authorization, refused FEATURE_DISABLED.
    field: 'startRosterSync',
    document: 'mutation { startRosterSync(dryRun: true) { id } }',
    targets: { district: [none, 'UA FB FB FB FB go FB FB'] },
  },
  ...['linkCases', 'unlinkCases'].map((field): Row => ({
    field,
    document: `mutation($id: ID!, $other: ID!) { ${field}(caseId: $id, otherCaseId: $other, kind: RELATED) { id } }`,
    targets: {
      own: [(fx) => ({ id: fx.caseA, other: fx.caseA2 }), 'UA go go FB FB go FB go'],
      // Linking needs both cases; a link already on your own case (shown there by id) you may remove.
      other: [
        (fx) => ({ id: fx.caseA, other: fx.caseB }),
        field === 'linkCases' ? 'UA NF NF FB FB go FB go' : 'UA go go FB FB go FB go',
      ],
    },
  })),
  {
    field: 'linkGuardian',
    document: 'mutation($id: ID!) { linkGuardian(input: { guardianId: $id, studentId: $id }) { type } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'mergeCases',
    document: 'mutation($id: ID!) { mergeCases(caseId: $id, intoCaseId: $id) { id } }',
    targets: { district: [unknownId, 'UA NF NF FB FB go FB go'] },
  },
  {
    field: 'mergePeople',
    document: 'mutation($id: ID!) { mergePeople(survivorId: $id, mergedId: $id) { id } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'moveRoutingRule',
    document: 'mutation($id: ID!) { moveRoutingRule(id: $id, position: 1) { id } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'openSurveyLink',
    document: 'mutation($id: ID!) { openSurveyLink(id: $id) }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'replyAsRequester',
    document: 'mutation($token: String!) { replyAsRequester(token: $token, body: "Any news?") { number } }',
    targets: {
      family: [(fx) => ({ token: fx.trackingToken }), 'ok ok ok ok ok ok ok ok'],
      unknown: [() => ({ token: randomUUID() }), 'go go go go go go go go'],
    },
  },
  {
    // Past authorization, EMAIL is refused (it has its own intake): the matrix opens no case here.
    field: 'receiveMessage',
    document:
      'mutation { receiveMessage(input: { channel: EMAIL, externalId: "matrix", from: { phone: "5125550100" }, body: "Matrix." }) { caseId } }',
    targets: { district: [none, 'UA FB FB FB FB go FB go'] },
  },
  {
    // No translation provider in this platform: past authorization it is FEATURE_DISABLED.
    field: 'replyTranslation',
    document: 'query($id: ID!) { replyTranslation(caseId: $id, body: "We are on it.") { text } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA go go FB FB go FB go'],
      other: [(fx) => ({ id: fx.caseB }), 'UA NF NF FB FB go FB go'],
    },
  },
  // Past authorization a made-up message is NOT_FOUND; who may review one is the cases suite's to prove
  // (apps/cases/src/vital-review.integration-spec.ts: translators, authors, other schools).
  ...['approveVitalMessage', 'returnVitalMessage'].map((field): Row => ({
    field,
    document: `mutation($id: ID!) { ${field}(messageId: $id${field === 'returnVitalMessage' ? ', reason: "Matrix"' : ''}) { id } }`,
    targets: { district: [unknownId, 'UA go go FB FB go FB go'] },
  })),
  {
    field: 'replyToCase',
    document: 'mutation($id: ID!) { replyToCase(caseId: $id, body: "We are on it.") { id } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA ok ok FB FB ok FB ok'],
      other: [(fx) => ({ id: fx.caseB }), 'UA NF NF FB FB ok FB ok'],
    },
  },
  ...['revokeApiClient', 'rotateApiClientSecret'].map((field): Row => ({
    field,
    document: `mutation { ${field}(clientId: "no-such-client") { __typename } }`,
    targets: { district: [none, 'UA FB FB FB FB go FB FB'] },
  })),
  {
    field: 'saveAlertCategory',
    document: 'mutation { saveAlertCategory(input: { name: " ", keywords: [] }) { id } }',
    targets: { district: [none, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'saveBusinessCalendar',
    document:
      'mutation { saveBusinessCalendar(input: { name: "Matrix", scope: DISTRICT, timeZone: "Not/AZone", openingHours: [] }) { id } }',
    targets: { district: [none, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'saveSlaPolicy',
    document: 'mutation($id: ID) { saveSlaPolicy(input: { id: $id, name: "Matrix", targets: {} }) { id } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'sendSurvey',
    document: 'mutation($id: ID!) { sendSurvey(id: $id, audience: {}) { __typename } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'setCaseStatus',
    document: 'mutation($id: ID!) { setCaseStatus(caseId: $id, status: OPEN) { id } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA go go FB FB go FB go'],
      other: [(fx) => ({ id: fx.caseB }), 'UA NF NF FB FB go FB go'],
    },
  },
  {
    field: 'setEscalationPolicy',
    document:
      'mutation($id: ID!) { setEscalationPolicy(trigger: SLA_WARNING, raisePriority: false, notifyPersonIds: [], reassignTeamId: $id) { trigger } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'setHouseholdMembers',
    document: 'mutation($id: ID!) { setHouseholdMembers(householdId: $id, personIds: [$id]) }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'setStaffPassword',
    document: 'mutation($id: ID!) { setStaffPassword(personId: $id, password: "a long matrix passphrase") }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'setStaffRoles',
    document: 'mutation($id: ID!) { setStaffRoles(personId: $id, roles: []) { role } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'setTranslatorLanguages',
    document: 'mutation($id: ID!) { setTranslatorLanguages(personId: $id, languages: []) }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'setSurveyStatus',
    document: 'mutation($id: ID!) { setSurveyStatus(id: $id, status: CLOSED) { id } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'setTeamMembers',
    document:
      'mutation($team: ID!, $member: ID!) { setTeamMembers(teamId: $team, members: [{ personId: $member, available: true }]) { id } }',
    targets: {
      own: [(fx) => ({ team: fx.teamA, member: fx.agentA }), 'UA FB ok FB FB ok FB ok'],
      other: [(fx) => ({ team: fx.teamB, member: fx.staffB }), 'UA FB FB FB FB ok FB ok'],
    },
  },
  {
    // The widget's first message: a chat at school A, open to anyone like the inquiry form.
    field: 'startChat',
    document:
      'mutation($school: ID) { startChat(input: { message: "Is the library open over the break?", schoolId: $school, language: "en" }) { caseNumber } }',
    targets: { own: [(fx) => ({ school: fx.schoolA }), 'ok ok ok ok ok ok ok ok'] },
  },
  {
    // The family leaves by its token; the matrix's family case is not a chat, and a made-up token no one's.
    field: 'endChat',
    document: 'mutation($token: String!) { endChat(token: $token) }',
    targets: {
      family: [(fx) => ({ token: fx.trackingToken }), 'NF NF NF NF NF NF NF NF'],
      unknown: [() => ({ token: randomUUID() }), 'NF NF NF NF NF NF NF NF'],
    },
  },
  {
    // Past authorization the matrix's cases have no chat (NOT_FOUND): who may end one is what is asked.
    field: 'endCaseChat',
    document: 'mutation($id: ID!) { endCaseChat(caseId: $id) }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA go go FB FB go FB go'],
      other: [(fx) => ({ id: fx.caseB }), 'UA NF NF FB FB go FB go'],
    },
  },
  {
    field: 'setMyPresence',
    document: 'mutation { setMyPresence(status: AWAY) { status } }',
    targets: { district: [none, 'UA ok ok FB FB ok FB FB'] },
  },
  {
    field: 'submitInquiry',
    document:
      'mutation($school: ID) { submitInquiry(input: { message: "Is there school on Monday?", schoolId: $school, anonymous: true }) { caseNumber } }',
    targets: { own: [(fx) => ({ school: fx.schoolA }), 'ok ok ok ok ok ok ok ok'] },
  },
  {
    field: 'submitSurveyResponse',
    document: 'mutation($token: String!) { submitSurveyResponse(token: $token, answers: []) { id } }',
    targets: { unknown: [() => ({ token: randomUUID() }), 'go go go go go go go go'] },
  },
  {
    field: 'suggestReply',
    document: 'mutation($id: ID!) { suggestReply(caseId: $id) }',
    targets: { own: [(fx) => ({ id: fx.caseA }), 'UA go go FB FB go FB FB'] },
  },
  {
    field: 'unlockStaffSignIn',
    document: 'mutation($id: ID!) { unlockStaffSignIn(personId: $id) }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB FB'] },
  },
  {
    field: 'unlinkGuardian',
    document: 'mutation($id: ID!) { unlinkGuardian(guardianId: $id, studentId: $id) }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  },
  ...['watchCase', 'unwatchCase'].map((field): Row => ({
    field,
    document: `mutation($id: ID!) { ${field}(caseId: $id) { id } }`,
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA ok ok FB FB ok FB FB'],
      other: [(fx) => ({ id: fx.caseB }), 'UA NF NF FB FB ok FB FB'],
    },
  })),
  {
    field: 'updateCase',
    document: 'mutation($id: ID!) { updateCase(caseId: $id, input: { priority: HIGH }) { id } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA ok ok FB FB ok FB ok'],
      other: [(fx) => ({ id: fx.caseB }), 'UA NF NF FB FB ok FB ok'],
    },
  },
  {
    field: 'updateCaseTags',
    document: 'mutation($id: ID!) { updateCaseTags(caseId: $id, add: ["matrix"]) { id } }',
    targets: {
      own: [(fx) => ({ id: fx.caseA }), 'UA ok ok FB FB ok FB ok'],
      other: [(fx) => ({ id: fx.caseB }), 'UA NF NF FB FB ok FB ok'],
    },
  },
  {
    field: 'updateDistrict',
    document:
      'mutation { updateDistrict(input: { name: "Riverside Unified", timeZone: "Not/AZone", languages: ["en"] }) { name } }',
    targets: { district: [none, 'UA FB FB FB FB go FB FB'] },
  },
  ...['updatePerson', 'updateSchool', 'updateTeam', 'updateRoutingRule'].map((field): Row => ({
    field,
    document: `mutation($id: ID!) { ${field}(id: $id, input: {}) { id } }`,
    targets: {
      district: [
        unknownId,
        field === 'updateRoutingRule' ? 'UA FB FB FB FB go FB FB' : 'UA FB FB FB FB go FB go',
      ],
    },
  })),
  {
    field: 'updateSurvey',
    document:
      'mutation($id: ID!) { updateSurvey(id: $id, input: { name: "Matrix", defaultLanguage: "en", audiences: [STAFF], title: [], questions: [] }) { versionAction } }',
    targets: { district: [unknownId, 'UA FB FB FB FB go FB go'] },
  },
  {
    field: 'rotateSigningKeys',
    document: 'mutation { rotateSigningKeys }',
    targets: { district: [none, 'UA FB FB FB FB ok FB FB'] },
  },
];

/** The public schema's root fields, as vendors see them. */
function publicRootFields(): string[] {
  const schema = buildSchema(readFileSync(join(workspaceRoot(), 'docs', 'api', 'schema.graphql'), 'utf8'));
  return [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) => Object.keys(type.getFields()));
}

describe('the authorization matrix table', () => {
  it('has a row for every root field and mutation of the public schema, and none for anything else', () => {
    const rooted = new Set(ROWS.map((row) => row.field.split('.')[0]!));
    const fields = publicRootFields();
    expect(fields.filter((field) => !rooted.has(field))).toEqual([]);
    expect([...rooted].filter((field) => !fields.includes(field))).toEqual([]);
    for (const row of ROWS)
      for (const [, expected] of Object.values(row.targets))
        expect([row.field, expected.trim().split(/\s+/).length]).toEqual([row.field, CALLERS.length]);
  });
});

describe('the authorization matrix', () => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof apiClient>;
  const tokens: Partial<Record<Caller, string>> = {};
  let fx: Fixtures;

  beforeAll(async () => {
    platform = await startPlatform({
      // The matrix asks a few thousand questions a minute; the limits themselves are tested elsewhere.
      gatewayOverrides: {
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
        RATE_LIMIT_CLIENT_PER_MINUTE: '1000000',
        RATE_LIMIT_USER_PER_MINUTE: '1000000',
      },
    });
    api = apiClient(platform.origin);
    await platform.settle(180_000);
    tokens.dAdmin = (await signInThroughPortal(platform.issuer, 'admin@homeroom.test', 'homeroom-demo'))[
      'access_token'
    ];
    fx = await makeFixtures();
    await platform.settle(120_000);
  }, 600_000);

  afterAll(() => platform?.stop(), 60_000);

  async function asAdmin(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
    const { body } = await api(query, variables, { token: tokens.dAdmin });
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  /** A staff member of the demo district, with these grants only, signed in as the portal does. */
  async function signedIn(
    personId: string,
    email: string,
    roles: { role: string; schoolId: string | null }[],
  ) {
    await asAdmin(
      'mutation($id: ID!, $roles: [StaffRoleInput!]!) { setStaffRoles(personId: $id, roles: $roles) { role } }',
      {
        id: personId,
        roles,
      },
    );
    await asAdmin('mutation($id: ID!, $p: String!) { setStaffPassword(personId: $id, password: $p) }', {
      id: personId,
      p: STAFF_PASSWORD,
    });
    return (await signInThroughPortal(platform.issuer, email, STAFF_PASSWORD))['access_token']!;
  }

  async function vendorToken(scope: string): Promise<string> {
    const { createApiClient } = await asAdmin(
      'mutation($scopes: [String!]!) { createApiClient(name: "Matrix vendor", scopes: $scopes) { client { clientId } secret } }',
      { scopes: scope.split(' ') },
    );
    const token = await clientCredentialsToken(
      platform.issuer,
      createApiClient.client.clientId,
      createApiClient.secret,
      scope,
    );
    expect(token.status).toBe(200);
    return token.body['access_token']!;
  }

  async function makeFixtures(): Promise<Fixtures> {
    const schools = (await asAdmin('{ schools(first: 3) { edges { node { id } } } }')).schools.edges.map(
      (edge: Json) => edge.node.id,
    );
    const [schoolA, schoolB, schoolC] = schools as [string, string, string];
    const staffOf = async (schoolId: string) =>
      (
        await asAdmin(
          'query($s: ID) { people(first: 100, filter: { kind: STAFF, schoolId: $s }) { edges { node { id emails { address } staffRoles { role } } } } }',
          { s: schoolId },
        )
      ).people.edges.map((edge: Json) => edge.node);
    const withRole = (people: Json[], role: string) =>
      people.find((person) => person.staffRoles.some((grant: Json) => grant.role === role));
    const [ofA, ofB, ofC] = await Promise.all([staffOf(schoolA), staffOf(schoolB), staffOf(schoolC)]);
    const agent = withRole(ofA, 'AGENT');
    const principal = withRole(ofA, 'SCHOOL_ADMIN');
    const viewer = withRole(ofA, 'VIEWER');
    const districtViewer = withRole(ofC, 'AGENT');
    tokens.agentA = await signedIn(agent.id, agent.emails[0].address, [{ role: 'AGENT', schoolId: schoolA }]);
    tokens.adminA = await signedIn(principal.id, principal.emails[0].address, [
      { role: 'SCHOOL_ADMIN', schoolId: schoolA },
    ]);
    tokens.viewerA = await signedIn(viewer.id, viewer.emails[0].address, [
      { role: 'VIEWER', schoolId: schoolA },
    ]);
    tokens.dViewer = await signedIn(districtViewer.id, districtViewer.emails[0].address, [
      { role: 'VIEWER', schoolId: null },
    ]);
    tokens.vRead = await vendorToken(READ_SCOPES);
    tokens.vWrite = await vendorToken(ALL_SCOPES);

    const teamOf = async (schoolId: string) =>
      (await asAdmin('query($s: ID) { teams(schoolId: $s) { id } }', { s: schoolId })).teams[0].id;
    const inquiry = async (schoolId: string) =>
      (
        await asAdmin(
          'mutation($s: ID) { submitInquiry(input: { message: "The bus was late again.", schoolId: $s, requester: { name: "Ana Ruiz", email: "ana.ruiz@family.test" } }) { caseNumber trackingToken } }',
          { s: schoolId },
        )
      ).submitInquiry;
    const caseId = async (number: string) =>
      (await asAdmin('query($n: String) { case(number: $n) { id } }', { n: number })).case.id;
    const first = await inquiry(schoolA);
    const caseA = await caseId(first.caseNumber);
    await asAdmin(
      'mutation($id: ID!) { addInternalNote(caseId: $id, body: "For staff: a custody matter.") { id } }',
      {
        id: caseA,
      },
    );
    const caseA2 = await caseId((await inquiry(schoolA)).caseNumber);
    const caseB = await caseId((await inquiry(schoolB)).caseNumber);
    const confidentialA = (
      await asAdmin(
        'mutation($s: ID) { createCase(input: { channel: PHONE, description: "A personnel matter.", schoolId: $s, confidential: true, contact: { phone: "512-555-0101" } }) { id } }',
        { s: schoolA },
      )
    ).createCase.id;

    const student = async (schoolId: string) =>
      (
        await asAdmin(
          'query($s: ID) { people(first: 1, filter: { kind: STUDENT, schoolId: $s }) { edges { node { id } } } }',
          {
            s: schoolId,
          },
        )
      ).people.edges[0].node.id;
    const studentA = await student(schoolA);
    const studentB = await student(schoolB);
    const guardianA = (
      await asAdmin(
        'mutation($s: ID!) { createPerson(input: { kind: GUARDIAN, givenName: "Lena", familyName: "Matrix", memberships: [{ schoolId: $s, role: GUARDIAN }] }) { id } }',
        { s: schoolA },
      )
    ).createPerson.id;
    await asAdmin(
      'mutation($g: ID!, $s: ID!) { linkGuardian(input: { guardianId: $g, studentId: $s, mayReceiveInformation: false }) { type } }',
      { g: guardianA, s: studentB },
    );
    await asAdmin(
      'mutation($ids: [ID!]!) { createHousehold(input: { name: "Matrix household", memberIds: $ids }) { id } }',
      {
        ids: [guardianA, studentB],
      },
    );
    const surveyId = (await asAdmin('{ surveys(first: 1) { edges { node { id } } } }')).surveys.edges[0].node
      .id;
    const article = async (schoolId: string) =>
      (
        await asAdmin(
          'mutation($s: ID) { createKnowledgeArticle(input: { schoolId: $s, translations: [{ language: "en", title: "Matrix bus stops", body: "<p>The bus stops at Oak Street.</p>" }] }) { id } }',
          { s: schoolId },
        )
      ).createKnowledgeArticle.id;
    return {
      schoolA,
      schoolB,
      teamA: await teamOf(schoolA),
      teamB: await teamOf(schoolB),
      agentA: agent.id,
      staffB: withRole(ofB, 'AGENT').id,
      studentA,
      studentB,
      guardianA,
      caseA,
      caseA2,
      caseB,
      confidentialA,
      trackingToken: first.trackingToken,
      surveyId,
      articleA: await article(schoolA),
      articleB: await article(schoolB),
    };
  }

  function outcomeOf(body: Json, shown: Target[2]): Outcome {
    const code = body.errors?.[0]?.extensions?.code;
    if (code === 'UNAUTHENTICATED') return 'UA';
    if (code === 'FORBIDDEN') return 'FB';
    if (code === 'NOT_FOUND') return 'NF';
    if (code === 'INTERNAL' || String(code).startsWith('GRAPHQL_')) return 'ERR';
    if (code) return 'go';
    if (shown) return shown(body.data, fx) ? 'ok' : '-';
    return Object.values(body.data ?? {})[0] === null ? '-' : 'ok';
  }

  /** `go` asks only that authorization let the caller through; the other outcomes must match exactly. */
  const matches = (actual: Outcome, wanted: string) =>
    wanted === 'go' ? !['UA', 'FB', 'ERR'].includes(actual) : actual === wanted;

  for (const row of ROWS) {
    for (const [target, [variables, expected, shown]] of Object.entries(row.targets)) {
      it(`${row.field} · ${target}: ${expected.replace(/\s+/g, ' ')}`, async () => {
        const want = expected.trim().split(/\s+/);
        const seen: string[] = [];
        for (const [i, caller] of CALLERS.entries()) {
          const { body } = await api(row.document, variables(fx), { token: tokens[caller] });
          const outcome = outcomeOf(body, shown);
          const error = body.errors?.[0];
          // A mismatch names the caller, what it is and what it was told, so the failing cell reads on its own.
          seen.push(
            matches(outcome, want[i]!)
              ? want[i]!
              : `${outcome}${error ? ` (${error.extensions?.code}: ${error.message})` : ''}`,
          );
        }
        expect(CALLERS.map((caller, i) => `${caller} (${CALLER_ROLES[caller]}): ${seen[i]}`)).toEqual(
          CALLERS.map((caller, i) => `${caller} (${CALLER_ROLES[caller]}): ${want[i]}`),
        );
      });
    }
  }

  // Last: it takes school A's agent's role away.
  it("stops a staff member's writes at once when their role is taken away; reads last as long as the token", async () => {
    const NOTE = 'mutation($id: ID!) { addInternalNote(caseId: $id, body: "Still here?") { id } }';
    const READ = 'query($id: ID) { case(id: $id) { id } }';
    const before = await api(NOTE, { id: fx.caseA }, { token: tokens.agentA });
    expect(before.body.errors).toBeUndefined();
    await asAdmin('mutation($id: ID!) { setStaffRoles(personId: $id, roles: []) { role } }', {
      id: fx.agentA,
    });

    const after = await api(NOTE, { id: fx.caseA }, { token: tokens.agentA });
    expect(after.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_ROLE' });
    expect((await api(READ, { id: fx.caseA }, { token: tokens.agentA })).body.data.case).toEqual({
      id: fx.caseA,
    });
  });
});
