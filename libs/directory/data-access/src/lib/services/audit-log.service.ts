import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDITED_KINDS, type PersonKind } from '@homeroom/directory/domain';
import { AuditEntryEntity } from '../entities';
import type { KeysetPage } from './school.service';

export interface AuditActor {
  kind: 'user' | 'client';
  id: string;
}

/** FERPA access log: every staff or client read of a student's or guardian's record. */
@Injectable()
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records one entry per audited person read; others (staff, community) are not education records. */
  async recordReads(
    actor: AuditActor,
    people: readonly { id: string; kind: PersonKind }[],
    operation: string,
  ): Promise<void> {
    const audited = people.filter((person) => AUDITED_KINDS.includes(person.kind));
    if (audited.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO audit_entry (actor_kind, actor_id, person_id, operation)
       SELECT $1, $2, person_id, $3 FROM unnest($4::uuid[]) AS person_id`,
      [actor.kind, actor.id, operation, audited.map((person) => person.id)],
    );
  }

  async page(
    filter: { personId?: string | null; actorId?: string | null },
    { limit, after }: KeysetPage,
  ): Promise<{ rows: AuditEntryEntity[]; total: number }> {
    const query = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('entry');
    if (filter.personId) query.andWhere('entry.personId = :personId', { personId: filter.personId });
    if (filter.actorId) query.andWhere('entry.actorId = :actorId', { actorId: filter.actorId });
    const total = await query.clone().getCount();
    if (after) query.andWhere('entry.id < :id', { id: after[0] });
    const rows = await query
      .orderBy('entry.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return { rows, total };
  }
}
