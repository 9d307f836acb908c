import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { InvalidInputException } from '@homeroom/shared/errors';
import { DepartmentEntity, SchoolEntity } from '../entities';

/** District departments (Transportation) and school offices: where cases and teams can belong. */
@Injectable()
export class DepartmentService {
  constructor(private readonly dataSource: DataSource) {}

  async create(name: string, schoolId: string | null): Promise<DepartmentEntity> {
    if (!name.trim())
      throw new InvalidInputException('A department needs a name', [{ path: 'name', message: 'required' }]);
    if (schoolId && !(await this.dataSource.getRepository(SchoolEntity).existsBy({ id: schoolId }))) {
      throw new InvalidInputException(
        'No such school',
        [{ path: 'schoolId', message: 'unknown school' }],
        'UNKNOWN_SCHOOL',
      );
    }
    return this.dataSource
      .getRepository(DepartmentEntity)
      .save({ name: name.trim(), schoolId, active: true });
  }

  /** The district's departments, or one school's (and the district's) when schoolId is given. */
  list(schoolId?: string | null): Promise<DepartmentEntity[]> {
    return this.dataSource.getRepository(DepartmentEntity).find({
      where: schoolId
        ? [
            { schoolId, active: true },
            { schoolId: IsNull(), active: true },
          ]
        : { active: true },
      order: { name: 'ASC' },
    });
  }

  findByIds(ids: readonly string[]): Promise<DepartmentEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(DepartmentEntity).findBy({ id: In([...ids]) })
      : Promise.resolve([]);
  }
}
