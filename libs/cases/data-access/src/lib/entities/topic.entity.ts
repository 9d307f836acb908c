import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The two-level topic taxonomy administrators manage: Transportation › Bus delay. */
@Entity({ name: 'topic' })
export class TopicEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
