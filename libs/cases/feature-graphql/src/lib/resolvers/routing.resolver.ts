import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { RoutingService, type RoutingRuleEntity } from '@homeroom/cases/data-access';
import type { Channel, Priority } from '@homeroom/cases/domain';
import { Roles } from '@homeroom/platform/auth';
import { ChannelEnum, PriorityEnum } from '../types/enums';

@ObjectType()
@InputType('RoutingConditionsInput')
export class RoutingConditions {
  @Field(() => [ID], { nullable: true })
  topicIds?: string[];

  @Field(() => [ID], { nullable: true })
  schoolIds?: string[];

  @Field(() => [ChannelEnum], { nullable: true })
  channels?: Channel[];

  @Field(() => [String], { nullable: true, description: 'BCP 47 tags; "es" also takes "es-MX".' })
  languages?: string[];

  @Field(() => [PriorityEnum], { nullable: true })
  priorities?: Priority[];

  @Field(() => [String], {
    nullable: true,
    description: 'Whole words or phrases in the subject or first message.',
  })
  keywords?: string[];
}

@ObjectType()
@InputType('RoutingActionsInput')
export class RoutingActions {
  @Field(() => ID, {
    nullable: true,
    description: 'Assign to this team (round-robin among its available members).',
  })
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Assign to this person.' })
  assigneeId?: string | null;

  @Field(() => PriorityEnum, { nullable: true })
  priority?: Priority | null;

  @Field(() => [String], { nullable: true, description: 'Tags added to the case.' })
  tags?: string[] | null;
}

@ObjectType({ description: 'A routing rule: the first active rule that matches a new case decides.' })
export class RoutingRule {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  position!: number;

  @Field()
  name!: string;

  @Field(() => RoutingConditions)
  conditions!: RoutingConditions;

  @Field(() => RoutingActions)
  actions!: RoutingActions;

  @Field()
  active!: boolean;
}

@InputType({
  description:
    "What an edit changes; omitted (or null) fields stay as they are. Conditions and actions, when given, replace the rule's own whole; the rule that results must pass the same checks as a new one.",
})
export class UpdateRoutingRuleInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => RoutingConditions, { nullable: true })
  conditions?: RoutingConditions | null;

  @Field(() => RoutingActions, { nullable: true })
  actions?: RoutingActions | null;

  @Field(() => Boolean, { nullable: true, description: 'An inactive rule is kept but skipped by routing.' })
  active?: boolean | null;
}

@Resolver(() => RoutingRule)
export class RoutingResolver {
  constructor(private readonly routing: RoutingService) {}

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Query(() => [RoutingRule], { description: 'In the order they are tried.' })
  async routingRules(): Promise<RoutingRule[]> {
    return (await this.routing.list()).map(toRule);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => RoutingRule)
  async createRoutingRule(
    @Args('name') name: string,
    @Args('conditions', { type: () => RoutingConditions }) conditions: RoutingConditions,
    @Args('actions', { type: () => RoutingActions }) actions: RoutingActions,
    @Args('position', { type: () => Int, nullable: true }) position: number | null,
  ): Promise<RoutingRule> {
    return toRule(
      await this.routing.create({ name, conditions: { ...conditions }, actions: { ...actions }, position }),
    );
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => RoutingRule)
  async updateRoutingRule(
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateRoutingRuleInput }) input: UpdateRoutingRuleInput,
  ): Promise<RoutingRule> {
    return toRule(
      await this.routing.update(id, {
        name: input.name,
        conditions: input.conditions && { ...input.conditions },
        actions: input.actions && { ...input.actions },
        active: input.active,
      }),
    );
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => [RoutingRule], {
    description:
      'Moves a rule to a position (1 is tried first; beyond either end it goes to that end), the rules between shifting by one. Returns every rule in its new order.',
  })
  async moveRoutingRule(
    @Args('id', { type: () => ID }) id: string,
    @Args('position', { type: () => Int }) position: number,
  ): Promise<RoutingRule[]> {
    return (await this.routing.move(id, position)).map(toRule);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => Boolean)
  async deleteRoutingRule(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.routing.delete(id);
    return true;
  }
}

function toRule(entity: RoutingRuleEntity): RoutingRule {
  return {
    id: entity.id,
    position: entity.position,
    name: entity.name,
    conditions: entity.conditions,
    actions: entity.actions,
    active: entity.active,
  };
}
