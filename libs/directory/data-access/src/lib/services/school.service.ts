import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { type SchoolType } from '@homeroom/directory/domain';
import { normalizePhone, normalizeTimeZone } from '@homeroom/shared/contact';
import { SchoolCreated, SchoolDeactivated, SchoolUpdated } from '@homeroom/directory/contracts';
import { SchoolEntity, type PostalAddress } from '../entities';
import { defined } from './defined';
import { translatingUniqueViolations } from './unique-violation';

export interface SchoolInput {
  name: string;
  code: string;
  type: SchoolType;
  ncesId?: string | null;
  lowestGrade?: string | null;
  highestGrade?: string | null;
  address?: PostalAddress | null;
  phone?: string | null;
  timeZone: string;
  principalId?: string | null;
  sourcedId?: string | null;
}

export interface KeysetPage {
  limit: number;
  after?: readonly (string | number)[] | undefined;
}

@Injectable()
export class SchoolService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  create(input: SchoolInput): Promise<SchoolEntity> {
    return translatingUniqueViolations(() =>
      inTransaction(this.dataSource, async (manager) => {
        const school = manager.create(SchoolEntity, { ...normalized(input), active: true });
        await manager.save(school);
        await this.outbox.append(manager, SchoolCreated, { aggregateId: school.id, data: snapshot(school) });
        return school;
      }),
    );
  }

  update(id: string, input: Partial<SchoolInput>): Promise<SchoolEntity> {
    return translatingUniqueViolations(() =>
      inTransaction(this.dataSource, async (manager) => {
        const school = await this.lockedOrFail(manager, id);
        Object.assign(school, normalized({ ...school, ...defined(input) }));
        await manager.save(school);
        await this.outbox.append(manager, SchoolUpdated, { aggregateId: school.id, data: snapshot(school) });
        return school;
      }),
    );
  }

  deactivate(id: string): Promise<SchoolEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const school = await this.lockedOrFail(manager, id);
      if (!school.active) return school;
      school.active = false;
      await manager.save(school);
      await this.outbox.append(manager, SchoolDeactivated, {
        aggregateId: school.id,
        data: { schoolId: school.id },
      });
      return school;
    });
  }

  /** Takes cases again; publishes SchoolUpdated with the snapshot, as an import that reactivates one does. */
  reactivate(id: string): Promise<SchoolEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const school = await this.lockedOrFail(manager, id);
      if (school.active) return school;
      school.active = true;
      await manager.save(school);
      await this.outbox.append(manager, SchoolUpdated, { aggregateId: school.id, data: snapshot(school) });
      return school;
    });
  }

  findById(id: string): Promise<SchoolEntity | null> {
    return this.dataSource.getRepository(SchoolEntity).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<SchoolEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(SchoolEntity).findBy({ id: In([...ids]) })
      : Promise.resolve([]);
  }

  /** Schools by name, then id (the keyset). `limit + 1` rows tell whether there is a next page. */
  async page(
    { limit, after }: KeysetPage,
    onlyIds?: readonly string[],
  ): Promise<{ rows: SchoolEntity[]; total: number }> {
    const query = this.dataSource.getRepository(SchoolEntity).createQueryBuilder('school');
    if (onlyIds)
      query.andWhere('school.id IN (:...onlyIds)', {
        onlyIds: onlyIds.length ? onlyIds : ['00000000-0000-0000-0000-000000000000'],
      });
    const total = await query.clone().getCount();
    if (after) query.andWhere('(school.name, school.id) > (:name, :id)', { name: after[0], id: after[1] });
    const rows = await query
      .orderBy('school.name')
      .addOrderBy('school.id')
      .limit(limit + 1)
      .getMany();
    return { rows, total };
  }

  private async lockedOrFail(manager: EntityManager, id: string): Promise<SchoolEntity> {
    const school = await manager.findOne(SchoolEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!school) throw new NotFoundException('School');
    return school;
  }
}

function normalized(input: SchoolInput): SchoolInput {
  return {
    ...input,
    name: input.name.trim(),
    code: input.code.trim().toUpperCase(),
    timeZone: normalizeTimeZone(input.timeZone),
    phone: input.phone ? normalizePhone(input.phone) : null,
  };
}

function snapshot(school: SchoolEntity) {
  return {
    schoolId: school.id,
    name: school.name,
    code: school.code,
    timeZone: school.timeZone,
    active: school.active,
  };
}
