import { Args, Field, Float, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CaseMetricsService, EmergingIssuesService, TopicService } from '@homeroom/cases/data-access';
import type { Channel } from '@homeroom/cases/domain';
import { CurrentPrincipal, type Principal, Allow } from '@homeroom/platform/auth';
import { DateRangeInput } from '@homeroom/platform/graphql';
import { assertMaySeeFigures, caseVisibility, CASE_READ } from '../access';
import { toTopic } from '../mappers';
import { Topic } from '../types/case.type';
import { ChannelEnum } from '../types/enums';

@ObjectType()
export class ChannelCount {
  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class DailyContacts {
  @Field({ description: 'The day in the district time zone, YYYY-MM-DD.' })
  day!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => [ChannelCount])
  byChannel!: ChannelCount[];
}

@ObjectType()
export class TopicCount {
  @Field(() => ID, { nullable: true })
  topicId!: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class SchoolCount {
  @Field(() => ID, { nullable: true })
  schoolId!: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Durations in calendar minutes from the case opening.' })
export class DurationStats {
  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true })
  meanMinutes!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Exact below an hour; above, within 2 % (read from 4 %-wide buckets).',
  })
  medianMinutes!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Exact below an hour; above, within 2 % (read from 4 %-wide buckets).',
  })
  p90Minutes!: number | null;
}

@ObjectType()
export class CaseMetrics {
  @Field(() => Int, { description: 'Contacts (cases opened) in the range.' })
  total!: number;

  @Field(() => [DailyContacts])
  perDay!: DailyContacts[];

  @Field(() => [TopicCount])
  byTopic!: TopicCount[];

  @Field(() => [SchoolCount])
  bySchool!: SchoolCount[];

  @Field(() => DurationStats)
  firstResponse!: DurationStats;

  @Field(() => DurationStats)
  resolution!: DurationStats;

  @Field(() => Int, { description: 'Cases in hand now (not resolved or closed).' })
  backlog!: number;

  @Field(() => Int)
  resolved!: number;

  @Field(() => Int)
  reopened!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Reopened ÷ resolved, of the cases opened in the range.',
  })
  reopenRate!: number | null;
}

@Resolver()
export class CaseMetricsResolver {
  constructor(private readonly metricsService: CaseMetricsService) {}

  @Allow(CASE_READ)
  @Query(() => CaseMetrics, {
    description:
      'Contacts, response and resolution times, backlog and reopen rate: of the cases you may see, or of one of your schools.',
  })
  caseMetrics(
    @Args('range') range: DateRangeInput,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
    @Args('topicId', { type: () => ID, nullable: true }) topicId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseMetrics> {
    assertMaySeeFigures(principal, schoolId);
    return this.metricsService.metrics(
      { from: range.from, to: range.to, schoolId, topicId },
      caseVisibility(principal),
    );
  }
}

@ObjectType({ description: 'A topic whose recent contacts depart from its own four-week baseline.' })
export class EmergingIssue {
  @Field(() => ID)
  topicId!: string;

  @Field(() => Topic, { nullable: true })
  topic!: Topic | null;

  @Field({ description: 'First day of the window (district time zone).' })
  since!: string;

  @Field(() => Int, { description: 'Contacts in the window.' })
  observed!: number;

  @Field(() => Float, { description: 'What the baseline predicts for the window.' })
  expected!: number;

  @Field(() => Float)
  ratio!: number;

  @Field(() => Float, { description: 'How many standard deviations above the expectation.' })
  zScore!: number;

  @Field(() => Float)
  baselineDailyMean!: number;

  @Field(() => [Int], {
    description: 'Contacts per day, oldest first: four weeks of baseline, then the window.',
  })
  daily!: number[];

  @Field(() => [SchoolCount], { description: 'Where the window contacts came from.' })
  topSchools!: SchoolCount[];
}

@Resolver()
export class EmergingIssuesResolver {
  constructor(
    private readonly emerging: EmergingIssuesService,
    private readonly topics: TopicService,
  ) {}

  @Allow(CASE_READ)
  @Query(() => [EmergingIssue], {
    description: 'Topics rising above their own baseline, most surprising first.',
  })
  async emergingIssues(@CurrentPrincipal() principal: Principal): Promise<EmergingIssue[]> {
    const [issues, topics] = await Promise.all([
      this.emerging.detect(caseVisibility(principal)),
      this.topics.list(),
    ]);
    const byId = new Map(topics.map((t) => [t.id, t]));
    return issues.map((issue) => {
      const topic = byId.get(issue.topicId);
      return { ...issue, topic: topic ? toTopic(topic) : null };
    });
  }
}
