import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import {
  EmailIntakeService,
  EmailQuarantine,
  type QuarantinedEmailEntity,
} from '@homeroom/cases/data-access';
import type { IgnoreReason } from '@homeroom/cases/domain';
import { CurrentPrincipal, type Principal, Roles } from '@homeroom/platform/auth';
import { ForbiddenException } from '@homeroom/shared/errors';
import {
  ConnectionType,
  decodeCursor,
  PageArgs,
  pageSize,
  toConnection,
  type Connection,
} from '@homeroom/platform/graphql';
import { EmailIgnoreReasonEnum, QuarantineStateEnum } from '../types/enums';

@ObjectType({
  description:
    'An email the intake took and did not turn into a case, kept whole: staff read it, release it (it becomes a case as if a person sent it) or discard it.',
})
export class QuarantinedEmail {
  @Field(() => ID)
  id!: string;

  @Field()
  receivedAt!: Date;

  @Field(() => EmailIgnoreReasonEnum)
  reason!: IgnoreReason;

  @Field({
    description: 'What decided it: the header, the report type, or the rule that refused the content.',
  })
  detail!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The From address, or the envelope sender without one.',
  })
  fromAddress!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'MAIL FROM; empty for the null sender <> of notifications.',
  })
  envelopeSender!: string | null;

  @Field(() => [String])
  recipients!: string[];

  @Field()
  subject!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field(() => Date, { nullable: true })
  releasedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The case the released message became or joined.' })
  releasedCaseNumber!: string | null;

  @Field(() => Date, { nullable: true })
  discardedAt!: Date | null;
}

export const QuarantinedEmailConnection = ConnectionType(QuarantinedEmail);

@ObjectType()
export class QuarantineRelease {
  @Field({ description: 'The case the message became (or, a reply, joined).' })
  caseNumber!: string;

  @Field(() => QuarantinedEmail)
  email!: QuarantinedEmail;
}

/**
 * The email quarantine, for district administrators: mail to the district that no school has seen yet, so
 * no school's staff may read it, and API clients never (it is people's mail, not case data).
 */
@Resolver(() => QuarantinedEmail)
export class EmailQuarantineResolver {
  constructor(
    private readonly quarantine: EmailQuarantine,
    private readonly intake: EmailIntakeService,
  ) {}

  @Roles('DISTRICT_ADMIN')
  @Query(() => QuarantinedEmailConnection, { description: 'Newest first.' })
  async quarantinedEmails(
    @Args() { first, after }: PageArgs,
    @Args('state', { type: () => QuarantineStateEnum, nullable: true, defaultValue: 'OPEN' })
    state: 'OPEN' | 'RELEASED' | 'DISCARDED',
  ): Promise<Connection<QuarantinedEmail>> {
    const size = pageSize(first);
    const [receivedAt, id] = after ? decodeCursor(after, 2) : [];
    const { rows, totalCount } = await this.quarantine.page({
      state,
      first: size,
      ...(after ? { after: { receivedAt: new Date(String(receivedAt)), id: String(id) } } : {}),
    });
    return toConnection(
      rows,
      size,
      totalCount,
      (row) => [row.receivedAt.toISOString(), row.id],
      toQuarantinedEmail,
    );
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => QuarantineRelease, {
    description:
      'Takes a kept email as if a person had sent it: it opens a case, or joins the case it answers. Refused (ALREADY_SETTLED) once released or discarded, and (NO_SENDER) without an address to answer.',
  })
  async releaseQuarantinedEmail(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<QuarantineRelease> {
    const { caseNumber } = await this.intake.release(id, staffIdOf(principal));
    return { caseNumber, email: toQuarantinedEmail(await this.quarantine.find(id)) };
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => QuarantinedEmail, { description: 'Refused (ALREADY_SETTLED) once released or discarded.' })
  async discardQuarantinedEmail(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<QuarantinedEmail> {
    return toQuarantinedEmail(await this.quarantine.discard(id, staffIdOf(principal)));
  }
}

/** @Roles lets only staff in; who released or discarded a message is recorded. */
function staffIdOf(principal: Principal): string {
  if (principal.kind !== 'user') throw new ForbiddenException('Staff only');
  return principal.subject;
}

function toQuarantinedEmail(entity: QuarantinedEmailEntity): QuarantinedEmail {
  return {
    id: entity.id,
    receivedAt: entity.receivedAt,
    reason: entity.reason,
    detail: entity.detail,
    fromAddress: entity.fromAddress,
    envelopeSender: entity.envelopeSender,
    recipients: entity.recipients,
    subject: entity.subject,
    sizeBytes: entity.sizeBytes,
    releasedAt: entity.releasedAt,
    releasedCaseNumber: entity.releasedCaseNumber,
    discardedAt: entity.discardedAt,
  };
}
