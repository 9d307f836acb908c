import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { PolicyService, TimerService } from '@homeroom/slas/data-access';
import { Allow } from '@homeroom/platform/auth';
import { SLA_READ } from '../access';
import { toPolicy, toTimer } from '../mappers';
import { CaseReference, CaseSla } from '../types';

/**
 * `Case.sla`: the cases subgraph owns Case (and decides who reaches it); this subgraph adds its SLA.
 */
@Resolver(() => CaseReference)
export class CaseSlaResolver {
  constructor(
    private readonly timers: TimerService,
    private readonly policies: PolicyService,
  ) {}

  @Allow(SLA_READ)
  @ResolveReference()
  resolveReference(reference: { id: string }): CaseReference {
    return { id: reference.id };
  }

  @Allow(SLA_READ)
  @ResolveField(() => CaseSla, {
    nullable: true,
    description: "The case's SLA policy and timers; null until the SLA service has heard of the case.",
  })
  async sla(@Parent() supportCase: CaseReference): Promise<CaseSla | null> {
    const sla = await this.timers.caseSla(supportCase.id);
    if (!sla) return null;
    const now = new Date();
    const timer = (kind: string) => {
      const stored = sla.timers.find((candidate) => candidate.timer.kind === kind);
      return stored ? toTimer(stored, sla.calendar, now) : null;
    };
    const policy = sla.policy ? (await this.policies.list()).find((p) => p.id === sla.policy!.id) : undefined;
    return {
      policy: policy ? toPolicy(policy) : null,
      firstResponse: timer('FIRST_RESPONSE'),
      nextResponse: timer('NEXT_RESPONSE'),
      resolution: timer('RESOLUTION'),
    };
  }
}
