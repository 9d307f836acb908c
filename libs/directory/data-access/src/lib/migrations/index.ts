import { CreateMessagingTables1764150000000 } from '@homeroom/platform/messaging';
import { CreateDirectory1764160000000 } from './1764160000000-create-directory.migration';
import { CreateSignIn1764170000000 } from './1764170000000-create-sign-in.migration';
import { ApiClientLastUsed1765000000000 } from './1765000000000-api-client-last-used.migration';
import { SignInThrottle1766000000000 } from './1766000000000-sign-in-throttle.migration';
import { RosterImportJobs1767000000000 } from './1767000000000-roster-import-jobs.migration';
import { SmsConsent1768000000000 } from './1768000000000-sms-consent.migration';
import { TranslatorLanguages1769000000000 } from './1769000000000-translator-languages.migration';

/** In order; immutable once merged. */
export const DIRECTORY_MIGRATIONS = [
  CreateMessagingTables1764150000000,
  CreateDirectory1764160000000,
  CreateSignIn1764170000000,
  ApiClientLastUsed1765000000000,
  SignInThrottle1766000000000,
  RosterImportJobs1767000000000,
  SmsConsent1768000000000,
  TranslatorLanguages1769000000000,
];
