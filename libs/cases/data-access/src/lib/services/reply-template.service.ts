import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, QueryFailedError } from 'typeorm';
import {
  type CaseStatus,
  checkTranslations,
  formatDueAt,
  normalizeTag,
  type PlaceholderValues,
  type Priority,
  renderTemplate,
  type TemplateTranslation,
  translationFor,
  type VitalCategory,
} from '@homeroom/cases/domain';
import { ConflictException, InvalidInputException } from '@homeroom/shared/errors';
import {
  type CaseEntity,
  KnownSchoolEntity,
  KnownTeamEntity,
  ReplyTemplateEntity,
  TopicEntity,
} from '../entities';
import { INTAKE_SETTINGS, type IntakeSettings } from './case-intake.service';

export interface ReplyTemplateInput {
  name: string;
  shortcut?: string | null;
  /** Null: district-wide. */
  teamId?: string | null;
  translations: TemplateTranslation[];
  setStatus?: CaseStatus | null;
  setPriority?: Priority | null;
  setTopicId?: string | null;
  addTags?: string[] | null;
  /** Vital (ADR 32): sent in another language than the staff's, its replies wait for a qualified translator. */
  vitalCategory?: VitalCategory | null;
}

/** The templates a caller may use: district-wide ones and those of `teamIds` (every team's for 'all'). */
export type TemplateReach = { teams: 'all' } | { teams: readonly string[] };

export interface TemplateFilter {
  /** Words in the name or the shortcut. */
  search?: string | null;
  /** One team's templates; null: every template the caller may use. */
  teamId?: string | null;
  includeArchived?: boolean | null;
}

/** A template as it reads on one case: its text in the requester's language, placeholders filled. */
export interface RenderedTemplate {
  language: string;
  body: string;
}

/** What staff write of a template; the rest (usage, archiving, times) is the service's. */
type TemplateContent = Pick<
  ReplyTemplateEntity,
  | 'name'
  | 'shortcut'
  | 'teamId'
  | 'translations'
  | 'setStatus'
  | 'setPriority'
  | 'setTopicId'
  | 'addTags'
  | 'vitalCategory'
>;

const MAX_NAME_LENGTH = 120;
const SHORTCUT = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Reply templates (macros): kept, listed within reach, and rendered for a case. */
@Injectable()
export class ReplyTemplateService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  /** One page by name (keyset on name and id), and the count, each sent only when asked (lazyConnection). */
  page(
    filter: TemplateFilter,
    reach: TemplateReach,
    limit: number,
    after: readonly (string | number)[] | undefined,
  ): { rows: () => Promise<ReplyTemplateEntity[]>; total: () => Promise<number> } {
    const query = this.dataSource.getRepository(ReplyTemplateEntity).createQueryBuilder('t');
    if (!filter.includeArchived) query.andWhere('t.archivedAt IS NULL');
    if (filter.teamId) query.andWhere('t.teamId = :teamId', { teamId: filter.teamId });
    if (reach.teams !== 'all')
      query.andWhere('(t.teamId IS NULL OR t.teamId = ANY(:teams))', { teams: [...reach.teams] });
    const search = filter.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        new Brackets((where) =>
          where.where('t.name ILIKE :pattern', { pattern }).orWhere('t.shortcut ILIKE :pattern', { pattern }),
        ),
      );
    }
    const counted = query.clone();
    if (after) query.andWhere('(t.name, t.id) > (:name, :id)', { name: after[0], id: after[1] });
    query.orderBy('t.name', 'ASC').addOrderBy('t.id', 'ASC');
    return { rows: () => query.limit(limit + 1).getMany(), total: () => counted.getCount() };
  }

  /**
   * The teams whose templates a staff member uses: those they belong to, and every team at the schools they
   * administer (`'all'`: a district-wide administrator's).
   */
  async reachOf(personId: string, administered: readonly string[] | 'all'): Promise<TemplateReach> {
    if (administered === 'all') return { teams: 'all' };
    const rows: { team_id: string }[] = await this.dataSource.query(
      `SELECT team_id FROM known_team_member WHERE person_id = $1
       UNION SELECT id FROM known_team WHERE school_id = ANY($2::uuid[])`,
      [personId, [...administered]],
    );
    return { teams: rows.map((row) => row.team_id) };
  }

  /** The school of a team the directory told us of (null: a district department), or undefined: no such team. */
  async schoolOfTeam(teamId: string): Promise<string | null | undefined> {
    const team = await this.dataSource.getRepository(KnownTeamEntity).findOneBy({ id: teamId });
    return team ? team.schoolId : undefined;
  }

  /** A template within reach (archived ones too: a case's history may name one), or null. */
  async find(id: string, reach: TemplateReach): Promise<ReplyTemplateEntity | null> {
    const template = await this.dataSource.getRepository(ReplyTemplateEntity).findOneBy({ id });
    if (!template) return null;
    return withinReach(template, reach) ? template : null;
  }

  async create(input: ReplyTemplateInput): Promise<ReplyTemplateEntity> {
    const template = Object.assign(new ReplyTemplateEntity(), {
      id: randomUUID(),
      usageCount: 0,
      lastUsedAt: null,
      archivedAt: null,
      ...(await this.checked(input)),
    });
    return this.saved(() => this.dataSource.getRepository(ReplyTemplateEntity).insert(template), template);
  }

  /** Replaces what a template says and does; its team stays (a template moves by being copied). */
  async update(template: ReplyTemplateEntity, input: ReplyTemplateInput): Promise<ReplyTemplateEntity> {
    const { teamId: _team, ...changes } = await this.checked({ ...input, teamId: template.teamId });
    Object.assign(template, changes);
    return this.saved(() => this.dataSource.getRepository(ReplyTemplateEntity).save(template), template);
  }

  /** Out of the pickers, with its history kept; its shortcut is free again. */
  async archive(template: ReplyTemplateEntity): Promise<ReplyTemplateEntity> {
    template.archivedAt ??= new Date();
    return this.dataSource.getRepository(ReplyTemplateEntity).save(template);
  }

  /** The template's text for this case: the requester's language (see translationFor), placeholders filled. */
  async render(template: ReplyTemplateEntity, supportCase: CaseEntity): Promise<RenderedTemplate> {
    const { language, body } = this.translationOn(template, supportCase);
    const school = supportCase.schoolId
      ? await this.dataSource.getRepository(KnownSchoolEntity).findOneBy({ id: supportCase.schoolId })
      : null;
    const values: PlaceholderValues = {
      'requester.name': supportCase.anonymous ? null : (supportCase.contact.name ?? null),
      'case.number': supportCase.number,
      'case.subject': supportCase.subject,
      'school.name': school?.name ?? null,
      // The nearest deadline the SLA service warned of (SlaAlerts); none yet reads "as soon as we can".
      'sla.dueAt': supportCase.slaDueAt
        ? formatDueAt(supportCase.slaDueAt, language, this.settings.timeZone)
        : null,
    };
    return { language, body: renderTemplate(body, language, values) };
  }

  /**
   * The template as it reads on this case in the staff's language: what a qualified translator reads beside
   * the requester's text of a vital reply (ADR 32).
   */
  async renderIn(
    template: ReplyTemplateEntity,
    supportCase: CaseEntity,
    language: string,
  ): Promise<RenderedTemplate> {
    return this.render(template, { ...supportCase, language } as CaseEntity);
  }

  /** The translation a case gets: the requester's language, else its base, else the district's. */
  translationOn(template: ReplyTemplateEntity, supportCase: CaseEntity): TemplateTranslation {
    return translationFor(template.translations, supportCase.language, this.settings.defaultLanguage);
  }

  private async checked(input: ReplyTemplateInput): Promise<TemplateContent> {
    const name = input.name.trim();
    if (!name || name.length > MAX_NAME_LENGTH)
      throw new InvalidInputException(`A template's name is 1 to ${MAX_NAME_LENGTH} characters`, [
        { path: 'name', message: 'required, at most 120 characters' },
      ]);
    const shortcut = input.shortcut?.trim().toLowerCase() || null;
    if (shortcut && !SHORTCUT.test(shortcut))
      throw new InvalidInputException('A shortcut is lowercase letters, digits and dashes, up to 40', [
        { path: 'shortcut', message: 'letters, digits and dashes' },
      ]);
    if (
      input.setTopicId &&
      !(await this.dataSource.getRepository(TopicEntity).existsBy({ id: input.setTopicId }))
    )
      throw new InvalidInputException('No such topic', [{ path: 'setTopicId', message: 'no such topic' }]);
    return {
      name,
      shortcut,
      teamId: input.teamId ?? null,
      translations: checkTranslations(input.translations, this.settings.defaultLanguage),
      setStatus: input.setStatus ?? null,
      setPriority: input.setPriority ?? null,
      setTopicId: input.setTopicId ?? null,
      addTags: [...new Set((input.addTags ?? []).map((tag, i) => normalizeTag(tag, `addTags.${i}`)))],
      vitalCategory: input.vitalCategory ?? null,
    };
  }

  /** Runs a write, turning a shortcut another template in use holds into a clear refusal. */
  private async saved(
    write: () => Promise<unknown>,
    template: ReplyTemplateEntity,
  ): Promise<ReplyTemplateEntity> {
    try {
      await write();
      return template;
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'ux_reply_template_shortcut'
      )
        throw new ConflictException(
          `Another template uses the shortcut "${template.shortcut}"`,
          'SHORTCUT_TAKEN',
        );
      throw error;
    }
  }
}

export function withinReach(template: ReplyTemplateEntity, reach: TemplateReach): boolean {
  return !template.teamId || reach.teams === 'all' || reach.teams.includes(template.teamId);
}
