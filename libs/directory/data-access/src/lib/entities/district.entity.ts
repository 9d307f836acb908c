import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The one district this deployment serves. */
@Entity({ name: 'district' })
export class DistrictEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  timeZone!: string;

  /** BCP 47 tags of the languages the district serves families in, the first being the default. */
  @Column({ type: 'text', array: true })
  languages!: string[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
