import { Args, Field, ID, InputType, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { HouseholdService } from '@homeroom/directory/data-access';
import { Roles, Scopes } from '@homeroom/platform/auth';
import { DIRECTORY_SCOPES } from '../access';
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
  constructor(private readonly householdService: HouseholdService) {}

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveField(() => [Person])
  async members(@Parent() household: Household): Promise<Person[]> {
    return (await this.householdService.members([household.id])).map(toPerson);
  }

  @Roles('DISTRICT_ADMIN')
  @Scopes(DIRECTORY_SCOPES.write)
  @Mutation(() => Household)
  async createHousehold(@Args('input') input: CreateHouseholdInput): Promise<Household> {
    const household = await this.householdService.create(input.name, input.address ?? null, input.memberIds);
    return { id: household.id, name: household.name, address: household.address };
  }

  @Roles('DISTRICT_ADMIN')
  @Scopes(DIRECTORY_SCOPES.write)
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
