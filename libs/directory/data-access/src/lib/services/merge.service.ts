import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { DIRECTORY_REASONS } from '@homeroom/directory/domain';
import { PeopleMerged, PersonUpdated } from '@homeroom/directory/contracts';
import { PersonEntity, PersonMergeEntity, SchoolMembershipEntity } from '../entities';
import { normalizedPerson, personSnapshot } from './person.service';

/**
 * Merges a duplicate into the record that survives: the duplicate's emails, phones, SIS id, school
 * memberships, guardian links, staff roles and team places move to the survivor; the duplicate stays,
 * inactive and pointing at the survivor, with a snapshot of itself in person_merge for history.
 */
@Injectable()
export class MergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  merge(survivorId: string, mergedId: string, mergedBy: string): Promise<PersonEntity> {
    if (survivorId === mergedId) {
      throw new InvalidInputException(
        'A record cannot be merged into itself',
        [{ path: 'mergedId', message: 'same as survivorId' }],
        DIRECTORY_REASONS.mergeIntoSelf,
      );
    }
    return inTransaction(this.dataSource, async (manager) => {
      // Lock in id order so two merges of the same pair cannot deadlock.
      const [first, second] = [survivorId, mergedId].sort();
      const locked = [await this.lock(manager, first!), await this.lock(manager, second!)];
      const survivor = locked.find((p) => p.id === survivorId)!;
      const merged = locked.find((p) => p.id === mergedId)!;
      if (survivor.kind !== merged.kind) {
        throw new InvalidInputException(
          'Only records of the same kind can be merged',
          [],
          DIRECTORY_REASONS.mergeKindMismatch,
        );
      }
      await manager.save(
        manager.create(PersonMergeEntity, {
          survivorId,
          mergedId,
          mergedSnapshot: JSON.parse(JSON.stringify(merged)),
          mergedBy,
        }),
      );

      const sourcedId = merged.sourcedId;
      merged.active = false;
      merged.mergedIntoId = survivorId;
      merged.sourcedId = null; // frees the unique SIS id for the survivor
      await manager.save(merged);

      Object.assign(
        survivor,
        normalizedPerson({
          ...survivor,
          emails: [...survivor.emails, ...merged.emails.map((e) => ({ ...e, primary: false }))],
          phones: [...survivor.phones, ...merged.phones.map((p) => ({ ...p, primary: false }))],
          sourcedId: survivor.sourcedId ?? sourcedId,
          householdId: survivor.householdId ?? merged.householdId,
        }),
      );
      await manager.save(survivor);
      await this.moveReferences(manager, survivorId, mergedId);

      const memberships = await manager.findBy(SchoolMembershipEntity, { personId: survivorId });
      await this.outbox.append(manager, PeopleMerged, {
        aggregateId: survivorId,
        data: { survivorId, mergedId },
      });
      await this.outbox.append(manager, PersonUpdated, {
        aggregateId: survivorId,
        data: personSnapshot(survivor, memberships),
      });
      return survivor;
    });
  }

  /** Re-points every reference; where the survivor already has the same one, the duplicate's is dropped. */
  private async moveReferences(manager: EntityManager, survivorId: string, mergedId: string): Promise<void> {
    // Each move copies the duplicate's rows to the survivor ($1 survivor, $2 duplicate), then deletes them.
    const moves: [copy: string, table: string, column: string][] = [
      [
        `INSERT INTO school_membership (person_id, school_id, role, grade)
           SELECT $1, school_id, role, grade FROM school_membership WHERE person_id = $2 ON CONFLICT DO NOTHING`,
        'school_membership',
        'person_id',
      ],
      [
        `INSERT INTO relationship (guardian_id, student_id, type, lives_with, may_receive_information, emergency_contact, created_at)
           SELECT $1, student_id, type, lives_with, may_receive_information, emergency_contact, created_at
             FROM relationship WHERE guardian_id = $2 ON CONFLICT DO NOTHING`,
        'relationship',
        'guardian_id',
      ],
      [
        `INSERT INTO relationship (guardian_id, student_id, type, lives_with, may_receive_information, emergency_contact, created_at)
           SELECT guardian_id, $1, type, lives_with, may_receive_information, emergency_contact, created_at
             FROM relationship WHERE student_id = $2 ON CONFLICT DO NOTHING`,
        'relationship',
        'student_id',
      ],
      [
        `INSERT INTO team_member (team_id, person_id, available, out_of_office_until)
           SELECT team_id, $1, available, out_of_office_until FROM team_member WHERE person_id = $2 ON CONFLICT DO NOTHING`,
        'team_member',
        'person_id',
      ],
      [
        `INSERT INTO staff_role (person_id, role, school_id)
           SELECT $1, role, school_id FROM staff_role WHERE person_id = $2 ON CONFLICT DO NOTHING`,
        'staff_role',
        'person_id',
      ],
    ];
    for (const [copy, table, column] of moves) {
      await manager.query(copy, [survivorId, mergedId]);
      await manager.query(`DELETE FROM ${table} WHERE ${column} = $1`, [mergedId]);
    }
  }

  private async lock(manager: EntityManager, id: string): Promise<PersonEntity> {
    const person = await manager.findOne(PersonEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!person) throw new NotFoundException('Person');
    if (person.mergedIntoId)
      throw new InvalidInputException('This record was already merged', [], DIRECTORY_REASONS.inactiveRecord);
    return person;
  }
}
