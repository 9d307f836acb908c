import { Args, Field, ID, Mutation, ObjectType, registerEnumType, Resolver } from '@nestjs/graphql';
import { ReceivedMessageService } from '@homeroom/cases/data-access';
import { Allow, CurrentPrincipal, type FieldAccess, type Principal } from '@homeroom/platform/auth';
import { enumFrom } from '@homeroom/platform/graphql';
import { actorOf, assertMayActAt, CASE_SCOPES } from '../access';
import { ReceivedMessageInput } from '../types/inputs';

const ReceivedOutcomeEnum = enumFrom(['CREATED', 'THREADED', 'DUPLICATE'] as const);
registerEnumType(ReceivedOutcomeEnum, {
  name: 'ReceivedMessageOutcome',
  description:
    "CREATED: a new case; THREADED: joined the sender's current conversation on that channel; DUPLICATE: handed over before (nothing new).",
});

@ObjectType()
export class ReceivedMessagePayload {
  @Field(() => ReceivedOutcomeEnum)
  outcome!: keyof typeof ReceivedOutcomeEnum;

  @Field(() => ID)
  caseId!: string;

  @Field()
  caseNumber!: string;
}

/** Integrations (cases:write) hand messages over; district administrators may too (a one-off import). */
const RECEIVE_MESSAGES: FieldAccess = { roles: ['DISTRICT_ADMIN'], scopes: [CASE_SCOPES.write] };

@Resolver()
export class ReceivedMessageResolver {
  constructor(private readonly received: ReceivedMessageService) {}

  @Allow(RECEIVE_MESSAGES)
  @Mutation(() => ReceivedMessagePayload, {
    description:
      "A message from a channel another of the district's systems runs (a voicemail transcript from the phone system): it joins the sender's current conversation on that channel (by phone, else email) or opens a case there, routed and triaged like any other. Retrying with the same externalId is safe.",
  })
  async receiveMessage(
    @Args('input') input: ReceivedMessageInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReceivedMessagePayload> {
    assertMayActAt(principal, input.schoolId ?? null);
    const outcome = await this.received.receive(
      input,
      principal.kind === 'anonymous' ? 'anonymous' : `${principal.kind}:${principal.subject}`,
      actorOf(principal),
    );
    return { outcome: outcome.kind, caseId: outcome.caseId, caseNumber: outcome.caseNumber };
  }
}
