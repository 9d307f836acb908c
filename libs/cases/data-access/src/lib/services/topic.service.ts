import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputException } from '@homeroom/shared/errors';
import { TRIAGE_TAXONOMY } from '@homeroom/cases/triage';
import { TopicEntity } from '../entities';

/**
 * The starter taxonomy a new district gets (administrators edit it from there): the one the triage
 * classifier's starter set is written for, so a new district's cases are classified from the first day.
 */
export const STARTER_TOPICS = TRIAGE_TAXONOMY;

@Injectable()
export class TopicService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<TopicEntity[]> {
    return this.dataSource
      .getRepository(TopicEntity)
      .find({ where: { active: true }, order: { name: 'ASC' } });
  }

  async create(name: string, parentId: string | null): Promise<TopicEntity> {
    const clean = name.trim();
    if (!clean)
      throw new InvalidInputException('A topic needs a name', [{ path: 'name', message: 'required' }]);
    if (parentId) {
      const parent = await this.dataSource.getRepository(TopicEntity).findOneBy({ id: parentId });
      if (!parent)
        throw new InvalidInputException(
          'There is no such parent topic',
          [{ path: 'parentId', message: 'unknown' }],
          'UNKNOWN_TOPIC',
        );
      if (parent.parentId)
        throw new InvalidInputException(
          'Topics have two levels',
          [{ path: 'parentId', message: 'is itself a subtopic' }],
          'TOPIC_TOO_DEEP',
        );
    }
    return this.dataSource
      .getRepository(TopicEntity)
      .save({ id: randomUUID(), name: clean, parentId, active: true });
  }

  /** Seeds the starter taxonomy into an empty table (npm start, new districts). */
  async seedStarterTaxonomy(): Promise<number> {
    if ((await this.dataSource.getRepository(TopicEntity).count()) > 0) return 0;
    let created = 0;
    for (const [parent, children] of Object.entries(STARTER_TOPICS)) {
      const top = await this.create(parent, null);
      for (const child of children) await this.create(child, top.id);
      created += 1 + children.length;
    }
    return created;
  }
}
