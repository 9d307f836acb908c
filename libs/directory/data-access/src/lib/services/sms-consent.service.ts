import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SmsConsentChanged } from '@homeroom/cases/contracts';
import { contactKey } from '@homeroom/directory/contracts';
import type { TextMessageConsent } from '@homeroom/directory/domain';
import type { EventData } from '@homeroom/platform/event-contracts';
import { eventHandler, type EventHandler } from '@homeroom/platform/messaging';

/**
 * Keeps what the number said last by the event's own time, whatever order the events arrive in: a newer
 * event replaces the row, an older one changes nothing. At the same instant, opting out wins, so any
 * order of arrival ends with the same answer. A redelivered event finds its own time and changes nothing.
 */
const RECORD = `
  INSERT INTO sms_consent AS c (contact_key, opted_out, keyword, provider_message_id, changed_at)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (contact_key) DO UPDATE
     SET opted_out = EXCLUDED.opted_out,
         keyword = EXCLUDED.keyword,
         provider_message_id = EXCLUDED.provider_message_id,
         changed_at = EXCLUDED.changed_at
   WHERE c.changed_at < EXCLUDED.changed_at
      OR (c.changed_at = EXCLUDED.changed_at AND EXCLUDED.opted_out AND NOT c.opted_out)
  RETURNING contact_key`;

/**
 * The cases service's SmsConsentChanged (cases.case.v1), applied in the consumer's transaction: a number
 * that texted STOP (or START) to the district. Needs nothing but that transaction.
 */
export function smsConsentHandlers(): EventHandler[] {
  return [
    eventHandler(SmsConsentChanged, async ({ data }, manager) => {
      await recordSmsConsent(manager, data);
    }),
  ] as EventHandler[];
}

/** Records what a number said, unless something newer is recorded already; true when the row changed. */
export async function recordSmsConsent(
  manager: EntityManager,
  data: EventData<typeof SmsConsentChanged>,
): Promise<boolean> {
  const changed = (await manager.query(RECORD, [
    data.contactKey,
    data.consent === 'OPTED_OUT',
    data.keyword,
    data.providerMessageId,
    data.at,
  ])) as unknown[];
  return changed.length > 0;
}

/** What each of these numbers (E.164) last said about text messages, in their order: one query for all. */
export async function textMessageConsentOf(
  manager: EntityManager,
  numbers: readonly string[],
): Promise<TextMessageConsent[]> {
  if (numbers.length === 0) return [];
  const keys = numbers.map((number) => contactKey(number));
  const rows = (await manager.query(
    'SELECT contact_key, opted_out FROM sms_consent WHERE contact_key = ANY($1::text[])',
    [[...new Set(keys)]],
  )) as { contact_key: string; opted_out: boolean }[];
  const optedOut = new Map(rows.map((row) => [row.contact_key, row.opted_out]));
  return keys.map((key) => {
    const out = optedOut.get(key);
    return out === undefined ? 'UNKNOWN' : out ? 'OPTED_OUT' : 'OPTED_IN';
  });
}

/**
 * People's consent to text messages, recorded per number (its contact key) from the cases service's
 * SmsConsentChanged: a number that texted STOP is texted by nothing the directory sends (survey
 * invitations) until it texts START.
 */
@Injectable()
export class SmsConsentService {
  constructor(private readonly dataSource: DataSource) {}

  /** What each of these numbers (E.164) last said about text messages, in their order. */
  consentOf(numbers: readonly string[]): Promise<TextMessageConsent[]> {
    return textMessageConsentOf(this.dataSource.manager, numbers);
  }
}
