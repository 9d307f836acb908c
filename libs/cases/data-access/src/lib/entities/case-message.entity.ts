import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { MessageDirection } from '@homeroom/cases/domain';

@Entity({ name: 'case_message' })
export class CaseMessageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  direction!: MessageDirection;

  /** REQUESTER, STAFF (with authorId) or SYSTEM. */
  @Column({ type: 'text' })
  authorKind!: 'REQUESTER' | 'STAFF' | 'CLIENT' | 'SYSTEM';

  @Column({ type: 'text', nullable: true })
  authorId!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
