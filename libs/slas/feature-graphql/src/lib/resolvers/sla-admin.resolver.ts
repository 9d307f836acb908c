import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CalendarService, PolicyService } from '@homeroom/slas/data-access';
import { Allow } from '@homeroom/platform/auth';
import type { Weekday } from '@homeroom/slas/domain';
import { SLA_READ, SLA_WRITE } from '../access';
import { toCalendar, toPolicy } from '../mappers';
import { BusinessCalendar, BusinessCalendarInput, ClosureInput, SlaPolicy, SlaPolicyInput } from '../types';

/** SLA policies and business calendars: staff read them, district administrators change them. */
@Resolver()
export class SlaAdminResolver {
  constructor(
    private readonly policies: PolicyService,
    private readonly calendars: CalendarService,
  ) {}

  @Allow(SLA_READ)
  @Query(() => [SlaPolicy], { description: 'Every SLA policy, in the order they apply.' })
  async slaPolicies(): Promise<SlaPolicy[]> {
    return (await this.policies.list()).map(toPolicy);
  }

  @Allow(SLA_READ)
  @Query(() => [BusinessCalendar], { description: 'The district calendar and the schools’ own.' })
  async businessCalendars(): Promise<BusinessCalendar[]> {
    return (await this.calendars.list()).map(toCalendar);
  }

  @Allow(SLA_WRITE)
  @Mutation(() => SlaPolicy, { description: 'Creates (no id) or replaces an SLA policy.' })
  async saveSlaPolicy(@Args('input') input: SlaPolicyInput): Promise<SlaPolicy> {
    return toPolicy(
      await this.policies.save({
        id: input.id ?? null,
        name: input.name,
        position: input.position ?? null,
        active: input.active ?? null,
        definition: {
          conditions: input.conditions ?? {},
          targets: input.targets,
          clock: input.clock,
          warnAtPercent: input.warnAtPercent,
          pausedStatuses: input.pausedStatuses,
        },
      }),
    );
  }

  @Allow(SLA_WRITE)
  @Mutation(() => BusinessCalendar, {
    description: 'Creates (no id) or replaces a calendar; running deadlines that follow it move at once.',
  })
  async saveBusinessCalendar(@Args('input') input: BusinessCalendarInput): Promise<BusinessCalendar> {
    return toCalendar(
      await this.calendars.save({
        id: input.id ?? null,
        name: input.name,
        scope: input.scope,
        schoolId: input.schoolId ?? null,
        definition: {
          timeZone: input.timeZone,
          openingHours: input.openingHours.map((interval) => ({
            ...interval,
            weekday: interval.weekday as Weekday,
          })),
          closures: (input.closures ?? []).map(withoutNulls),
        },
      }),
    );
  }

  @Allow(SLA_WRITE)
  @Mutation(() => Boolean, {
    description:
      'Deletes a calendar; its cases fall back to the district calendar. False when there was none.',
  })
  deleteBusinessCalendar(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.calendars.delete(id);
  }

  @Allow(SLA_WRITE)
  @Mutation(() => Boolean, { description: 'Deletes a policy; cases that had it keep their timers.' })
  deleteSlaPolicy(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.policies.delete(id);
  }

  @Allow(SLA_WRITE)
  @Mutation(() => BusinessCalendar, {
    description:
      'Declares a closure at short notice (a snow day from 11:00); running deadlines move at once.',
  })
  async addClosure(
    @Args('calendarId', { type: () => ID }) calendarId: string,
    @Args('closure') closure: ClosureInput,
  ): Promise<BusinessCalendar> {
    return toCalendar(await this.calendars.addClosure(calendarId, withoutNulls(closure)));
  }
}

function withoutNulls(closure: ClosureInput): ClosureInput {
  return Object.fromEntries(
    Object.entries({ ...closure }).filter(([, value]) => value !== null && value !== undefined),
  ) as unknown as ClosureInput;
}
