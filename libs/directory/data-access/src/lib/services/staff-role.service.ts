import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import type { StaffRole } from '@homeroom/directory/domain';
import { StaffRolesChanged } from '@homeroom/directory/contracts';
import { PersonEntity, StaffRoleEntity } from '../entities';

export interface StaffRoleGrant {
  role: StaffRole;
  /** Null for the whole district. */
  schoolId: string | null;
}

@Injectable()
export class StaffRoleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Replaces a staff member's roles with these grants (an empty list revokes all). */
  set(personId: string, grants: readonly StaffRoleGrant[]): Promise<StaffRoleEntity[]> {
    return inTransaction(this.dataSource, async (manager) => {
      const person = await manager.findOne(PersonEntity, {
        where: { id: personId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!person) throw new NotFoundException('Person');
      if (person.kind !== 'STAFF' && grants.length > 0) {
        throw new InvalidInputException(
          'Only staff hold staff roles',
          [{ path: 'personId', message: `is ${person.kind}` }],
          'NOT_STAFF',
        );
      }
      const misplaced = grants.findIndex((g) => g.role === 'DISTRICT_ADMIN' && g.schoolId !== null);
      if (misplaced >= 0) {
        throw new InvalidInputException(
          'District administrators are named for the whole district, not a school',
          [{ path: `roles.${misplaced}.schoolId`, message: 'must be empty for DISTRICT_ADMIN' }],
          'DISTRICT_ROLE_AT_SCHOOL',
        );
      }
      await manager.delete(StaffRoleEntity, { personId });
      const rows = dedupe(grants).map((grant) => manager.create(StaffRoleEntity, { personId, ...grant }));
      if (rows.length) await manager.save(rows);
      await this.outbox.append(manager, StaffRolesChanged, {
        aggregateId: personId,
        data: { personId, roles: rows.map(({ role, schoolId }) => ({ role, schoolId })) },
      });
      return rows;
    });
  }

  forPeople(personIds: readonly string[]): Promise<StaffRoleEntity[]> {
    return personIds.length
      ? this.dataSource.getRepository(StaffRoleEntity).findBy({ personId: In([...personIds]) })
      : Promise.resolve([]);
  }
}

function dedupe(grants: readonly StaffRoleGrant[]): StaffRoleGrant[] {
  return [...new Map(grants.map((g) => [`${g.role}:${g.schoolId ?? ''}`, g])).values()];
}
