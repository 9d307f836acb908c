import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EscalationPolicyEntity } from '../entities/escalation-policy.entity';

export type EscalationTrigger = 'SLA_WARNING' | 'SLA_BREACHED';

export interface EscalationPolicyInput {
  trigger: EscalationTrigger;
  raisePriority: boolean;
  reassignTeamId: string | null;
  notifyPersonIds: string[];
}

/** What happens to a case when an SLA warns or breaches: one policy per trigger, the district's. */
@Injectable()
export class EscalationPolicyService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<EscalationPolicyEntity[]> {
    return this.dataSource.getRepository(EscalationPolicyEntity).find({ order: { trigger: 'ASC' } });
  }

  /** Sets the trigger's policy (a supervisor named twice is notified once). */
  async set(input: EscalationPolicyInput): Promise<EscalationPolicyInput> {
    const policy = { ...input, notifyPersonIds: [...new Set(input.notifyPersonIds)] };
    await this.dataSource.getRepository(EscalationPolicyEntity).upsert(policy, ['trigger']);
    return policy;
  }
}
