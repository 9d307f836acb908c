import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { HouseholdEntity, PersonEntity, type PostalAddress } from '../entities';

/** Households: the people who live together, so staff see a family as one. */
@Injectable()
export class HouseholdService {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates a household and moves these people into it. */
  create(
    name: string,
    address: PostalAddress | null,
    memberIds: readonly string[],
  ): Promise<HouseholdEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const household = await manager.save(manager.create(HouseholdEntity, { name: name.trim(), address }));
      await this.assign(manager.getRepository(PersonEntity), household.id, memberIds);
      return household;
    });
  }

  /** Moves people into an existing household (or out of any, with null). */
  async setMembers(householdId: string | null, personIds: readonly string[]): Promise<void> {
    if (
      householdId &&
      !(await this.dataSource.getRepository(HouseholdEntity).existsBy({ id: householdId }))
    ) {
      throw new NotFoundException('Household');
    }
    await this.assign(this.dataSource.getRepository(PersonEntity), householdId, personIds);
  }

  members(householdIds: readonly string[]): Promise<PersonEntity[]> {
    return householdIds.length
      ? this.dataSource.getRepository(PersonEntity).find({
          where: { householdId: In([...householdIds]), active: true },
          order: { familyName: 'ASC', givenName: 'ASC' },
        })
      : Promise.resolve([]);
  }

  private async assign(
    people: ReturnType<DataSource['getRepository']>,
    householdId: string | null,
    personIds: readonly string[],
  ): Promise<void> {
    const ids = [...new Set(personIds)];
    if (ids.length === 0) return;
    const found = await people.countBy({ id: In(ids) });
    if (found !== ids.length) {
      throw new InvalidInputException(
        'A member does not exist',
        [{ path: 'memberIds', message: 'unknown person' }],
        'UNKNOWN_PERSON',
      );
    }
    await people.update({ id: In(ids) }, { householdId });
  }
}
