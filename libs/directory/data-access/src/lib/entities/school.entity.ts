import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { SchoolType } from '@homeroom/directory/domain';

export interface PostalAddress {
  line1: string;
  line2?: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

@Entity({ name: 'school' })
export class SchoolEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The district's short code ("LIN"); unique. */
  @Column({ type: 'text' })
  code!: string;

  /** The federal NCES school id, when the school has one. */
  @Column({ type: 'text', nullable: true })
  ncesId!: string | null;

  @Column({ type: 'text' })
  type!: SchoolType;

  /** Lowest and highest grade served, as OneRoster writes them ("PK", "KG", "01" … "12"). */
  @Column({ type: 'text', nullable: true })
  lowestGrade!: string | null;

  @Column({ type: 'text', nullable: true })
  highestGrade!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  address!: PostalAddress | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text' })
  timeZone!: string;

  @Column({ type: 'uuid', nullable: true })
  principalId!: string | null;

  /** The SIS's id for the school (OneRoster `sourcedId` of the org). */
  @Column({ type: 'text', nullable: true })
  sourcedId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
