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
import { SchoolService } from '@homeroom/directory/data-access';
import { NotFoundException } from '@homeroom/shared/errors';
import { Public, Scopes, Allow } from '@homeroom/platform/auth';
import { decodeCursor, PageArgs, pageSize, toConnection } from '@homeroom/platform/graphql';
import { DIRECTORY_SCOPES, DIRECTORY_WRITE } from '../access';
import { DirectoryLoaders } from '../directory-loaders';
import { CreateSchoolInput, UpdateSchoolInput } from '../inputs/school.input';
import { toPerson, toSchool } from '../mappers';
import { Person } from '../types/person.type';
import { School, SchoolConnection } from '../types/school.type';

@Resolver(() => School)
export class SchoolResolver {
  constructor(
    private readonly schoolService: SchoolService,
    private readonly loaders: DirectoryLoaders,
  ) {}

  /** Public: the inquiry form's school picker lists them. */
  @Public()
  @Query(() => SchoolConnection, { description: 'Schools by name.' })
  async schools(@Args() { first, after }: PageArgs) {
    const size = pageSize(first);
    const { rows, total } = await this.schoolService.page({
      limit: size,
      after: after ? decodeCursor(after, 2) : undefined,
    });
    return toConnection(rows, size, total, (s) => [s.name, s.id], toSchool);
  }

  @Public()
  @Query(() => School, { nullable: true })
  async school(@Args('id', { type: () => ID }) id: string): Promise<School | null> {
    const school = await this.schoolService.findById(id);
    return school ? toSchool(school) : null;
  }

  @Public()
  @ResolveReference()
  async resolveReference(
    // Reference resolvers get (reference, context, info): with any parameter decorated, every one must be.
    @Parent() reference: { id: string },
    @Context('req') req: object,
  ): Promise<School | null> {
    const school = await this.loaders.for(req).school.load(reference.id);
    return school ? toSchool(school) : null;
  }

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveField(() => Person, { nullable: true, description: 'Staff and API clients only.' })
  async principal(@Parent() school: School, @Context('req') req: object): Promise<Person | null> {
    if (!school.principalId) return null;
    const person = await this.loaders.for(req).visiblePerson.load(school.principalId);
    return person ? toPerson(person) : null;
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => School)
  async createSchool(@Args('input') input: CreateSchoolInput): Promise<School> {
    return toSchool(await this.schoolService.create(input));
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => School)
  async updateSchool(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateSchoolInput,
  ): Promise<School> {
    return toSchool(await this.schoolService.update(id, input));
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => School, {
    description: 'Deactivated schools keep their history and stop taking new cases.',
  })
  async deactivateSchool(@Args('id', { type: () => ID }) id: string): Promise<School> {
    const school = await this.schoolService.deactivate(id);
    if (!school) throw new NotFoundException('School');
    return toSchool(school);
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => School, { description: 'A deactivated school takes new cases again.' })
  async reactivateSchool(@Args('id', { type: () => ID }) id: string): Promise<School> {
    return toSchool(await this.schoolService.reactivate(id));
  }
}
