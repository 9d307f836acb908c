import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictException, InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import type { OutboxWriter } from '@homeroom/platform/messaging';
import { matchAlertCategories, normalizeAlertKeywords } from '@homeroom/cases/domain';
import type { SafetyFinding } from '@homeroom/shared/safety';
import { CaseAlertRaised } from '@homeroom/cases/contracts';
import { AlertCategoryEntity, type CaseEntity } from '../entities';
import { CaseWriter } from '../services/case-writer';
import { SYSTEM } from '../services/case-actor';

export interface AlertCategoryInput {
  name: string;
  keywords: string[];
  teamId?: string | null;
  active?: boolean | null;
}

/** How long a replica may use categories another replica has since edited. */
const CACHE_MS = 5_000;

/**
 * Critical alerts on new cases: the built-in safety concerns (the school's administrators are told) and
 * the keyword categories administrators manage (each category's team is told). Each alert goes on the
 * case's timeline with its evidence and out as a CaseAlertRaised event, in the case's own transaction.
 */
@Injectable()
export class AlertService {
  private cached?: { at: number; categories: AlertCategoryEntity[] };

  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<AlertCategoryEntity[]> {
    return this.dataSource.getRepository(AlertCategoryEntity).find({ order: { name: 'ASC' } });
  }

  async save(id: string | null, input: AlertCategoryInput): Promise<AlertCategoryEntity> {
    const name = input.name.trim();
    if (!name || name.length > 80)
      throw new InvalidInputException('A category needs a name (up to 80 characters)', [
        { path: 'name', message: 'required, up to 80 characters' },
      ]);
    const keywords = normalizeAlertKeywords(input.keywords);
    const repository = this.dataSource.getRepository(AlertCategoryEntity);
    const existing = id ? await repository.findOneBy({ id }) : null;
    if (id && !existing) throw new NotFoundException('AlertCategory');
    try {
      const saved = await repository.save({
        ...(existing ?? { id: randomUUID() }),
        name,
        keywords,
        teamId: input.teamId ?? null,
        active: input.active ?? existing?.active ?? true,
      });
      this.cached = undefined;
      return saved;
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new ConflictException(`A category named "${name}" exists`, 'DUPLICATE_ALERT_CATEGORY');
      throw error;
    }
  }

  /**
   * The active categories, read at most every few seconds: every new case needs them and they change
   * rarely. This replica forgets them at once when they are edited here; others within CACHE_MS.
   */
  private async activeCategories(manager: EntityManager): Promise<AlertCategoryEntity[]> {
    if (!this.cached || Date.now() - this.cached.at > CACHE_MS) {
      this.cached = {
        at: Date.now(),
        categories: await manager.findBy(AlertCategoryEntity, { active: true }),
      };
    }
    return this.cached.categories;
  }

  async delete(id: string): Promise<void> {
    const { affected } = await this.dataSource.getRepository(AlertCategoryEntity).delete({ id });
    this.cached = undefined;
    if (!affected) throw new NotFoundException('AlertCategory');
  }

  /** Inside the transaction that opens the case: what fired, on the timeline and as events. */
  async raise(
    manager: EntityManager,
    outbox: OutboxWriter,
    supportCase: CaseEntity,
    text: string,
    concerns: readonly SafetyFinding[],
  ): Promise<void> {
    const writer = new CaseWriter(manager, outbox);
    const at = new Date().toISOString();
    const base = { caseId: supportCase.id, number: supportCase.number, schoolId: supportCase.schoolId, at };
    if (concerns.length) {
      await writer.timeline(supportCase, 'SAFETY_CONCERN', SYSTEM, {
        concerns,
        action: 'priority set to URGENT',
        notified: supportCase.schoolId ? 'the school administrators' : 'the district administrators',
      });
      await outbox.append(manager, CaseAlertRaised, {
        aggregateId: supportCase.id,
        data: {
          ...base,
          kind: 'SAFETY_CONCERN',
          categories: concerns.map((c) => c.category),
          audience: supportCase.schoolId
            ? { kind: 'SCHOOL_ADMINISTRATORS', schoolId: supportCase.schoolId }
            : { kind: 'DISTRICT_ADMINISTRATORS' },
        },
      });
    }
    const categories = await this.activeCategories(manager);
    for (const match of matchAlertCategories(text, categories)) {
      const category = categories.find((c) => c.id === match.categoryId)!;
      await writer.timeline(supportCase, 'CRITICAL_ALERT', SYSTEM, {
        category: match.category,
        matched: match.matched,
        teamId: category.teamId,
      });
      await outbox.append(manager, CaseAlertRaised, {
        aggregateId: supportCase.id,
        data: {
          ...base,
          kind: 'CRITICAL_KEYWORD',
          categories: [match.category],
          audience: category.teamId
            ? { kind: 'TEAM', teamId: category.teamId }
            : supportCase.schoolId
              ? { kind: 'SCHOOL_ADMINISTRATORS', schoolId: supportCase.schoolId }
              : { kind: 'DISTRICT_ADMINISTRATORS' },
        },
      });
    }
  }
}
