import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The directory's schools as its events describe them: intake validates against this, never calling it. */
@Entity({ name: 'known_school' })
export class KnownSchoolEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  timeZone!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
