import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A vendor's API client (OAuth2 client credentials). The secret is kept only as an argon2id hash. */
@Entity({ name: 'api_client' })
export class ApiClientEntity {
  @PrimaryColumn({ type: 'text' })
  clientId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ type: 'text' })
  secretHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  secretRotatedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'text' })
  createdBy!: string;

  /** When the client last got a token (its secret last verified); null if never. */
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
