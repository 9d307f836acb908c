import { CreateMessagingTables1764150000000 } from '@homeroom/platform/messaging';
import { CreateSurveys1764600000000 } from './1764600000000-create-surveys.migration';

/** In timestamp order; immutable once merged. */
export const SURVEYS_MIGRATIONS = [CreateMessagingTables1764150000000, CreateSurveys1764600000000];
