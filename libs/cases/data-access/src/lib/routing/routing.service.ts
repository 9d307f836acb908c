import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NotFoundException } from '@homeroom/shared/errors';
import type { OutboxWriter } from '@homeroom/platform/messaging';
import {
  mergeTags,
  ruleMatches,
  validateRoutingRule,
  type RoutingActions,
  type RoutingConditions,
} from '@homeroom/cases/domain';
import { type CaseEntity, RoutingRuleEntity } from '../entities';
import { CaseWriter } from '../services/case-writer';
import { SYSTEM } from '../services/case-actor';

export interface RuleInput {
  name: string;
  conditions: RoutingConditions;
  actions: RoutingActions;
  /** 1-based; the rule is inserted there and the ones after it move down. At the end when omitted. */
  position?: number | null;
}

/** What an edit changes; what is omitted (or null) stays as it is. */
export interface RuleChange {
  name?: string | null;
  conditions?: RoutingConditions | null;
  actions?: RoutingActions | null;
  active?: boolean | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Routing: the first active rule (in the order administrators set) that matches a new case sets its team,
 * assignee and priority; a team without an assignee hands the case round-robin to its next available
 * member; rules sending cases to a team the directory has deactivated are passed over. The decision and
 * the rule that made it go on the timeline.
 */
@Injectable()
export class RoutingService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<RoutingRuleEntity[]> {
    return this.dataSource.getRepository(RoutingRuleEntity).find({ order: { position: 'ASC' } });
  }

  create(input: RuleInput): Promise<RoutingRuleEntity> {
    const rule = validateRoutingRule(input);
    return this.dataSource.transaction(async (manager) => {
      await lockRules(manager);
      const count = await manager.count(RoutingRuleEntity);
      const position = clamp(input.position ?? count + 1, count + 1);
      await manager.query('UPDATE routing_rule SET position = position + 1 WHERE position >= $1', [position]);
      return manager.save(
        manager.create(RoutingRuleEntity, { id: randomUUID(), ...rule, position, active: true }),
      );
    });
  }

  /**
   * Changes what is given and keeps the rest; the rule that results passes the same checks as a new one.
   * Conditions and actions, when given, replace the rule's own whole.
   */
  update(id: string, change: RuleChange): Promise<RoutingRuleEntity> {
    return this.dataSource.transaction(async (manager) => {
      await lockRules(manager);
      const current = await findRule(manager, id);
      const rule = validateRoutingRule({
        name: change.name ?? current.name,
        conditions: change.conditions ?? current.conditions,
        actions: change.actions ?? current.actions,
      });
      return manager.save(Object.assign(current, rule, { active: change.active ?? current.active }));
    });
  }

  /**
   * Moves a rule to a 1-based position (clamped to the ends), the rules between shifting by one, and
   * returns every rule in its new order.
   */
  move(id: string, position: number): Promise<RoutingRuleEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      await lockRules(manager);
      const rule = await findRule(manager, id);
      const target = clamp(position, await manager.count(RoutingRuleEntity));
      if (target < rule.position) {
        await manager.query(
          'UPDATE routing_rule SET position = position + 1 WHERE position >= $1 AND position < $2',
          [target, rule.position],
        );
      } else if (target > rule.position) {
        await manager.query(
          'UPDATE routing_rule SET position = position - 1 WHERE position > $1 AND position <= $2',
          [rule.position, target],
        );
      }
      await manager.update(RoutingRuleEntity, { id }, { position: target });
      return manager.find(RoutingRuleEntity, { order: { position: 'ASC' } });
    });
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockRules(manager);
      const rule = await findRule(manager, id);
      await manager.delete(RoutingRuleEntity, { id });
      await manager.query('UPDATE routing_rule SET position = position - 1 WHERE position > $1', [
        rule.position,
      ]);
    });
  }

  /** Routes a case inside the transaction that opened it. */
  async route(
    manager: EntityManager,
    outbox: OutboxWriter,
    supportCase: CaseEntity,
    text: string,
  ): Promise<void> {
    const rules = await manager.find(RoutingRuleEntity, {
      where: { active: true },
      order: { position: 'ASC' },
    });
    // A rule that would hand the case to a team the directory has deactivated is passed over: the next
    // rule decides, rather than a team no one works in.
    const retired = new Set(
      ((await manager.query('SELECT team_id FROM retired_team')) as { team_id: string }[]).map(
        (row) => row.team_id,
      ),
    );
    const rule = rules.find(
      (r) =>
        !(r.actions.teamId && retired.has(r.actions.teamId)) &&
        ruleMatches(r.conditions, { ...supportCase, text }),
    );
    const writer = new CaseWriter(manager, outbox);
    if (!rule) {
      await writer.timeline(supportCase, 'UNROUTED', SYSTEM, { reason: 'no rule matched' });
      return;
    }
    const { teamId = null, assigneeId = null, priority = null } = rule.actions;
    supportCase.teamId = teamId ?? supportCase.teamId;
    supportCase.priority = priority ?? supportCase.priority;
    supportCase.tags = mergeTags(supportCase.tags, rule.actions.tags ?? []);
    supportCase.assigneeId =
      assigneeId ?? (supportCase.teamId ? await this.nextInRotation(manager, supportCase.teamId) : null);
    await manager.save(supportCase);
    await writer.updated(supportCase);
    await writer.timeline(supportCase, 'ROUTED', SYSTEM, {
      rule: { id: rule.id, name: rule.name, position: rule.position },
      teamId: supportCase.teamId,
      assigneeId: supportCase.assigneeId,
      priority: supportCase.priority,
      tags: supportCase.tags,
    });
  }

  /**
   * The team's next available member after the one who took its last case (in a stable order), or nobody
   * when no one is available; the rotation row's lock keeps two cases from going to the same turn.
   */
  private async nextInRotation(manager: EntityManager, teamId: string): Promise<string | null> {
    const members = (await manager.query(
      'SELECT person_id FROM known_team_member WHERE team_id = $1 AND available ORDER BY person_id',
      [teamId],
    )) as { person_id: string }[];
    if (members.length === 0) return null;
    const [rotation] = (await manager.query(
      'SELECT last_person_id FROM team_rotation WHERE team_id = $1 FOR UPDATE',
      [teamId],
    )) as { last_person_id: string }[];
    const next = members.find((m) => rotation && m.person_id > rotation.last_person_id) ?? members[0]!;
    await manager.query(
      `INSERT INTO team_rotation (team_id, last_person_id) VALUES ($1, $2)
       ON CONFLICT (team_id) DO UPDATE SET last_person_id = EXCLUDED.last_person_id`,
      [teamId, next.person_id],
    );
    return next.person_id;
  }
}

/**
 * Rules are few and edited rarely: every change takes the table so that positions stay 1..n and an edit
 * never overwrites another it did not see. Routing only reads, and waits for no one.
 */
async function lockRules(manager: EntityManager): Promise<void> {
  await manager.query('LOCK TABLE routing_rule IN EXCLUSIVE MODE');
}

/** The rule, under the lock; an id that is not one (not even a UUID) is not found. */
async function findRule(manager: EntityManager, id: string): Promise<RoutingRuleEntity> {
  const rule = UUID.test(id) ? await manager.findOneBy(RoutingRuleEntity, { id }) : null;
  if (!rule) throw new NotFoundException('RoutingRule');
  return rule;
}

/** A 1-based position within 1..last. */
function clamp(position: number, last: number): number {
  return Math.min(Math.max(position, 1), Math.max(last, 1));
}
