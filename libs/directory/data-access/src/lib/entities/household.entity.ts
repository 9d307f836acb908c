import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PostalAddress } from './school.entity';

@Entity({ name: 'household' })
export class HouseholdEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb', nullable: true })
  address!: PostalAddress | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
