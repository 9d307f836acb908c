import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A token-signing key pair; the newest active one signs, retired ones stay in the JWKS until tokens expire. */
@Entity({ name: 'signing_key' })
export class SigningKeyEntity {
  @PrimaryColumn({ type: 'text' })
  kid!: string;

  /** The private JWK. In production the database is the secret store's equal: encrypted at rest, backed up. */
  @Column({ type: 'jsonb' })
  privateJwk!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
