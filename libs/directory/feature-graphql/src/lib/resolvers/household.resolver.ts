import {
  Args,
  Context,
  Field,
  ID,
  Info,
  InputType,
  Mutation,
  Parent,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AuditLogService, HouseholdService } from '@homeroom/directory/data-access';
import { CurrentPrincipal, Scopes, type Principal, Allow } from '@homeroom/platform/auth';
import { actorOf, auditedOperation, DIRECTORY_SCOPES, DIRECTORY_WRITE } from '../access';
import { DirectoryLoaders } from '../directory-loaders';
import { PostalAddressInput } from '../inputs/school.input';
import { toPerson } from '../mappers';
import { Household } from '../types/person-links.type';
import { Person } from '../types/person.type';

@InputType()
export class CreateHouseholdInput {
  @Field()
  name!: string;

  @Field(() => PostalAddressInput, { nullable: true })
  address?: PostalAddressInput | null;

  @Field(() => [ID], {
    defaultValue: [],
    description: 'People who live here; they leave any household they were in.',
  })
  memberIds!: string[];
}

@Resolver(() => Household)
export class HouseholdResolver {
  constructor(
    private readonly householdService: HouseholdService,
    private readonly loaders: DirectoryLoaders,
    private readonly audit: AuditLogService,
  ) {}

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveField(() => [Person], { description: 'The members you may see, audit-logged as reads.' })
  async members(
    @Parent() household: Household,
    @Context('req') req: object,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person[]> {
    const members = await this.householdService.members([household.id]);
    const visible = await this.loaders.for(req).visiblePerson.loadMany(members.map((m) => m.id));
    const shown = members.filter((_, i) => visible[i] && !(visible[i] instanceof Error));
    await this.audit.recordReads(actorOf(principal), shown, auditedOperation(info));
    return shown.map(toPerson);
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => Household)
  async createHousehold(@Args('input') input: CreateHouseholdInput): Promise<Household> {
    const household = await this.householdService.create(input.name, input.address ?? null, input.memberIds);
    return { id: household.id, name: household.name, address: household.address };
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => Boolean, {
    description: 'Moves people into a household, or out of any when householdId is null.',
  })
  async setHouseholdMembers(
    @Args('householdId', { type: () => ID, nullable: true }) householdId: string | null,
    @Args('personIds', { type: () => [ID] }) personIds: string[],
  ): Promise<boolean> {
    await this.householdService.setMembers(householdId, personIds);
    return true;
  }
}
