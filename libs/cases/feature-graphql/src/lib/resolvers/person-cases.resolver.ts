import { Args, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CaseQueryService } from '@homeroom/cases/data-access';
import { keysForSort, sortKeyCount, sortKeys } from '@homeroom/cases/domain';
import { CurrentPrincipal, Scopes, type Principal } from '@homeroom/platform/auth';
import { decodeCursor, lazyConnection, PageArgs, pageSize } from '@homeroom/platform/graphql';
import { CASE_SCOPES, caseVisibility } from '../access';
import { toCase } from '../mappers';
import { CaseConnection } from '../types/case.type';
import { PersonReference } from '../types/references.type';

/** `Person.cases`: the directory owns Person; this subgraph adds the cases a person raised. */
@Resolver(() => PersonReference)
export class PersonCasesResolver {
  constructor(private readonly query: CaseQueryService) {}

  @Scopes(CASE_SCOPES.read)
  @ResolveReference()
  resolveReference(reference: { id: string }): PersonReference {
    return { id: reference.id };
  }

  @Scopes(CASE_SCOPES.read)
  @ResolveField(() => CaseConnection, { description: 'Cases this person raised, newest first.' })
  cases(
    @Parent() person: PersonReference,
    @Args() { first, after }: PageArgs,
    @CurrentPrincipal() principal: Principal,
  ) {
    const size = pageSize(first);
    const { rows, total } = this.query.pageParts(
      { requesterId: person.id },
      size,
      after ? keysForSort('NEWEST', decodeCursor(after, sortKeyCount('NEWEST'))) : undefined,
      caseVisibility(principal),
    );
    return lazyConnection(rows, size, total, (c) => sortKeys('NEWEST', c), toCase);
  }
}
