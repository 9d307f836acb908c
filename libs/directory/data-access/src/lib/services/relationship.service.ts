import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { DIRECTORY_REASONS, type RelationshipType } from '@homeroom/directory/domain';
import { PersonEntity, RelationshipEntity } from '../entities';

export interface GuardianLinkInput {
  guardianId: string;
  studentId: string;
  type: RelationshipType;
  livesWith?: boolean;
  mayReceiveInformation?: boolean;
  emergencyContact?: boolean;
}

@Injectable()
export class RelationshipService {
  constructor(private readonly dataSource: DataSource) {}

  /** Links (or re-links with new terms) a guardian and a student. */
  link(input: GuardianLinkInput): Promise<RelationshipEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const people = await manager.findBy(PersonEntity, { id: In([input.guardianId, input.studentId]) });
      const guardian = people.find((p) => p.id === input.guardianId);
      const student = people.find((p) => p.id === input.studentId);
      if (!guardian || !student) throw new NotFoundException('Person');
      if (guardian.kind !== 'GUARDIAN' || student.kind !== 'STUDENT') {
        throw new InvalidInputException(
          'A guardian link joins a GUARDIAN to a STUDENT',
          [
            {
              path: guardian.kind !== 'GUARDIAN' ? 'guardianId' : 'studentId',
              message: 'wrong kind of person',
            },
          ],
          DIRECTORY_REASONS.notAGuardianOrStudent,
        );
      }
      const link = manager.create(RelationshipEntity, linkRow(input));
      await manager.upsert(RelationshipEntity, link, ['guardianId', 'studentId']);
      return link;
    });
  }

  /** Many links in one transaction (seed, SIS import); every pair must be a guardian and a student. */
  linkMany(inputs: readonly GuardianLinkInput[]): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const ids = [...new Set(inputs.flatMap((i) => [i.guardianId, i.studentId]))];
      const kinds = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 5000) {
        const people = await manager.find(PersonEntity, {
          select: { id: true, kind: true },
          where: { id: In(ids.slice(i, i + 5000)) },
        });
        people.forEach((p) => kinds.set(p.id, p.kind));
      }
      const wrong = inputs.findIndex(
        (i) => kinds.get(i.guardianId) !== 'GUARDIAN' || kinds.get(i.studentId) !== 'STUDENT',
      );
      if (wrong >= 0) {
        throw new InvalidInputException(
          'A guardian link joins a GUARDIAN to a STUDENT',
          [{ path: `links.${wrong}`, message: 'wrong or unknown person' }],
          DIRECTORY_REASONS.notAGuardianOrStudent,
        );
      }
      const rows = inputs.map(linkRow);
      for (let i = 0; i < rows.length; i += 1000) {
        await manager.upsert(RelationshipEntity, rows.slice(i, i + 1000), ['guardianId', 'studentId']);
      }
      return rows.length;
    });
  }

  async unlink(guardianId: string, studentId: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(RelationshipEntity).delete({ guardianId, studentId });
    return (result.affected ?? 0) > 0;
  }

  forStudents(studentIds: readonly string[]): Promise<RelationshipEntity[]> {
    return studentIds.length
      ? this.dataSource.getRepository(RelationshipEntity).findBy({ studentId: In([...studentIds]) })
      : Promise.resolve([]);
  }

  forGuardians(guardianIds: readonly string[]): Promise<RelationshipEntity[]> {
    return guardianIds.length
      ? this.dataSource.getRepository(RelationshipEntity).findBy({ guardianId: In([...guardianIds]) })
      : Promise.resolve([]);
  }
}

/** A link with the district's defaults: lives with the student, may be told, not an emergency contact. */
function linkRow(input: GuardianLinkInput) {
  return {
    guardianId: input.guardianId,
    studentId: input.studentId,
    type: input.type,
    livesWith: input.livesWith ?? true,
    mayReceiveInformation: input.mayReceiveInformation ?? true,
    emergencyContact: input.emergencyContact ?? false,
  };
}
