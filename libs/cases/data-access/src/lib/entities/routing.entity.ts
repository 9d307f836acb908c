import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RoutingActions, RoutingConditions } from '@homeroom/cases/domain';

/** An administrator's routing rule; the first active rule (by position) that matches a new case decides. */
@Entity({ name: 'routing_rule' })
export class RoutingRuleEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  conditions!: RoutingConditions;

  @Column({ type: 'jsonb' })
  actions!: RoutingActions;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}

/** The directory's teams as their last TeamChanged snapshot describes them: name, school, active. */
@Entity({ name: 'known_team' })
export class KnownTeamEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Null for a district-wide team (a department's). */
  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** The directory's teams' members, from TeamChanged: who is in each and who can take a case now. */
@Entity({ name: 'known_team_member' })
export class KnownTeamMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  teamId!: string;

  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'boolean' })
  available!: boolean;
}
