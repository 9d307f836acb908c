import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type BulkOutcome, CaseBulkService, CaseQueryService } from '@homeroom/cases/data-access';
import { MAX_BULK_CASES } from '@homeroom/cases/domain';
import { Allow, CurrentPrincipal, type Principal } from '@homeroom/platform/auth';
import { actorOf, assertCaseActionable, assertMayHandTo, CASE_WRITE } from '../access';
import { BulkCaseAction, BulkCaseChangeInput } from '../types/bulk.type';

function toBulkCaseAction(outcome: BulkOutcome): BulkCaseAction {
  const succeeded = outcome.results.filter((result) => result.ok).length;
  return { ...outcome, succeeded, failed: outcome.results.length - succeeded };
}

/**
 * Bulk work from the inbox: each case is checked as its own mutation would check it (a case out of reach
 * is NOT_FOUND, one the caller only reads FORBIDDEN) and changed in a transaction of its own.
 */
@Resolver()
export class BulkResolver {
  constructor(
    private readonly bulk: CaseBulkService,
    private readonly query: CaseQueryService,
  ) {}

  @Allow(CASE_WRITE)
  @Mutation(() => BulkCaseAction, {
    description: `One change to many cases (at most ${MAX_BULK_CASES}): assignment, status, priority, topic, tags; a result per case. Its maker may undo it for a minute (undoBulkCaseAction).`,
  })
  async bulkUpdateCases(
    @Args('caseIds', { type: () => [ID] }) caseIds: string[],
    @Args('change') change: BulkCaseChangeInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BulkCaseAction> {
    const assignment = change.assignment
      ? { assigneeId: change.assignment.assigneeId ?? null, teamId: change.assignment.teamId ?? null }
      : undefined;
    if (assignment?.assigneeId) await assertMayHandTo(this.query, assignment.assigneeId, principal);
    return toBulkCaseAction(
      await this.bulk.apply(
        caseIds,
        {
          ...(assignment ? { assignment } : {}),
          ...(change.status ? { status: change.status } : {}),
          ...(change.priority ? { priority: change.priority } : {}),
          ...(change.topicId ? { topicId: change.topicId } : {}),
          ...(change.addTags ? { addTags: change.addTags } : {}),
        },
        actorOf(principal),
        this.mayAct(principal),
      ),
    );
  }

  @Allow(CASE_WRITE)
  @Mutation(() => BulkCaseAction, {
    description:
      'Puts back what your bulk action changed, within a minute of it: each case as it was, unless someone changed it since (CHANGED_SINCE). Once only.',
  })
  async undoBulkCaseAction(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BulkCaseAction> {
    return toBulkCaseAction(await this.bulk.undo(id, actorOf(principal), this.mayAct(principal)));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => BulkCaseAction, {
    description: `Merges many duplicates (at most ${MAX_BULK_CASES}) into the case that leads, one by one, a result per case. Merges are not undone.`,
  })
  async bulkMergeCases(
    @Args('caseIds', { type: () => [ID] }) caseIds: string[],
    @Args('intoCaseId', { type: () => ID }) intoCaseId: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BulkCaseAction> {
    return toBulkCaseAction(
      await this.bulk.merge(caseIds, intoCaseId, reason, actorOf(principal), this.mayAct(principal)),
    );
  }

  private mayAct(principal: Principal) {
    return async (caseId: string) => {
      await assertCaseActionable(this.query, caseId, principal);
    };
  }
}
