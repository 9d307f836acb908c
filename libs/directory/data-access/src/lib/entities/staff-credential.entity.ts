import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A staff member's password for the directory's own sign-in (argon2id). Failed attempts are counted apart,
 * by the sign-in throttle (`sign_in_throttle`), never as a lock on the account.
 */
@Entity({ name: 'staff_credential' })
export class StaffCredentialEntity {
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  passwordSetAt!: Date;
}
