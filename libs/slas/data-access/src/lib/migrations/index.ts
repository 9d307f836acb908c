import { CreateMessagingTables1764150000000 } from '@homeroom/platform/messaging';
import { CreateSlas1764400000000 } from './1764400000000-create-slas.migration';
import { SlaCaseRequesterKind1764500000000 } from './1764500000000-sla-case-requester-kind.migration';
import { SlaFigures1765000000000 } from './1765000000000-sla-figures.migration';
import { SlaFiguresByPeriod1765100000000 } from './1765100000000-sla-figures-by-period.migration';
import { SlaFiguresByWeek1765200000000 } from './1765200000000-sla-figures-by-week.migration';

/** In timestamp order; immutable once merged. */
export const SLAS_MIGRATIONS = [
  CreateMessagingTables1764150000000,
  CreateSlas1764400000000,
  SlaCaseRequesterKind1764500000000,
  SlaFigures1765000000000,
  SlaFiguresByPeriod1765100000000,
  SlaFiguresByWeek1765200000000,
];
