import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@homeroom/platform/database';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { validatePolicy, type SlaPolicy } from '@homeroom/slas/domain';
import { SlaPolicyEntity, type SlaPolicyDefinition } from '../entities/sla.entities';

export interface SavePolicyInput {
  id?: string | null;
  name: string;
  /** Where it applies in the order; a new policy without one goes last. */
  position?: number | null;
  active?: boolean | null;
  definition: SlaPolicyDefinition;
}

interface PolicyRow {
  id: string;
  name: string;
  position: number;
  definition: SlaPolicyDefinition;
}

function toPolicy(row: PolicyRow): SlaPolicy {
  return validatePolicy({ ...row.definition, id: row.id, name: row.name });
}

/**
 * SLA policies, in order: the first whose conditions hold applies (the last, with none, is the default).
 * Saved only once `validatePolicy` accepts them. Editing a policy applies to cases opened (or re-evaluated)
 * afterwards; running timers keep their targets.
 */
@Injectable()
export class PolicyService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<SlaPolicyEntity[]> {
    return this.dataSource.getRepository(SlaPolicyEntity).find({ order: { position: 'ASC', id: 'ASC' } });
  }

  /** The active policies, validated, in the order they apply. */
  async active(manager: EntityManager): Promise<SlaPolicy[]> {
    const rows = (await manager.query(
      'SELECT id, name, position, definition FROM sla_policy WHERE active ORDER BY position, id',
    )) as PolicyRow[];
    return rows.map(toPolicy);
  }

  /** One policy, active or not (a case keeps the policy it was given). */
  async byId(manager: EntityManager, id: string | null): Promise<SlaPolicy | undefined> {
    if (!id) return undefined;
    const [row] = (await manager.query(
      'SELECT id, name, position, definition FROM sla_policy WHERE id = $1',
      [id],
    )) as PolicyRow[];
    return row ? toPolicy(row) : undefined;
  }

  /** Creates or replaces a policy; refuses (nothing written) with the domain's reasons. */
  save(input: SavePolicyInput): Promise<SlaPolicyEntity> {
    const id = input.id ?? randomUUID();
    const name = input.name?.trim() ?? '';
    const policy = validatePolicy({ ...input.definition, id, name });
    if (!name) {
      throw new InvalidInputException(
        'A policy needs a name',
        [{ path: 'name', message: 'required' }],
        'NAME_REQUIRED',
      );
    }
    if (input.position !== undefined && input.position !== null && !Number.isInteger(input.position)) {
      throw new InvalidInputException(
        'Invalid position',
        [{ path: 'position', message: 'a whole number' }],
        'INVALID_POSITION',
      );
    }
    return inTransaction(this.dataSource, async (manager) => {
      const [existing] = (await manager.query(
        'SELECT position, active FROM sla_policy WHERE id = $1 FOR UPDATE',
        [id],
      )) as { position: number; active: boolean }[];
      if (input.id && !existing) throw new NotFoundException('SLA policy');
      const [counted] = (await manager.query(
        'SELECT coalesce(max(position), -1) + 1 AS next FROM sla_policy',
      )) as { next: number }[];
      const position = input.position ?? existing?.position ?? Number(counted!.next);
      const active = input.active ?? existing?.active ?? true;
      const definition: SlaPolicyDefinition = {
        conditions: { ...policy.conditions },
        targets: { ...policy.targets },
        clock: policy.clock,
        warnAtPercent: policy.warnAtPercent,
        pausedStatuses: [...policy.pausedStatuses],
      };
      await manager.query(
        `INSERT INTO sla_policy (id, position, name, definition, active) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, name = EXCLUDED.name,
           definition = EXCLUDED.definition, active = EXCLUDED.active`,
        [id, position, name, JSON.stringify(definition), active],
      );
      return Object.assign(new SlaPolicyEntity(), { id, position, name, definition, active });
    });
  }

  /** Removes a policy; cases that had it keep their timers (and report it by id). */
  async delete(id: string): Promise<boolean> {
    const [gone] = (await this.dataSource.query(
      'WITH gone AS (DELETE FROM sla_policy WHERE id = $1 RETURNING id) SELECT count(*)::int AS n FROM gone',
      [id],
    )) as { n: number }[];
    return gone!.n > 0;
  }
}
