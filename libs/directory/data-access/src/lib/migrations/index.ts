import { CreateMessagingTables1764150000000 } from '@homeroom/platform/messaging';
import { CreateDirectory1764160000000 } from './1764160000000-create-directory.migration';

/** In order; immutable once merged. */
export const DIRECTORY_MIGRATIONS = [CreateMessagingTables1764150000000, CreateDirectory1764160000000];
