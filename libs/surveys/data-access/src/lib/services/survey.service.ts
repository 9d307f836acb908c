import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@homeroom/platform/database';
import { NotFoundException } from '@homeroom/shared/errors';
import type { SurveyDefinition } from '@homeroom/surveys/domain';
import {
  SurveyEntity,
  SurveyVersionEntity,
  type SurveyKind,
  type SurveyStatus,
} from '../entities/survey.entities';

export interface SurveyWithDefinition {
  survey: SurveyEntity;
  definition: SurveyDefinition;
}

/** Surveys and their versions. */
@Injectable()
export class SurveyService {
  constructor(private readonly dataSource: DataSource) {}

  /** A new survey with its first version. */
  create(
    input: { kind: SurveyKind; name: string; status: SurveyStatus; definition: SurveyDefinition },
    manager?: EntityManager,
  ): Promise<SurveyEntity> {
    const run = async (tx: EntityManager) => {
      const id = randomUUID();
      await tx.insert(SurveyEntity, {
        id,
        kind: input.kind,
        name: input.name,
        status: input.status,
        currentVersion: 1,
        closesAt: null,
        updatedAt: new Date(),
      });
      await tx.insert(SurveyVersionEntity, {
        surveyId: id,
        version: 1,
        definition: { ...input.definition, version: 1 },
      });
      return tx.findOneByOrFail(SurveyEntity, { id });
    };
    return manager ? run(manager) : inTransaction(this.dataSource, run);
  }

  /** The satisfaction survey sent after cases, with its current questions; null before the seed ran. */
  async csat(manager: EntityManager = this.dataSource.manager): Promise<SurveyWithDefinition | null> {
    const survey = await manager.findOneBy(SurveyEntity, { kind: 'CSAT' });
    return survey
      ? { survey, definition: await this.definition(manager, survey.id, survey.currentVersion) }
      : null;
  }

  /** The questions of one version, as the respondents of that version saw them. */
  async definition(manager: EntityManager, surveyId: string, version: number): Promise<SurveyDefinition> {
    const row = await manager.findOneBy(SurveyVersionEntity, { surveyId, version });
    if (!row) throw new NotFoundException('Survey version');
    return row.definition;
  }

  async withDefinition(id: string): Promise<SurveyWithDefinition | null> {
    const manager = this.dataSource.manager;
    const survey = await manager.findOneBy(SurveyEntity, { id });
    return survey ? { survey, definition: await this.definition(manager, id, survey.currentVersion) } : null;
  }

  /** A page of surveys, newest first, keyed by (created_at, id). */
  async page(input: {
    limit: number;
    after?: (string | number)[];
  }): Promise<{ rows: SurveyEntity[]; total: number }> {
    const query = this.dataSource
      .getRepository(SurveyEntity)
      .createQueryBuilder('s')
      .orderBy('s.createdAt', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(input.limit + 1);
    if (input.after)
      query.where('(s.createdAt, s.id) < (:at::timestamptz, :id::uuid)', {
        at: input.after[0],
        id: input.after[1],
      });
    const [rows, total] = await Promise.all([
      query.getMany(),
      this.dataSource.getRepository(SurveyEntity).count(),
    ]);
    return { rows, total };
  }
}
