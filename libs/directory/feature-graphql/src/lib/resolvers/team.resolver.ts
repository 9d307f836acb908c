import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { TeamService } from '@homeroom/directory/data-access';
import { Roles, Scopes } from '@homeroom/platform/auth';
import { DIRECTORY_SCOPES } from '../access';
import { DirectoryLoaders } from '../directory-loaders';
import { CreateTeamInput, TeamMemberInput, UpdateTeamInput } from '../inputs/person.input';
import { toPerson, toTeam } from '../mappers';
import { Team, TeamMember } from '../types/team.type';

@Resolver(() => Team)
export class TeamResolver {
  constructor(
    private readonly teamService: TeamService,
    private readonly loaders: DirectoryLoaders,
  ) {}

  @Scopes(DIRECTORY_SCOPES.read)
  @Query(() => [Team], {
    description:
      'Active teams by name (inactive ones too with includeInactive), of one school when schoolId is given.',
  })
  async teams(
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
    @Args('includeInactive', { defaultValue: false }) includeInactive: boolean,
  ): Promise<Team[]> {
    return (await this.teamService.list(schoolId, includeInactive)).map(toTeam);
  }

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveReference()
  async resolveReference(reference: { id: string }): Promise<Team | null> {
    const [team] = await this.teamService.findByIds([reference.id]);
    return team ? toTeam(team) : null;
  }

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveField(() => [TeamMember])
  async members(@Parent() team: Team, @Context('req') req: object): Promise<TeamMember[]> {
    const loaders = this.loaders.for(req);
    const members = await loaders.teamMembers.load(team.id);
    const people = await loaders.person.loadMany(members.map((m) => m.personId));
    return members.flatMap((member, i) => {
      const person = people[i];
      return person && !(person instanceof Error)
        ? [
            {
              person: toPerson(person),
              available: member.available,
              outOfOfficeUntil: member.outOfOfficeUntil,
            },
          ]
        : [];
    });
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Scopes(DIRECTORY_SCOPES.write)
  @Mutation(() => Team)
  async createTeam(@Args('input') input: CreateTeamInput): Promise<Team> {
    const { members, ...team } = input;
    return toTeam(await this.teamService.create(team, members));
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Scopes(DIRECTORY_SCOPES.write)
  @Mutation(() => Team, {
    description: "Replaces the team's members, with their availability and out-of-office.",
  })
  async setTeamMembers(
    @Args('teamId', { type: () => ID }) teamId: string,
    @Args('members', { type: () => [TeamMemberInput] }) members: TeamMemberInput[],
  ): Promise<Team> {
    return toTeam(await this.teamService.setMembers(teamId, members));
  }

  @Roles('DISTRICT_ADMIN')
  @Scopes(DIRECTORY_SCOPES.write)
  @Mutation(() => Team, {
    description: 'Renames a team or moves it to another school or department.',
  })
  async updateTeam(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTeamInput,
  ): Promise<Team> {
    return toTeam(await this.teamService.update(id, input));
  }

  @Roles('DISTRICT_ADMIN')
  @Scopes(DIRECTORY_SCOPES.write)
  @Mutation(() => Team, {
    description: 'Deactivated teams keep their members and history; routing assigns their cases to no one.',
  })
  async deactivateTeam(@Args('id', { type: () => ID }) id: string): Promise<Team> {
    return toTeam(await this.teamService.deactivate(id));
  }

  @Roles('DISTRICT_ADMIN')
  @Scopes(DIRECTORY_SCOPES.write)
  @Mutation(() => Team, {
    description: "Routing assigns the team's cases to its available members again.",
  })
  async reactivateTeam(@Args('id', { type: () => ID }) id: string): Promise<Team> {
    return toTeam(await this.teamService.reactivate(id));
  }
}
