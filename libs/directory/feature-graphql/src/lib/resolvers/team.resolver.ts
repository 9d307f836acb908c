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
import { Allow, CurrentPrincipal, Scopes, type Principal } from '@homeroom/platform/auth';
import { NotFoundException } from '@homeroom/shared/errors';
import { assertMayChangeAt, DIRECTORY_SCOPES, DIRECTORY_WRITE, TEAM_WRITE } from '../access';
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
  @ResolveField(() => [TeamMember], {
    description: 'The members you may see: staff of your schools, or everyone for district-wide roles.',
  })
  async members(@Parent() team: Team, @Context('req') req: object): Promise<TeamMember[]> {
    const loaders = this.loaders.for(req);
    const members = await loaders.teamMembers.load(team.id);
    const people = await loaders.visiblePerson.loadMany(members.map((m) => m.personId));
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

  @Allow(TEAM_WRITE)
  @Mutation(() => Team, {
    description:
      'School administrators create teams at their own schools; department teams are the district’s.',
  })
  async createTeam(
    @Args('input') input: CreateTeamInput,
    @CurrentPrincipal() principal: Principal,
    @Context('req') req: object,
  ): Promise<Team> {
    const { members, ...team } = input;
    assertMayChangeAt(principal, TEAM_WRITE.roles, team.schoolId ?? null);
    await this.assertVisible(members, req);
    return toTeam(await this.teamService.create(team, members));
  }

  @Allow(TEAM_WRITE)
  @Mutation(() => Team, {
    description:
      "Replaces the team's members, with their availability and out-of-office. Members you cannot see stay.",
  })
  async setTeamMembers(
    @Args('teamId', { type: () => ID }) teamId: string,
    @Args('members', { type: () => [TeamMemberInput] }) members: TeamMemberInput[],
    @CurrentPrincipal() principal: Principal,
    @Context('req') req: object,
  ): Promise<Team> {
    const [team] = await this.teamService.findByIds([teamId]);
    if (!team) throw new NotFoundException('Team');
    assertMayChangeAt(principal, TEAM_WRITE.roles, team.schoolId);
    await this.assertVisible(members, req);
    // Those the caller cannot see were not on their screen to keep: replacing must not drop them unseen.
    const loaders = this.loaders.for(req);
    const current = await loaders.teamMembers.load(teamId);
    const seen = await loaders.visiblePerson.loadMany(current.map((m) => m.personId));
    const named = new Set(members.map((m) => m.personId));
    const unseen = current.filter((m, i) => !seen[i] && !named.has(m.personId));
    return toTeam(await this.teamService.setMembers(teamId, [...members, ...unseen]));
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => Team, {
    description: 'Renames a team or moves it to another school or department.',
  })
  async updateTeam(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTeamInput,
  ): Promise<Team> {
    return toTeam(await this.teamService.update(id, input));
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => Team, {
    description: 'Deactivated teams keep their members and history; routing assigns their cases to no one.',
  })
  async deactivateTeam(@Args('id', { type: () => ID }) id: string): Promise<Team> {
    return toTeam(await this.teamService.deactivate(id));
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => Team, {
    description: "Routing assigns the team's cases to its available members again.",
  })
  async reactivateTeam(@Args('id', { type: () => ID }) id: string): Promise<Team> {
    return toTeam(await this.teamService.reactivate(id));
  }

  /** A member the caller cannot see is answered as a person that does not exist. */
  private async assertVisible(members: readonly { personId: string }[], req: object): Promise<void> {
    const people = await this.loaders.for(req).visiblePerson.loadMany(members.map((m) => m.personId));
    if (people.some((person) => !person || person instanceof Error)) throw new NotFoundException('Person');
  }
}
