import {
  Args,
  Context,
  ID,
  Info,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  AuditLogService,
  MergeService,
  PersonService,
  RelationshipService,
  StaffRoleService,
  TranslatorLanguageService,
  type PersonEntity,
} from '@homeroom/directory/data-access';
import { NotFoundException } from '@homeroom/shared/errors';
import { CurrentPrincipal, Roles, Scopes, type Principal, Allow } from '@homeroom/platform/auth';
import { decodeCursor, PageArgs, pageSize, toConnection } from '@homeroom/platform/graphql';
import { actorOf, auditedOperation, DIRECTORY_SCOPES, visibilityOf, DIRECTORY_WRITE } from '../access';
import { DirectoryLoaders } from '../directory-loaders';
import {
  CreatePersonInput,
  LinkGuardianInput,
  PeopleFilter,
  StaffRoleInput,
  UpdatePersonInput,
} from '../inputs/person.input';
import { toPerson, toSchool } from '../mappers';
import { GuardianLink, Household, SchoolMembership, StaffRoleGrant } from '../types/person-links.type';
import { Person, PersonConnection } from '../types/person.type';

@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly personService: PersonService,
    private readonly relationships: RelationshipService,
    private readonly merges: MergeService,
    private readonly staffRoleService: StaffRoleService,
    private readonly translators: TranslatorLanguageService,
    private readonly audit: AuditLogService,
    private readonly loaders: DirectoryLoaders,
  ) {}

  @Scopes(DIRECTORY_SCOPES.read)
  @Query(() => PersonConnection, {
    description: 'People you may see, by family name; students and guardians read are audit-logged.',
  })
  async people(
    @Args('filter', { type: () => PeopleFilter, nullable: true }) filter: PeopleFilter | null,
    @Args() { first, after }: PageArgs,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ) {
    const size = pageSize(first);
    const { rows, total } = await this.personService.page(
      filter ?? {},
      { limit: size, after: after ? decodeCursor(after, 3) : undefined },
      visibilityOf(principal),
    );
    await this.audit.recordReads(actorOf(principal), rows.slice(0, size), auditedOperation(info));
    return toConnection(rows, size, total, (p) => [p.familyName, p.givenName, p.id], toPerson);
  }

  @Scopes(DIRECTORY_SCOPES.read)
  @Query(() => Person, { nullable: true })
  async person(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person | null> {
    const person = await this.visiblePerson(id, principal);
    if (!person) return null;
    await this.audit.recordReads(actorOf(principal), [person], auditedOperation(info));
    return toPerson(person);
  }

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveReference()
  async resolveReference(
    // Reference resolvers get (reference, context, info): with any parameter decorated, every one must be.
    @Parent() reference: { id: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<Person | null> {
    if (principal.kind === 'anonymous') return null;
    const person = await this.visiblePerson(reference.id, principal);
    if (!person) return null;
    await this.audit.recordReads(actorOf(principal), [person], 'federation:Person');
    return toPerson(person);
  }

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveField(() => [SchoolMembership])
  async schools(@Parent() person: Person, @Context('req') req: object): Promise<SchoolMembership[]> {
    const loaders = this.loaders.for(req);
    const memberships = await loaders.memberships.load(person.id);
    const schools = await loaders.school.loadMany(memberships.map((m) => m.schoolId));
    return memberships.flatMap((m, i) => {
      const school = schools[i];
      return school && !(school instanceof Error)
        ? [{ school: toSchool(school), role: m.role, grade: m.grade }]
        : [];
    });
  }

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveField(() => [GuardianLink], { description: "A student's guardians." })
  guardians(
    @Parent() person: Person,
    @Context('req') req: object,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GuardianLink[]> {
    return this.linkedPeople(person, 'guardian', req, principal, info);
  }

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveField(() => [GuardianLink], { description: "A guardian's students." })
  students(
    @Parent() person: Person,
    @Context('req') req: object,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GuardianLink[]> {
    return this.linkedPeople(person, 'student', req, principal, info);
  }

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveField(() => [StaffRoleGrant])
  async staffRoles(@Parent() person: Person, @Context('req') req: object): Promise<StaffRoleGrant[]> {
    return this.toGrants(await this.loaders.for(req).staffRoles.load(person.id), req);
  }

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveField(() => [String], {
    description:
      'The languages (BCP 47 primary tags) this staff member is a qualified translator for: they review vital messages in them before they are sent.',
  })
  translatorLanguages(@Parent() person: Person, @Context('req') req: object): Promise<string[]> {
    return this.loaders.for(req).translatorLanguages.load(person.id);
  }

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveField(() => Household, { nullable: true })
  async household(@Parent() person: Person, @Context('req') req: object): Promise<Household | null> {
    if (!person.householdId) return null;
    const household = await this.loaders.for(req).household.load(person.householdId);
    return household ? { id: household.id, name: household.name, address: household.address } : null;
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => Person)
  async createPerson(@Args('input') input: CreatePersonInput): Promise<Person> {
    return toPerson(await this.personService.create(input));
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => Person)
  async updatePerson(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdatePersonInput,
  ): Promise<Person> {
    return toPerson(await this.personService.update(id, input));
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => Person)
  async deactivatePerson(@Args('id', { type: () => ID }) id: string): Promise<Person> {
    return toPerson(await this.personService.deactivate(id));
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => GuardianLink)
  async linkGuardian(
    @Args('input') input: LinkGuardianInput,
    @Context('req') req: object,
  ): Promise<GuardianLink> {
    const link = await this.relationships.link(input);
    const loaders = this.loaders.for(req);
    const [guardian, student] = await Promise.all([
      loaders.person.load(link.guardianId),
      loaders.person.load(link.studentId),
    ]);
    return { ...link, guardian: toPerson(guardian!), student: toPerson(student!) };
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => Boolean, { description: 'True when a link was removed.' })
  unlinkGuardian(
    @Args('guardianId', { type: () => ID }) guardianId: string,
    @Args('studentId', { type: () => ID }) studentId: string,
  ): Promise<boolean> {
    return this.relationships.unlink(guardianId, studentId);
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => Person, {
    description:
      "Merges a duplicate into the surviving record; the duplicate's identifiers and links move to it.",
  })
  async mergePeople(
    @Args('survivorId', { type: () => ID }) survivorId: string,
    @Args('mergedId', { type: () => ID }) mergedId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Person> {
    return toPerson(await this.merges.merge(survivorId, mergedId, actorOf(principal).id));
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => [StaffRoleGrant], { description: "Replaces a staff member's roles." })
  async setStaffRoles(
    @Args('personId', { type: () => ID }) personId: string,
    @Args('roles', { type: () => [StaffRoleInput] }) roles: StaffRoleInput[],
    @Context('req') req: object,
  ): Promise<StaffRoleGrant[]> {
    const grants = await this.staffRoleService.set(
      personId,
      roles.map((r) => ({ role: r.role, schoolId: r.schoolId ?? null })),
    );
    return this.toGrants(grants, req);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => [String], {
    description:
      'Replaces the languages a staff member is a qualified translator for (an empty list: none); the cases service learns it within seconds. BAD_USER_INPUT NOT_STAFF for anyone else.',
  })
  setTranslatorLanguages(
    @Args('personId', { type: () => ID }) personId: string,
    @Args('languages', { type: () => [String] }) languages: string[],
  ): Promise<string[]> {
    return this.translators.set(personId, languages);
  }

  /**
   * The other side of a person's guardian links (their guardians, or their students) that the caller may
   * see, audit-logged: a guardian at the caller's school does not open a student at another school.
   */
  private async linkedPeople(
    person: Person,
    other: 'guardian' | 'student',
    req: object,
    principal: Principal,
    info: GraphQLResolveInfo,
  ): Promise<GuardianLink[]> {
    const loaders = this.loaders.for(req);
    const links = await (other === 'guardian' ? loaders.guardiansOf : loaders.studentsOf).load(person.id);
    const people = await loaders.visiblePerson.loadMany(
      links.map((l) => (other === 'guardian' ? l.guardianId : l.studentId)),
    );
    await this.audit.recordReads(actorOf(principal), people.filter(isPerson), auditedOperation(info));
    return links.flatMap((link, i) => {
      const found = people[i];
      if (!isPerson(found ?? null)) return [];
      const linked = toPerson(found as PersonEntity);
      return [
        other === 'guardian'
          ? { ...link, guardian: linked, student: person }
          : { ...link, student: linked, guardian: person },
      ];
    });
  }

  private toGrants(
    grants: readonly { role: StaffRoleGrant['role']; schoolId: string | null }[],
    req: object,
  ): Promise<StaffRoleGrant[]> {
    const loaders = this.loaders.for(req);
    return Promise.all(
      grants.map(async (grant) => {
        const school = grant.schoolId ? await loaders.school.load(grant.schoolId) : null;
        return { role: grant.role, school: school ? toSchool(school) : null };
      }),
    );
  }

  private async visiblePerson(id: string, principal: Principal): Promise<PersonEntity | null> {
    const person = await this.personService.findById(id);
    if (!person) return null;
    // Not visible reads as not found: a caller learns nothing about records outside their schools.
    if (!(await this.personService.isVisible(id, visibilityOf(principal))))
      throw new NotFoundException('Person');
    return person;
  }
}

function isPerson(value: PersonEntity | Error | null): value is PersonEntity {
  return value !== null && !(value instanceof Error);
}
