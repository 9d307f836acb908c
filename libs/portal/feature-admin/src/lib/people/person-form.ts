import { personKindName } from '@homeroom/portal/ui';
import type {
  AdminPersonFragment,
  ContactChannel,
  PeopleFilter,
  PersonKind,
  PhoneNumberInput,
  UpdatePersonInput,
} from '../operations.generated';

type Person = AdminPersonFragment;

export const PERSON_KINDS: readonly { kind: PersonKind; name: string }[] = (
  ['STUDENT', 'GUARDIAN', 'STAFF', 'COMMUNITY'] as const
).map((kind) => ({ kind, name: personKindName(kind) }));

export const CONTACT_CHANNELS: readonly { channel: ContactChannel; name: string }[] = [
  { channel: 'EMAIL', name: 'Email' },
  { channel: 'SMS', name: 'Text message' },
  { channel: 'PHONE', name: 'Phone call' },
  { channel: 'MAIL', name: 'Mail' },
];

/** The directory search as typed. */
export interface SearchForm {
  search: string;
  kind: PersonKind | '';
  schoolId: string;
  includeInactive: boolean;
}

/** The search form as the API's PeopleFilter: empty fields set no condition. */
export function peopleFilter(form: SearchForm): PeopleFilter {
  return {
    search: form.search.trim() || null,
    kind: form.kind || null,
    schoolId: form.schoolId || null,
    includeInactive: form.includeInactive,
  };
}

/** The fields of a person an administrator may edit (UpdatePersonInput), as the edit form holds them. */
export interface PersonEditForm {
  givenName: string;
  middleName: string;
  familyName: string;
  preferredName: string;
  preferredLanguage: string;
  preferredChannel: ContactChannel | '';
  /** One address a line; the first is the primary one. */
  emails: string;
  /** One number a line; the first is the primary one. */
  phones: string;
}

/** The edit form filled with the person's current details, primary email and phone first. */
export function editFormOf(person: Person): PersonEditForm {
  return {
    givenName: person.givenName,
    middleName: person.middleName ?? '',
    familyName: person.familyName,
    preferredName: person.preferredName ?? '',
    preferredLanguage: person.preferredLanguage,
    preferredChannel: person.preferredChannel ?? '',
    emails: primaryFirst(person.emails)
      .map((email) => email.address)
      .join('\n'),
    phones: primaryFirst(person.phones)
      .map((phone) => phone.number)
      .join('\n'),
  };
}

export type PersonUpdateResult =
  { input: UpdatePersonInput; problems?: never } | { input?: never; problems: string[] };

/**
 * What changed in the edit form, as UpdatePersonInput: only the fields that differ (omitted fields stay),
 * null to clear an optional one. Emails and phones are sent whole when either list changed, the first line
 * primary; a number already on record keeps its type, a new one is a mobile. Or, before sending, what is
 * wrong in words.
 */
export function personUpdate(person: Person, form: PersonEditForm): PersonUpdateResult {
  const problems: string[] = [];
  const givenName = form.givenName.trim();
  const familyName = form.familyName.trim();
  const preferredLanguage = form.preferredLanguage.trim();
  if (!givenName) problems.push('Enter a given name.');
  if (!familyName) problems.push('Enter a family name.');
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(preferredLanguage))
    problems.push('Enter the preferred language as a language tag, such as en, es or zh-Hant.');
  const emails = lines(form.emails);
  const badEmails = emails.filter((address) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address));
  if (badEmails.length) problems.push(`These are not email addresses: ${badEmails.join(', ')}.`);
  const phones = lines(form.phones);
  const badPhones = phones.filter((number) => digits(number).length < 7);
  if (badPhones.length) problems.push(`These are not phone numbers: ${badPhones.join(', ')}.`);
  if (problems.length) return { problems };

  const input: UpdatePersonInput = {};
  if (givenName !== person.givenName) input.givenName = givenName;
  if (familyName !== person.familyName) input.familyName = familyName;
  if (changed(form.middleName, person.middleName)) input.middleName = form.middleName.trim() || null;
  if (changed(form.preferredName, person.preferredName))
    input.preferredName = form.preferredName.trim() || null;
  if (preferredLanguage !== person.preferredLanguage) input.preferredLanguage = preferredLanguage;
  if ((form.preferredChannel || null) !== person.preferredChannel)
    input.preferredChannel = form.preferredChannel || null;
  const currentEmails = primaryFirst(person.emails).map((email) => email.address.toLowerCase());
  const newEmails = unique(emails, (address) => address.toLowerCase());
  if (
    !sameList(
      newEmails.map((address) => address.toLowerCase()),
      currentEmails,
    )
  )
    input.emails = newEmails.map((address, index) => ({ address, primary: index === 0 }));
  const currentPhones = primaryFirst(person.phones);
  const newPhones = unique(phones, digits);
  const samePhones =
    newPhones.length === currentPhones.length &&
    newPhones.every((number, index) => sameNumber(number, currentPhones[index]!.number));
  if (!samePhones)
    input.phones = newPhones.map((number, index): PhoneNumberInput => ({
      number,
      primary: index === 0,
      type: currentPhones.find((phone) => sameNumber(phone.number, number))?.type ?? 'MOBILE',
    }));
  if (Object.keys(input).length === 0) return { problems: ['Nothing has changed.'] };
  return { input };
}

/**
 * "Guardian · maria@example.org · Lincoln Elementary": what tells a record apart from another of the same
 * name, for lists and for the merge confirmation.
 */
export function describePerson(person: Person): string {
  const kind = personKindName(person.kind);
  const contact = primaryFirst(person.emails)[0]?.address ?? primaryFirst(person.phones)[0]?.number;
  const schools = unique(
    person.schools.map((membership) => membership.school.name),
    (name) => name,
  );
  return [
    kind,
    contact ?? 'no email or phone',
    schools.length ? schools.join(', ') : null,
    person.sourcedId ? `SIS id ${person.sourcedId}` : null,
    person.mergedIntoId ? 'merged' : person.active ? null : 'inactive',
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

export type MergePlan =
  { problem: string; summary?: never; action?: never } | { problem?: never; summary: string; action: string };

/**
 * Whether the duplicate can be merged into the survivor and, when it can, the confirmation in words: which
 * record survives, which goes, and what moves.
 */
export function mergePlan(duplicate: Person, survivor: Person): MergePlan {
  if (duplicate.id === survivor.id)
    return {
      problem: 'The duplicate and the record to keep are the same record: choose two different records.',
    };
  for (const person of [duplicate, survivor])
    if (person.mergedIntoId)
      return {
        problem: `${person.displayName} (${describePerson(person)}) was already merged into another record.`,
      };
  if (duplicate.kind !== survivor.kind) {
    const kindOf = (person: Person) => personKindName(person.kind).toLowerCase();
    return {
      problem: `Only records of the same kind can be merged: ${duplicate.displayName} is a ${kindOf(duplicate)}, ${survivor.displayName} a ${kindOf(survivor)}.`,
    };
  }
  return {
    summary:
      `${survivor.displayName} (${describePerson(survivor)}) survives and keeps its name and details. ` +
      `${duplicate.displayName} (${describePerson(duplicate)}) is merged into it: its emails, phones, ` +
      `student-system id, schools, family links, staff roles and team places move to the surviving record, ` +
      `and it is deactivated. A merge cannot be undone here.`,
    action: `Merge ${duplicate.displayName} into ${survivor.displayName}`,
  };
}

function primaryFirst<T extends { primary: boolean }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(b.primary) - Number(a.primary));
}

function lines(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function digits(number: string): string {
  return number.replace(/\D/g, '');
}

/** The same number in another format: +1 512 555 0142 and (512) 555-0142. */
function sameNumber(a: string, b: string): boolean {
  const [x, y] = [digits(a), digits(b)];
  return x === y || (x.length >= 10 && y.length >= 10 && x.slice(-10) === y.slice(-10));
}

function changed(field: string, current: string | null): boolean {
  return (field.trim() || null) !== (current ?? null);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
