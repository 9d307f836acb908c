import { Field, InputType } from '@nestjs/graphql';
import { InvalidInputException } from '@homeroom/shared/errors';

/**
 * The reporting period every subgraph's figures take (`caseMetrics`, `slaAttainment`, …). One definition,
 * because composition requires the input to be identical wherever it appears.
 */
@InputType()
export class DateRangeInput {
  @Field()
  from!: Date;

  @Field({ description: 'Exclusive.' })
  to!: Date;
}

/** A reporting range runs forwards and spans at most `maxDays`; otherwise BAD_USER_INPUT, INVALID_RANGE. */
export function assertDateRange(range: { from: Date; to: Date }, maxDays: number): void {
  if (!(range.from.getTime() < range.to.getTime())) {
    throw new InvalidInputException(
      'The range must end after it starts',
      [{ path: 'range', message: 'from must be before to' }],
      'INVALID_RANGE',
    );
  }
  if (range.to.getTime() - range.from.getTime() > maxDays * 86_400_000) {
    throw new InvalidInputException(
      `The range may span at most ${maxDays} days`,
      [{ path: 'range', message: 'too long' }],
      'INVALID_RANGE',
    );
  }
}
