import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffRole } from '@homeroom/directory/domain';

/** A staff role held district-wide (schoolId null) or at one school. */
@Entity({ name: 'staff_role' })
export class StaffRoleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  role!: StaffRole;

  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
