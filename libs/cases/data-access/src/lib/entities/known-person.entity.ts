import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The directory's people as its events describe them: kind, schools, and keyed hashes of their emails and
 * phones (never the addresses themselves), so intake can recognise a requester without calling it.
 */
@Entity({ name: 'known_person' })
export class KnownPersonEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'uuid', array: true })
  schoolIds!: string[];

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'text', array: true })
  contactKeys!: string[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
