import type {
  ArticleReach,
  CaseActor,
  CaseEntity,
  CaseQueryService,
  CaseVisibility,
  KnowledgeArticleEntity,
  KnowledgeBaseService,
  ReplyTemplateEntity,
  ReplyTemplateService,
  TemplateReach,
} from '@homeroom/cases/data-access';
import { ForbiddenException, NotFoundException } from '@homeroom/shared/errors';
import {
  canSeeSchoolFigures,
  hasScopes,
  holdsRoleAt,
  isDistrictAdmin,
  reachOf,
  STAFF_ROLES,
  type FieldAccess,
  type Principal,
  type StaffRole,
} from '@homeroom/platform/auth';

export const CASE_SCOPES = {
  read: 'cases:read',
  write: 'cases:write',
  /** Internal notes and their attachments: staff only, unless a district grants an integration this. */
  internalNotes: 'cases:internal-notes:read',
} as const;

/** Staff roles that act on cases (viewers only read). */
export const STAFF_WHO_ACT = [
  'DISTRICT_ADMIN',
  'SCHOOL_ADMIN',
  'AGENT',
] as const satisfies readonly StaffRole[];

/**
 * Which cases a caller sees (`read`) or may change (`act`): district administrators every case,
 * confidential ones included; other staff the cases of the schools where they hold a role for it (every
 * school for a district-wide grant) except confidential ones, and any case they are named on; API clients
 * every case but confidential ones.
 */
export function caseVisibility(principal: Principal, purpose: 'read' | 'act' = 'read'): CaseVisibility {
  if (principal.kind === 'client') return { scope: 'all', confidential: false };
  if (principal.kind !== 'user') throw new ForbiddenException();
  if (isDistrictAdmin(principal)) return { scope: 'all', confidential: true };
  const reach = reachOf(principal, purpose === 'act' ? STAFF_WHO_ACT : STAFF_ROLES);
  if (reach.district) return { scope: 'all', confidential: false, userId: principal.subject };
  return { scope: 'schools', schoolIds: reach.schoolIds, userId: principal.subject };
}

/** Whether the caller may read internal notes: staff, and integrations granted the scope for it. */
export function seesInternalNotes(principal: Principal): boolean {
  return principal.kind === 'user' || hasScopes(principal, [CASE_SCOPES.internalNotes]);
}

/**
 * Putting a case at a school (creating it there, moving it there, handing it to that school's team or
 * staff): staff must act at that school, or district-wide; integrations are held to their scopes alone.
 * Handing a case to the district (no school) is open to every staff member who may act on it.
 */
export function assertMayActAt(principal: Principal, schoolId: string | null | undefined): void {
  if (principal.kind === 'client' || !schoolId) return;
  if (!holdsRoleAt(principal, STAFF_WHO_ACT, schoolId))
    throw new ForbiddenException('You may not act for this school', 'OUTSIDE_YOUR_SCHOOLS');
}

/** A school's figures are for its staff and district roles; each caller sees their own schools' (ADR 17). */
export function assertMaySeeFigures(principal: Principal, schoolId: string | null): void {
  if (schoolId && !canSeeSchoolFigures(principal, schoolId))
    throw new ForbiddenException('You may see the figures of your own schools only', 'OUTSIDE_YOUR_SCHOOLS');
}

export function actorOf(principal: Principal): CaseActor {
  if (principal.kind === 'user') return { kind: 'STAFF', id: principal.subject };
  if (principal.kind === 'client') return { kind: 'CLIENT', id: principal.subject };
  return { kind: 'REQUESTER', id: null };
}

/**
 * Acting on a case you cannot act on is answered as if it did not exist when you cannot see it either:
 * nothing leaks about it. One you may read but not change (a viewer's school) is FORBIDDEN. Returns the case.
 */
export async function assertCaseActionable(
  query: CaseQueryService,
  caseId: string,
  principal: Principal,
): Promise<CaseEntity> {
  const actionable = await query.findVisible({ id: caseId }, caseVisibility(principal, 'act'));
  if (actionable) return actionable;
  if (await query.findVisible({ id: caseId }, caseVisibility(principal))) throw new ForbiddenException();
  throw new NotFoundException('Case');
}

/**
 * Handing a case to a member of staff: one the directory knows, and (but for district staff and
 * integrations) one who works at a school where the caller acts.
 */
export async function assertMayHandTo(
  query: CaseQueryService,
  assigneeId: string,
  principal: Principal,
): Promise<void> {
  const schools = await query.knownPersonSchools(assigneeId);
  if (!schools) throw new NotFoundException('Person');
  const reach = reachOf(principal, STAFF_WHO_ACT);
  if (!reach.district && !schools.some((id) => reach.schoolIds.includes(id)))
    throw new ForbiddenException('You may not hand cases to staff of other schools', 'OUTSIDE_YOUR_SCHOOLS');
}

/** Acting on cases: staff who act (caseVisibility narrows to their cases), and write-scoped API clients. */
export const CASE_WRITE: FieldAccess = { roles: STAFF_WHO_ACT, scopes: [CASE_SCOPES.write] };

/** Reading cases and their figures: every staff role, and read-scoped API clients. */
export const CASE_READ: FieldAccess = {
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT', 'VIEWER'],
  scopes: [CASE_SCOPES.read],
};

/**
 * The reply templates a caller uses: district administrators and integrations every team's; other staff
 * the district-wide ones, their own teams' and those of the teams at the schools they administer.
 */
export async function templateReach(
  principal: Principal,
  templates: ReplyTemplateService,
): Promise<TemplateReach> {
  if (principal.kind === 'client' || isDistrictAdmin(principal)) return { teams: 'all' };
  if (principal.kind !== 'user') throw new ForbiddenException();
  const administered = reachOf(principal, ['SCHOOL_ADMIN']);
  return templates.reachOf(principal.subject, administered.district ? 'all' : administered.schoolIds);
}

/**
 * Keeping a template: district-wide ones and a district department's are the district administrators'; a
 * school's team's, also its school administrators'. An unknown team is NOT_FOUND.
 */
export async function assertMayKeepTemplates(
  principal: Principal,
  teamId: string | null,
  templates: ReplyTemplateService,
): Promise<void> {
  const schoolId = teamId ? await templates.schoolOfTeam(teamId) : null;
  if (schoolId === undefined) throw new NotFoundException('Team');
  if (isDistrictAdmin(principal)) return;
  if (schoolId && holdsRoleAt(principal, ['SCHOOL_ADMIN'], schoolId)) return;
  throw new ForbiddenException(
    teamId
      ? "Only the district's or this school's administrators keep this team's templates"
      : "Only the district's administrators keep district-wide templates",
    'TEMPLATE_KEEPERS_ONLY',
  );
}

/** A template the caller may use, by id; out of reach or unknown, NOT_FOUND (nothing leaks about it). */
export async function templateInReach(
  templates: ReplyTemplateService,
  id: string,
  principal: Principal,
): Promise<ReplyTemplateEntity> {
  const template = await templates.find(id, await templateReach(principal, templates));
  if (!template) throw new NotFoundException('Reply template');
  return template;
}

/** The knowledge articles staff see: every school's for district roles and integrations, else their schools'. */
export function articleReach(principal: Principal): ArticleReach {
  const visibility = caseVisibility(principal);
  return visibility.scope === 'all' ? { schools: 'all' } : { schools: visibility.schoolIds };
}

/** An article the caller may see, by id; out of reach or unknown, NOT_FOUND (nothing leaks about it). */
export async function articleInReach(
  knowledge: KnowledgeBaseService,
  id: string,
  principal: Principal,
): Promise<KnowledgeArticleEntity> {
  const article = await knowledge.find(id, articleReach(principal));
  if (!article) throw new NotFoundException('Article');
  return article;
}

/**
 * Writing an article: a school's by staff who act at that school, a district-wide one by staff who act
 * district-wide; write-scoped integrations either.
 */
export function assertMayWriteArticle(principal: Principal, schoolId: string | null): void {
  if (principal.kind === 'client') return;
  if (schoolId ? holdsRoleAt(principal, STAFF_WHO_ACT, schoolId) : reachOf(principal, STAFF_WHO_ACT).district)
    return;
  throw new ForbiddenException(
    schoolId
      ? 'You may write the articles of your own schools only'
      : 'District-wide articles are written by district staff',
    'OUTSIDE_YOUR_SCHOOLS',
  );
}

/**
 * Publishing (and archiving) an article is a keeper's review: the district's administrators for every
 * article, a school's administrators for the school's.
 */
export function assertMayPublishArticle(principal: Principal, schoolId: string | null): void {
  if (isDistrictAdmin(principal)) return;
  if (schoolId && holdsRoleAt(principal, ['SCHOOL_ADMIN'], schoolId)) return;
  throw new ForbiddenException(
    schoolId
      ? "Only the district's or this school's administrators publish this school's articles"
      : "Only the district's administrators publish district-wide articles",
    'ARTICLE_KEEPERS_ONLY',
  );
}
