import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type RollupDefinition, RollupKeeper } from '@homeroom/platform/database';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { INTAKE_SETTINGS, type IntakeSettings } from '../services/case-intake.service';
import { CASE_CONTRIBUTIONS, countCubeSql, durationCubeSql, upsertSql } from './figure-cubes.sql';

/**
 * The cases' reporting rollups (ADR 26): triggers on `support_case` write each change of a case's
 * contribution to `case_figure_change`; the keeper folds them into `case_figures` (counts) and
 * `case_duration_figures` (histograms) every second; `rolledUpFigures` reads both with what is waiting.
 */
export const CASE_FIGURES: RollupDefinition = {
  name: 'case_figures',
  factTable: 'support_case',
  changeTable: 'case_figure_change',
  rollupTables: ['case_figures', 'case_duration_figures'],
  basisTable: 'case_figures_basis',
  contributions: CASE_CONTRIBUTIONS,
  async add(manager, source, timeZone) {
    await manager.query(upsertSql('case_figures', countCubeSql(source, '$1')), [timeZone]);
    await manager.query(upsertSql('case_duration_figures', durationCubeSql(source, '$1')), [timeZone]);
  },
};

/** Keeps the case figures in the district's time zone; rebuilt at start-up when that changed. */
@Injectable()
export class CaseFiguresRollup extends RollupKeeper {
  constructor(
    dataSource: DataSource,
    @Inject(INTAKE_SETTINGS) settings: IntakeSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(dataSource, CASE_FIGURES, settings.timeZone, logger);
  }
}
