import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  type AutomationInput,
  type AutomationRule as Rule,
  AutomationService,
} from '@homeroom/cases/data-access';
import type { AutomationAction } from '@homeroom/cases/domain';
import { Roles } from '@homeroom/platform/auth';
import {
  AutomationConditionsInput,
  AutomationPreview,
  AutomationRule,
  AutomationRuleInput,
} from '../types/automation.type';

function toAutomationRule(rule: Rule): AutomationRule {
  return {
    ...rule,
    conditions: {
      statuses: rule.conditions.statuses,
      idleBusinessDays: rule.conditions.idleBusinessDays,
      priorities: rule.conditions.priorities ?? null,
      schoolIds: rule.conditions.schoolIds ?? null,
      topicIds: rule.conditions.topicIds ?? null,
      sla: rule.conditions.sla
        ? {
            state: rule.conditions.sla.state,
            timerKinds: rule.conditions.sla.timerKinds ?? null,
            withinHours: rule.conditions.sla.withinHours ?? null,
          }
        : null,
    },
    actions: rule.actions.map((action) => ({
      kind: action.kind,
      message: 'message' in action ? (action.message ?? null) : null,
      priority: 'priority' in action ? action.priority : null,
      teamId: 'teamId' in action ? action.teamId : null,
      tag: 'tag' in action ? action.tag : null,
    })),
  };
}

/** The API's input as the service takes it: each action with the fields of its kind. */
function toInput(input: AutomationRuleInput): AutomationInput {
  return {
    name: input.name,
    active: input.active ?? true,
    conditions: input.conditions,
    actions: input.actions.map(
      (action) =>
        ({
          kind: action.kind,
          message: action.message ?? null,
          priority: action.priority ?? undefined,
          teamId: action.teamId ?? undefined,
          tag: action.tag ?? undefined,
        }) as AutomationAction,
    ),
  };
}

/** Time-based automations: the district's administrators keep them; the sweep applies them. */
@Resolver(() => AutomationRule)
export class AutomationResolver {
  constructor(private readonly automations: AutomationService) {}

  @Roles('DISTRICT_ADMIN')
  @Query(() => [AutomationRule], { description: 'Every automation rule, by name.' })
  async automationRules(): Promise<AutomationRule[]> {
    return (await this.automations.list()).map(toAutomationRule);
  }

  @Roles('DISTRICT_ADMIN')
  @Query(() => AutomationPreview, {
    description: 'The dry run: how many cases, and which, the conditions would have a rule act on now.',
  })
  previewAutomationRule(
    @Args('conditions') conditions: AutomationConditionsInput,
  ): Promise<AutomationPreview> {
    return this.automations.preview(conditions);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => AutomationRule, {
    description:
      'A rule; refused when it would act every sweep (RULE_WOULD_LOOP) or, active, on more than 5,000 cases now (RULE_TOO_BROAD).',
  })
  async createAutomationRule(@Args('input') input: AutomationRuleInput): Promise<AutomationRule> {
    return toAutomationRule(await this.automations.create(toInput(input)));
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => AutomationRule, { description: 'Replaces the rule (switch it off with active: false).' })
  async updateAutomationRule(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: AutomationRuleInput,
  ): Promise<AutomationRule> {
    return toAutomationRule(await this.automations.update(id, toInput(input)));
  }
}
