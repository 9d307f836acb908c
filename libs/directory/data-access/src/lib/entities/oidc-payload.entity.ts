import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the OpenID provider stores (sessions, codes, grants, interactions), one row per model instance. */
@Entity({ name: 'oidc_payload' })
export class OidcPayloadEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @PrimaryColumn({ type: 'text' })
  model!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  grantId!: string | null;

  @Column({ type: 'text', nullable: true })
  userCode!: string | null;

  @Column({ type: 'text', nullable: true })
  uid!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  consumedAt!: Date | null;
}
