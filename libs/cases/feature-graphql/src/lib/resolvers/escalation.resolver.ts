import { Args, Field, ID, Mutation, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { EscalationPolicyService } from '@homeroom/cases/data-access';
import { Roles } from '@homeroom/platform/auth';

export const EscalationTriggerEnum = { SLA_WARNING: 'SLA_WARNING', SLA_BREACHED: 'SLA_BREACHED' } as const;
registerEnumType(EscalationTriggerEnum, { name: 'EscalationTrigger' });

@ObjectType({ description: 'What happens to a case when an SLA warns or breaches.' })
export class EscalationPolicy {
  @Field(() => EscalationTriggerEnum)
  trigger!: 'SLA_WARNING' | 'SLA_BREACHED';

  @Field({ description: 'Raise the priority one step.' })
  raisePriority!: boolean;

  @Field(() => ID, { nullable: true, description: 'Move the case to this team.' })
  reassignTeamId!: string | null;

  @Field(() => [ID], { description: 'Supervisors to notify.' })
  notifyPersonIds!: string[];
}

@Resolver(() => EscalationPolicy)
export class EscalationResolver {
  constructor(private readonly policies: EscalationPolicyService) {}

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Query(() => [EscalationPolicy])
  escalationPolicies(): Promise<EscalationPolicy[]> {
    return this.policies.list();
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => EscalationPolicy)
  setEscalationPolicy(
    @Args('trigger', { type: () => EscalationTriggerEnum }) trigger: 'SLA_WARNING' | 'SLA_BREACHED',
    @Args('raisePriority') raisePriority: boolean,
    @Args('reassignTeamId', { type: () => ID, nullable: true }) reassignTeamId: string | null,
    @Args('notifyPersonIds', { type: () => [ID], defaultValue: [] }) notifyPersonIds: string[],
  ): Promise<EscalationPolicy> {
    return this.policies.set({ trigger, raisePriority, reassignTeamId, notifyPersonIds });
  }
}
