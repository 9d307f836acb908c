import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@homeroom/platform/database';
import { ConflictException, NotFoundException } from '@homeroom/shared/errors';
import {
  nextVersion,
  validateSurvey,
  type SurveyDefinition,
  type SurveyInput,
  type VersionDecision,
} from '@homeroom/surveys/domain';
import {
  SurveyEntity,
  SurveyInvitationEntity,
  SurveyResponseEntity,
  SurveyVersionEntity,
  type SurveyKind,
  type SurveyStatus,
} from '../entities/survey.entities';

export interface SurveyWithDefinition {
  survey: SurveyEntity;
  definition: SurveyDefinition;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Surveys and their versions. */
@Injectable()
export class SurveyService {
  constructor(private readonly dataSource: DataSource) {}

  /** A new survey with its first version. */
  create(
    input: {
      kind: SurveyKind;
      name: string;
      status: SurveyStatus;
      definition: SurveyDefinition;
      closesAt?: Date | null;
    },
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
        closesAt: input.closesAt ?? null,
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

  /**
   * Saves an edit. Until anyone has answered the current version it is rewritten in place; after that the
   * edit becomes a new version (respondents of the old one keep theirs: each response names its version).
   */
  async update(
    id: string,
    input: { name: string; closesAt: Date | null; definition: SurveyInput },
  ): Promise<{ survey: SurveyEntity; decision: VersionDecision }> {
    return inTransaction(this.dataSource, async (manager) => {
      const survey = await manager.findOne(SurveyEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!survey) throw new NotFoundException('Survey');
      const current = await this.definition(manager, id, survey.currentVersion);
      const hasResponses = await manager.existsBy(SurveyResponseEntity, {
        surveyId: id,
        version: survey.currentVersion,
      });
      const edited = validateSurvey({ ...input.definition, version: survey.currentVersion });
      const decision = nextVersion(current, edited, hasResponses);
      if (decision.action === 'EDIT_IN_PLACE')
        await manager.update(
          SurveyVersionEntity,
          { surveyId: id, version: decision.version },
          { definition: edited },
        );
      if (decision.action === 'NEW_VERSION')
        await manager.insert(SurveyVersionEntity, {
          surveyId: id,
          version: decision.version,
          definition: { ...edited, version: decision.version },
        });
      await manager.update(
        SurveyEntity,
        { id },
        {
          name: input.name,
          closesAt: input.closesAt,
          currentVersion: decision.version,
          updatedAt: new Date(),
        },
      );
      return { survey: await manager.findOneByOrFail(SurveyEntity, { id }), decision };
    });
  }

  /**
   * Opens or closes a survey. A closed survey's links stop taking answers (SURVEY_CLOSED); the satisfaction
   * survey closed means no invitations after cases until it is opened again. Back to DRAFT only while no
   * one has been invited.
   */
  async setStatus(id: string, status: SurveyStatus): Promise<SurveyEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const survey = await manager.findOne(SurveyEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!survey) throw new NotFoundException('Survey');
      if (status === 'DRAFT' && (await manager.existsBy(SurveyInvitationEntity, { surveyId: id })))
        throw new ConflictException(
          'People have been invited to this survey; close it instead',
          'SURVEY_IN_USE',
        );
      await manager.update(SurveyEntity, { id }, { status, updatedAt: new Date() });
      return manager.findOneByOrFail(SurveyEntity, { id });
    });
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

  /** The survey with its current questions; null when there is none with this id (or it is no UUID). */
  async withDefinition(id: string): Promise<SurveyWithDefinition | null> {
    if (!UUID.test(id)) return null;
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
