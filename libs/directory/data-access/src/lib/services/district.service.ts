import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { normalizeLanguageTag, normalizeTimeZone } from '@homeroom/shared/contact';
import { DistrictEntity } from '../entities';

@Injectable()
export class DistrictService {
  constructor(private readonly dataSource: DataSource) {}

  async get(): Promise<DistrictEntity | null> {
    return this.dataSource.getRepository(DistrictEntity).findOne({ where: {}, order: { updatedAt: 'ASC' } });
  }

  /** The deployment's one district: created the first time, updated after. */
  async save(input: { name: string; timeZone: string; languages: string[] }): Promise<DistrictEntity> {
    const repository = this.dataSource.getRepository(DistrictEntity);
    const district = (await this.get()) ?? repository.create();
    Object.assign(district, {
      name: input.name.trim(),
      timeZone: normalizeTimeZone(input.timeZone),
      languages: input.languages.map((tag, index) => normalizeLanguageTag(tag, `languages.${index}`)),
    });
    return repository.save(district);
  }
}
