import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What an administrator wants done when an SLA warns or breaches. */
@Entity({ name: 'escalation_policy' })
export class EscalationPolicyEntity {
  @PrimaryColumn({ type: 'text' })
  trigger!: 'SLA_WARNING' | 'SLA_BREACHED';

  /** Raise the priority one step (LOW → NORMAL → HIGH → URGENT). */
  @Column({ type: 'boolean' })
  raisePriority!: boolean;

  /** Move the case to this team (and its rotation). */
  @Column({ type: 'uuid', nullable: true })
  reassignTeamId!: string | null;

  /** People to tell (a supervisor): announced in a CaseEscalated event for the notification service. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  notifyPersonIds!: string[];
}
