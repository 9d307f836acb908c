import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DepartmentService, type DepartmentEntity } from '@homeroom/directory/data-access';
import { Scopes, Allow } from '@homeroom/platform/auth';
import { DIRECTORY_SCOPES, DIRECTORY_WRITE } from '../access';

@ObjectType({ description: 'A district department (Transportation) or a school office.' })
export class Department {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Null for a district-level department.' })
  schoolId!: string | null;
}

@Resolver(() => Department)
export class DepartmentResolver {
  constructor(private readonly departmentService: DepartmentService) {}

  @Scopes(DIRECTORY_SCOPES.read)
  @Query(() => [Department], { description: "The district's departments; with schoolId, that school's too." })
  async departments(
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
  ): Promise<Department[]> {
    return (await this.departmentService.list(schoolId)).map(toDepartment);
  }

  @Allow(DIRECTORY_WRITE)
  @Mutation(() => Department)
  async createDepartment(
    @Args('name') name: string,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
  ): Promise<Department> {
    return toDepartment(await this.departmentService.create(name, schoolId));
  }
}

function toDepartment(entity: DepartmentEntity): Department {
  return { id: entity.id, name: entity.name, schoolId: entity.schoolId };
}
