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
import { CreateTeamInput, TeamMemberInput } from '../inputs/person.input';
import { toPerson, toTeam } from '../mappers';
import { Team, TeamMember } from '../types/team.type';

@Resolver(() => Team)
export class TeamResolver {
  constructor(
    private readonly teamService: TeamService,
    private readonly loaders: DirectoryLoaders,
  ) {}

  @Scopes(DIRECTORY_SCOPES.read)
  @Query(() => [Team], { description: 'Active teams, of one school when schoolId is given.' })
  async teams(
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
  ): Promise<Team[]> {
    return (await this.teamService.list(schoolId)).map(toTeam);
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
}
