import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AUTOMATION_LIMITS,
  type AutomationAction,
  type AutomationConditions,
  checkAutomationRule,
  checkSlaCondition,
  quietSince,
  SLA_TIMER_KINDS,
  type SlaCondition,
} from '@homeroom/cases/domain';
import { RepeatingTask, SqlParams } from '@homeroom/platform/database';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { CaseService } from './case.service';
import { INTAKE_SETTINGS, type IntakeSettings } from './case-intake.service';

export interface AutomationRule {
  id: string;
  name: string;
  active: boolean;
  conditions: AutomationConditions;
  actions: AutomationAction[];
  appliedCount: number;
  lastAppliedAt: Date | null;
  updatedAt: Date;
}

export interface AutomationInput {
  name: string;
  active?: boolean | null;
  conditions: AutomationConditions;
  actions: AutomationAction[];
}

/** What a rule would act on now: how many cases, and the quietest few. */
export interface AutomationPreview {
  count: number;
  cases: { id: string; number: string; subject: string }[];
}

/** How often the sweep runs by default, and how long its lease lasts (a replica that dies mid-sweep frees it then). */
const SWEEP_EVERY_SECONDS = 60;
const LEASE_SECONDS = 300;
const PREVIEW_CASES = 20;

/**
 * Time-based automations: rules kept by the district's administrators, and the sweep that applies them
 * (ADR 29). One replica sweeps at a time (a lease in the database, taken over when it expires); each case
 * is acted on in a transaction of its own that claims the rule's application for the case's quiet spell,
 * so a rule acts once per spell even if two replicas overlap.
 */
@Injectable()
export class AutomationService implements OnModuleInit, OnModuleDestroy {
  private readonly task: RepeatingTask;
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.task = new RepeatingTask(
      'automation sweep',
      (settings.automationSweepSeconds ?? SWEEP_EVERY_SECONDS) * 1000,
      () => this.sweep(),
      logger,
    );
  }

  onModuleInit(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  async list(): Promise<AutomationRule[]> {
    return (
      (await this.dataSource.query('SELECT * FROM automation_rule ORDER BY name, id')) as RuleRow[]
    ).map(toRule);
  }

  async find(id: string): Promise<AutomationRule> {
    const [row] = (await this.dataSource.query('SELECT * FROM automation_rule WHERE id = $1', [
      id,
    ])) as RuleRow[];
    if (!row) throw new NotFoundException('Automation rule');
    return toRule(row);
  }

  async create(input: AutomationInput): Promise<AutomationRule> {
    const rule = await this.checked(input);
    const [row] = (await this.dataSource.query(
      `INSERT INTO automation_rule (id, name, active, conditions, actions) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [
        randomUUID(),
        rule.name,
        input.active ?? true,
        JSON.stringify(rule.conditions),
        JSON.stringify(rule.actions),
      ],
    )) as RuleRow[];
    return toRule(row!);
  }

  /** Replaces the rule; what it already did stays done. */
  async update(id: string, input: AutomationInput): Promise<AutomationRule> {
    await this.find(id);
    const rule = await this.checked(input);
    const [rows] = (await this.dataSource.query(
      `UPDATE automation_rule SET name = $2, active = $3, conditions = $4, actions = $5, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [id, rule.name, input.active ?? true, JSON.stringify(rule.conditions), JSON.stringify(rule.actions)],
    )) as [RuleRow[], number];
    return toRule(rows[0]!);
  }

  /** The dry run: the cases the rule would act on if the sweep ran now. */
  async preview(conditions: AutomationConditions, now = new Date()): Promise<AutomationPreview> {
    // The dry run refuses what saving would, rather than previewing a condition that cannot be kept.
    if (conditions.sla) conditions = { ...conditions, sla: checkSlaCondition(conditions.sla) };
    const params = new SqlParams();
    const where = this.matching(conditions, now, params);
    const [{ count }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM support_case c WHERE ${where}`,
      params.values,
    )) as [{ count: number }];
    const cases = (await this.dataSource.query(
      `SELECT c.id, c.number, c.subject FROM support_case c WHERE ${where} ORDER BY c.updated_at, c.id LIMIT ${PREVIEW_CASES}`,
      params.values,
    )) as { id: string; number: string; subject: string }[];
    return { count, cases };
  }

  /**
   * Runs every active rule once, if this replica holds (or takes) the lease: each acts on up to
   * AUTOMATION_LIMITS.casesPerSweep cases, quietest first; the rest wait for the next sweep. Returns how
   * many times a rule acted.
   */
  async sweep(now = new Date()): Promise<number> {
    if (!(await this.lease())) return 0;
    let applied = 0;
    for (const rule of (await this.list()).filter((r) => r.active)) {
      const quietBefore = quietSince(now, rule.conditions.idleBusinessDays, this.settings.timeZone);
      const { sql, params } = this.candidates(rule, now);
      const candidates = (await this.dataSource.query(sql, params.values)) as { id: string }[];
      for (const { id } of candidates) {
        try {
          if (await this.cases.applyAutomation(id, rule, quietBefore, now)) applied += 1;
        } catch (error) {
          // One case's failure is logged and left for the next sweep; the others go on.
          this.logger.error({ err: error, caseId: id, ruleId: rule.id }, 'an automation failed on one case');
        }
      }
    }
    return applied;
  }

  /**
   * The statement choosing a sweep's cases for a rule: the quietest it has not acted on in their current
   * quiet spell, up to the sweep's limit. Each status is its own branch, `c.status = $n` ordered by last
   * change, so PostgreSQL reads ix_support_case_quiet (status, updated_at) in order and stops at the limit;
   * the branches' few rows are then merged. With `status = ANY(array)` it reads and sorts every match
   * (1,000,000 open cases: 0.9 ms against 161 ms a rule; docs/benchmarks/automation-sweep.md).
   */
  private candidates(rule: AutomationRule, now: Date): { sql: string; params: SqlParams } {
    const params = new SqlParams();
    const ruleId = params.add(rule.id);
    const limit = params.add(AUTOMATION_LIMITS.casesPerSweep);
    const branches = rule.conditions.statuses.map((status) => {
      const where = this.matching({ ...rule.conditions, statuses: [status] }, now, params);
      return `SELECT c.id, c.updated_at FROM support_case c
          WHERE ${where}
            AND NOT EXISTS (SELECT 1 FROM automation_application a
                             WHERE a.rule_id = ${ruleId} AND a.case_id = c.id AND a.quiet_since = c.updated_at)
          ORDER BY c.updated_at, c.id
          LIMIT ${limit}`;
    });
    const sql =
      branches.length === 1
        ? branches[0]!
        : `SELECT id FROM (${branches.map((branch) => `(${branch})`).join(' UNION ALL ')}) quiet
            ORDER BY updated_at, id LIMIT ${limit}`;
    return { sql, params };
  }

  /** Takes the sweep's lease, or renews this replica's; false while another replica holds it. */
  private async lease(): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO automation_lease (name, holder, expires_at) VALUES ('sweep', $1, now() + make_interval(secs => $2))
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE automation_lease.expires_at < now() OR automation_lease.holder = excluded.holder
       RETURNING holder`,
      [this.holder, LEASE_SECONDS],
    )) as unknown[];
    return rows.length > 0;
  }

  /** The open cases a rule's conditions match at `now`, as SQL over support_case c, its values in `params`. */
  private matching(conditions: AutomationConditions, now: Date, params: SqlParams): string {
    const quietBefore = quietSince(now, conditions.idleBusinessDays, this.settings.timeZone);
    return [
      // One status as one value, so that an index on (status, updated_at) can be read in order.
      conditions.statuses.length === 1
        ? `c.status = ${params.add(conditions.statuses[0])}`
        : `c.status = ANY(${params.add(conditions.statuses)}::text[])`,
      `c.updated_at <= ${params.add(quietBefore)}`,
      ...(conditions.priorities?.length
        ? [`c.priority = ANY(${params.add(conditions.priorities)}::text[])`]
        : []),
      ...(conditions.schoolIds?.length
        ? [`c.school_id = ANY(${params.add(conditions.schoolIds)}::uuid[])`]
        : []),
      ...(conditions.topicIds?.length
        ? [`c.topic_id = ANY(${params.add(conditions.topicIds)}::uuid[])`]
        : []),
      ...(conditions.sla ? [slaMatching(conditions.sla, now, params)] : []),
    ].join(' AND ');
  }

  /** The rule checked, and when active, not a mass change: what it would act on now is bounded. */
  private async checked(input: AutomationInput) {
    const rule = checkAutomationRule(input.name, input.conditions, input.actions);
    if (input.active ?? true) {
      const { count } = await this.preview(rule.conditions);
      if (count > AUTOMATION_LIMITS.casesWhenActivated)
        throw new InvalidInputException(
          `The rule would act on ${count} cases now; narrow it (at most ${AUTOMATION_LIMITS.casesWhenActivated}), or make such a change as a bulk action`,
          [{ path: 'conditions', message: `matches ${count} cases` }],
          'RULE_TOO_BROAD',
        );
    }
    return rule;
  }
}

/**
 * The SLA condition over the unmet timers the cases service keeps (`case_sla_alert`, ADR 16), as
 * `slaConditionMet` tests it in the case's transaction.
 */
function slaMatching(sla: SlaCondition, now: Date, params: SqlParams): string {
  const kinds = params.add(sla.timerKinds?.length ? sla.timerKinds : [...SLA_TIMER_KINDS]);
  const state =
    sla.state === 'BREACHED'
      ? 'a.breached_at IS NOT NULL'
      : `a.breached_at IS NULL AND a.due_at <= ${params.add(new Date(now.getTime() + (sla.withinHours ?? 0) * 3_600_000))}`;
  return `EXISTS (SELECT 1 FROM case_sla_alert a WHERE a.case_id = c.id AND a.timer_kind = ANY(${kinds}::text[]) AND ${state})`;
}

interface RuleRow {
  id: string;
  name: string;
  active: boolean;
  conditions: AutomationConditions;
  actions: AutomationAction[];
  applied_count: number;
  last_applied_at: Date | null;
  updated_at: Date;
}

function toRule(row: RuleRow): AutomationRule {
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    conditions: row.conditions,
    actions: row.actions,
    appliedCount: row.applied_count,
    lastAppliedAt: row.last_applied_at,
    updatedAt: row.updated_at,
  };
}
