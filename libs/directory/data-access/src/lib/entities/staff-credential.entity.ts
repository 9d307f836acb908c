import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A staff member's password for the directory's own sign-in (argon2id), with lockout state. */
@Entity({ name: 'staff_credential' })
export class StaffCredentialEntity {
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'integer', default: 0 })
  failedAttempts!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  passwordSetAt!: Date;
}
