import { CreateMessagingTables1764150000000 } from '@homeroom/platform/messaging';
import { CreateCases1764180000000 } from './1764180000000-create-cases.migration';
import { CreateRouting1764190000000 } from './1764190000000-create-routing.migration';
import { CreateEscalation1764200000000 } from './1764200000000-create-escalation.migration';

/** In order; immutable once merged. */
export const CASES_MIGRATIONS = [
  CreateMessagingTables1764150000000,
  CreateCases1764180000000,
  CreateRouting1764190000000,
  CreateEscalation1764200000000,
];
