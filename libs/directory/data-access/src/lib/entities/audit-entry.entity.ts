import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One read of a student's or guardian's record (FERPA): who, which record, when, through which operation. */
@Entity({ name: 'audit_entry' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  actorKind!: 'user' | 'client';

  @Column({ type: 'text' })
  actorId!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  operation!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
