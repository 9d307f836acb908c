import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  checkPublicTextCorrection,
  checkPublicTextTarget,
  type PublicLanguage,
} from '@homeroom/shared/public-text';

export interface PublicTextCorrection {
  language: PublicLanguage;
  key: string;
  text: string;
  updatedAt: Date;
}

interface CorrectionRow {
  language: PublicLanguage;
  key: string;
  text: string;
  updated_at: Date;
}

const toCorrection = (row: CorrectionRow): PublicTextCorrection => ({
  language: row.language,
  key: row.key,
  text: row.text,
  updatedAt: row.updated_at,
});

/**
 * The district's corrections of the public pages' words (ADR 33). The shipped words live with the pages
 * (`@homeroom/shared/public-text`); only what the district changed is kept here, so a string the product
 * improves later reaches families unless the district corrected that one.
 */
@Injectable()
export class PublicTextService {
  constructor(private readonly dataSource: DataSource) {}

  /** One language's corrections, or every language's (for the administrators' editor). */
  async corrections(language: PublicLanguage | null): Promise<PublicTextCorrection[]> {
    const rows = (await this.dataSource.query(
      `SELECT language, key, text, updated_at FROM public_text_correction
        WHERE $1::text IS NULL OR language = $1 ORDER BY language, key`,
      [language],
    )) as CorrectionRow[];
    return rows.map(toCorrection);
  }

  /** Keeps a correction (refused as `checkPublicTextCorrection` says), replacing the one before. */
  async correct(language: string, key: string, text: string, by: string): Promise<PublicTextCorrection> {
    const checked = checkPublicTextCorrection(language, key, text);
    const [row] = (await this.dataSource.query(
      `INSERT INTO public_text_correction (language, key, text, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (language, key)
       DO UPDATE SET text = excluded.text, updated_by = excluded.updated_by, updated_at = now()
       RETURNING language, key, text, updated_at`,
      [checked.language, checked.key, checked.text, by],
    )) as CorrectionRow[];
    return toCorrection(row!);
  }

  /** Goes back to the shipped words; false when there was no correction to drop. */
  async reset(language: string, key: string): Promise<boolean> {
    checkPublicTextTarget(language, key);
    const [deleted] = (await this.dataSource.query(
      'DELETE FROM public_text_correction WHERE language = $1 AND key = $2 RETURNING key',
      [language, key],
    )) as [unknown[], number];
    return deleted.length > 0;
  }
}
