import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MembershipRole } from '@homeroom/directory/domain';

@Entity({ name: 'school_membership' })
export class SchoolMembershipEntity {
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @PrimaryColumn({ type: 'uuid' })
  schoolId!: string;

  @PrimaryColumn({ type: 'text' })
  role!: MembershipRole;

  /** A student's grade ("KG", "05"), as OneRoster writes it. */
  @Column({ type: 'text', nullable: true })
  grade!: string | null;
}
