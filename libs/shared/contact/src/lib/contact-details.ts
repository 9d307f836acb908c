import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { CONTACT_REASONS, invalidField } from './contact-errors';

export interface EmailAddress {
  address: string;
  primary: boolean;
}

export interface PhoneNumber {
  /** E.164, e.g. +15125550142. */
  number: string;
  primary: boolean;
  type: 'MOBILE' | 'HOME' | 'WORK' | 'OTHER';
}

// Deliberately permissive on the local part (RFC 5321 allows much); strict on shape and domain.
const EMAIL =
  /^[^\s@"<>()[\]\\,;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function normalizeEmail(value: string, path = 'email'): string {
  const address = value.trim();
  if (address.length > 254 || !EMAIL.test(address)) {
    throw invalidField(path, `"${value}" is not an email address`, CONTACT_REASONS.invalidEmail);
  }
  // Domains are case-insensitive; local parts in practice too (every district mail system treats them so).
  return address.toLowerCase();
}

/** Any way a person writes a number ("(512) 555-0142", "+52 55 1234 5678") to E.164. */
export function normalizePhone(value: string, defaultCountry: CountryCode = 'US', path = 'phone'): string {
  const parsed = parsePhoneNumberFromString(value.trim(), defaultCountry);
  if (!parsed || !parsed.isValid()) {
    throw invalidField(path, `"${value}" is not a valid phone number`, CONTACT_REASONS.invalidPhone);
  }
  return parsed.number;
}

/** Exactly one primary among several; a single entry is primary whatever it says. */
export function withOnePrimary<T extends { primary: boolean }>(entries: readonly T[], path: string): T[] {
  if (entries.length === 0) return [];
  if (entries.length === 1) return [{ ...entries[0]!, primary: true }];
  const primaries = entries.filter((entry) => entry.primary).length;
  if (primaries !== 1) {
    throw invalidField(
      path,
      `exactly one of ${path} must be primary (found ${primaries})`,
      CONTACT_REASONS.noPrimaryContact,
    );
  }
  return [...entries];
}

export function normalizeEmails(entries: readonly EmailAddress[]): EmailAddress[] {
  const normalized = entries.map((entry, index) => ({
    address: normalizeEmail(entry.address, `emails.${index}.address`),
    primary: entry.primary,
  }));
  return withOnePrimary(
    dedupe(normalized, (entry) => entry.address),
    'emails',
  );
}

export function normalizePhones(
  entries: readonly PhoneNumber[],
  defaultCountry: CountryCode = 'US',
): PhoneNumber[] {
  const normalized = entries.map((entry, index) => ({
    ...entry,
    number: normalizePhone(entry.number, defaultCountry, `phones.${index}.number`),
  }));
  return withOnePrimary(
    dedupe(normalized, (entry) => entry.number),
    'phones',
  );
}

function dedupe<T extends { primary: boolean }>(entries: T[], key: (entry: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const entry of entries) {
    const existing = byKey.get(key(entry));
    byKey.set(key(entry), existing ? { ...existing, primary: existing.primary || entry.primary } : entry);
  }
  return [...byKey.values()];
}
