import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { CalendarService } from '@homeroom/slas/data-access';
import { isOpen, nextOpening } from '@homeroom/slas/domain';
import { Public } from '@homeroom/platform/auth';
import { BusinessHoursNow } from '../types';

/**
 * Opening hours now, for the public pages (the chat widget). Public: a district's hours are on its website;
 * nothing else of the calendar (closures' names, other schools') is said.
 */
@Resolver()
export class BusinessHoursResolver {
  constructor(
    private readonly calendars: CalendarService,
    private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Query(() => BusinessHoursNow, {
    description:
      "Whether the district is open now by the business calendar a school's cases follow (the district's without a school, or for a school without its own), and when it next opens.",
  })
  async businessHoursNow(
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
  ): Promise<BusinessHoursNow> {
    const { calendar } = await this.calendars.calendarFor(this.dataSource.manager, schoolId ?? null);
    const now = new Date();
    const open = isOpen(calendar, now);
    return { open, opensAt: open ? null : nextOpening(calendar, now), timeZone: calendar.timeZone };
  }
}
