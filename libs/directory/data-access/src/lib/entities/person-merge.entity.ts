import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** History of a merge: the merged record as it was, who merged it into which survivor, and when. */
@Entity({ name: 'person_merge' })
export class PersonMergeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  survivorId!: string;

  @Column({ type: 'uuid' })
  mergedId!: string;

  @Column({ type: 'jsonb' })
  mergedSnapshot!: Record<string, unknown>;

  @Column({ type: 'text' })
  mergedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  mergedAt!: Date;
}
