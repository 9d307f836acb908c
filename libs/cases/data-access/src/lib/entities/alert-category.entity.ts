import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An administrator's critical-alert category: words that, in a new case, alert a team at once. */
@Entity({ name: 'alert_category' })
export class AlertCategoryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Folded (see foldForMatching) when saved, so matching compares like with like. */
  @Column({ type: 'text', array: true })
  keywords!: string[];

  /** The team alerted; without one, the school's administrators are. */
  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
