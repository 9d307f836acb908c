import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { ContactChannel, PersonKind } from '@homeroom/directory/domain';
import type { EmailAddress, PhoneNumber } from '@homeroom/shared/contact';

@Entity({ name: 'person' })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: PersonKind;

  @Column({ type: 'text' })
  givenName!: string;

  @Column({ type: 'text', nullable: true })
  middleName!: string | null;

  @Column({ type: 'text' })
  familyName!: string;

  /** The name they go by, when it differs from the given name. */
  @Column({ type: 'text', nullable: true })
  preferredName!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  emails!: EmailAddress[];

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  phones!: PhoneNumber[];

  /** Canonical BCP 47 tag. */
  @Column({ type: 'text' })
  preferredLanguage!: string;

  @Column({ type: 'text', nullable: true })
  preferredChannel!: ContactChannel | null;

  /** OneRoster `sourcedId` of the user in the SIS. */
  @Column({ type: 'text', nullable: true })
  sourcedId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  householdId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Set when this record was merged into another; the record stays for history. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  /** Folded names, emails and phone digits (see searchDocument); trigram-indexed. */
  @Column({ type: 'text' })
  searchText!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
