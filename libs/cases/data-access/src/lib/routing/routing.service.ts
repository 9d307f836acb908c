import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import type { OutboxWriter } from '@homeroom/platform/messaging';
import { mergeTags, ruleMatches, type RoutingActions, type RoutingConditions } from '@homeroom/cases/domain';
import { type CaseEntity, RoutingRuleEntity } from '../entities';
import { CaseWriter } from '../services/case-writer';

export interface RuleInput {
  name: string;
  conditions: RoutingConditions;
  actions: RoutingActions;
  /** 1-based; the rule is inserted there and the ones after it move down. At the end when omitted. */
  position?: number | null;
}

const SYSTEM = { kind: 'SYSTEM' as const, id: null };

/**
 * Routing: the first active rule (in the order administrators set) that matches a new case sets its team,
 * assignee and priority; a team without an assignee hands the case round-robin to its next available
 * member. The decision and the rule that made it go on the timeline.
 */
@Injectable()
export class RoutingService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<RoutingRuleEntity[]> {
    return this.dataSource.getRepository(RoutingRuleEntity).find({ order: { position: 'ASC' } });
  }

  create(input: RuleInput): Promise<RoutingRuleEntity> {
    if (!input.name.trim())
      throw new InvalidInputException('A rule needs a name', [{ path: 'name', message: 'required' }]);
    const tags = mergeTags([], input.actions.tags ?? []);
    if (!input.actions.teamId && !input.actions.assigneeId && !input.actions.priority && !tags.length) {
      throw new InvalidInputException(
        'A rule must do something',
        [{ path: 'actions', message: 'set a team, an assignee, a priority or tags' }],
        'EMPTY_RULE_ACTIONS',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      // Rules are few and edited rarely: renumber under a lock so positions stay 1..n.
      await manager.query('LOCK TABLE routing_rule IN EXCLUSIVE MODE');
      const count = await manager.count(RoutingRuleEntity);
      const position = Math.min(Math.max(input.position ?? count + 1, 1), count + 1);
      await manager.query('UPDATE routing_rule SET position = position + 1 WHERE position >= $1', [position]);
      return manager.save(
        manager.create(RoutingRuleEntity, {
          id: randomUUID(),
          name: input.name.trim(),
          conditions: input.conditions,
          actions: { ...input.actions, tags },
          position,
          active: true,
        }),
      );
    });
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE routing_rule IN EXCLUSIVE MODE');
      const rule = await manager.findOneBy(RoutingRuleEntity, { id });
      if (!rule) throw new NotFoundException('RoutingRule');
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
    const rule = rules.find((r) => ruleMatches(r.conditions, { ...supportCase, text }));
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
