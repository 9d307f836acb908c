import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { RelationshipType } from '@homeroom/directory/domain';

/** A guardian's link to a student, with what the district may do with it. */
@Entity({ name: 'relationship' })
export class RelationshipEntity {
  @PrimaryColumn({ type: 'uuid' })
  guardianId!: string;

  @PrimaryColumn({ type: 'uuid' })
  studentId!: string;

  @Column({ type: 'text' })
  type!: RelationshipType;

  @Column({ type: 'boolean', default: true })
  livesWith!: boolean;

  /** False when a court order or the family's wish keeps information from this guardian. */
  @Column({ type: 'boolean', default: true })
  mayReceiveInformation!: boolean;

  @Column({ type: 'boolean', default: false })
  emergencyContact!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
