import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AlertService, CaseQueryService, CaseRelationsService } from '@homeroom/cases/data-access';
import type { LinkKind } from '@homeroom/cases/domain';
import { InvalidInputException } from '@homeroom/shared/errors';
import { CurrentPrincipal, hasAnyRole, Roles, Scopes, type Principal, Allow } from '@homeroom/platform/auth';
import { actorOf, assertCaseActionable, CASE_SCOPES, STAFF_WHO_ACT, CASE_WRITE } from '../access';
import { CasesLoaders } from '../case-loaders';
import { toCase } from '../mappers';
import { Case } from '../types/case.type';
import { PersonReference } from '../types/references.type';
import { AlertCategory, AlertCategoryInput, CaseLink, LinkKindEnum } from '../types/relations.type';

/** Tags, watchers, links and merges on cases; and the critical-alert categories administrators keep. */
@Resolver(() => Case)
export class CaseRelationsResolver {
  constructor(
    private readonly relations: CaseRelationsService,
    private readonly query: CaseQueryService,
    private readonly loaders: CasesLoaders,
    private readonly alerts: AlertService,
  ) {}

  @Scopes(CASE_SCOPES.read)
  @ResolveField(() => [PersonReference], { description: 'Staff who follow this case.' })
  async watchers(@Parent() supportCase: Case, @Context('req') req: object): Promise<PersonReference[]> {
    return (await this.loaders.of(req).watchers.load(supportCase.id)).map((id) => ({ id }));
  }

  @Scopes(CASE_SCOPES.read)
  @ResolveField(() => [CaseLink], { description: 'Follow-ups, duplicates and related cases, both ways.' })
  async links(@Parent() supportCase: Case, @Context('req') req: object): Promise<CaseLink[]> {
    return (await this.loaders.of(req).links.load(supportCase.id)).map((link) => ({
      kind: link.kind,
      direction: link.direction,
      caseId: link.linkedCaseId,
      createdAt: link.createdAt,
    }));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => Case, { description: 'Adds and removes tags (normalized: "Bus 14" becomes "bus-14").' })
  async updateCaseTags(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('add', { type: () => [String], nullable: true }) add: string[] | null,
    @Args('remove', { type: () => [String], nullable: true }) remove: string[] | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    await assertCaseActionable(this.query, caseId, principal);
    return toCase(await this.relations.setTags(caseId, add ?? [], remove ?? [], actorOf(principal)));
  }

  @Roles(...STAFF_WHO_ACT)
  @Mutation(() => Case, { description: 'Follows a case: you, or (administrators) another staff member.' })
  async watchCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('userId', { type: () => ID, nullable: true }) userId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    await assertCaseActionable(this.query, caseId, principal);
    return toCase(await this.relations.watch(caseId, this.watcher(userId, principal), actorOf(principal)));
  }

  @Roles(...STAFF_WHO_ACT)
  @Mutation(() => Case)
  async unwatchCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('userId', { type: () => ID, nullable: true }) userId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    await assertCaseActionable(this.query, caseId, principal);
    return toCase(await this.relations.unwatch(caseId, this.watcher(userId, principal), actorOf(principal)));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => Case, { description: 'Links this case to another (both must be cases you can open).' })
  async linkCases(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('otherCaseId', { type: () => ID }) otherCaseId: string,
    @Args('kind', { type: () => LinkKindEnum }) kind: LinkKind,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    await assertCaseActionable(this.query, caseId, principal);
    await assertCaseActionable(this.query, otherCaseId, principal);
    return toCase(await this.relations.link(caseId, otherCaseId, kind, actorOf(principal)));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => Case)
  async unlinkCases(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('otherCaseId', { type: () => ID }) otherCaseId: string,
    @Args('kind', { type: () => LinkKindEnum }) kind: LinkKind,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    await assertCaseActionable(this.query, caseId, principal);
    return toCase(await this.relations.unlink(caseId, otherCaseId, kind, actorOf(principal)));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => Case, {
    description:
      'Merges a duplicate into the case that leads: its messages, watchers and tags move there, and it is closed. Returns the surviving case.',
  })
  async mergeCases(
    @Args('caseId', { type: () => ID, description: 'The duplicate.' }) caseId: string,
    @Args('intoCaseId', { type: () => ID, description: 'The case that leads.' }) intoCaseId: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    await assertCaseActionable(this.query, caseId, principal);
    await assertCaseActionable(this.query, intoCaseId, principal);
    const { target } = await this.relations.merge(caseId, intoCaseId, reason, actorOf(principal));
    return toCase(target);
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Query(() => [AlertCategory], { description: 'Critical-alert keyword categories.' })
  async alertCategories(): Promise<AlertCategory[]> {
    return this.alerts.list();
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => AlertCategory, { description: 'Creates a category, or changes the one with this id.' })
  async saveAlertCategory(
    @Args('id', { type: () => ID, nullable: true }) id: string | null,
    @Args('input') input: AlertCategoryInput,
  ): Promise<AlertCategory> {
    return this.alerts.save(id, input);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => Boolean)
  async deleteAlertCategory(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.alerts.delete(id);
    return true;
  }

  /** Staff watch for themselves; only administrators name someone else. */
  private watcher(userId: string | null, principal: Principal): string {
    if (principal.kind !== 'user') throw new InvalidInputException('Only staff watch cases');
    if (!userId || userId === principal.subject) return principal.subject;
    if (!hasAnyRole(principal, ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'])) {
      throw new InvalidInputException(
        'Only administrators add other people as watchers',
        [{ path: 'userId', message: 'leave empty to watch yourself' }],
        'WATCHER_NOT_SELF',
      );
    }
    return userId;
  }
}
