import type { CreateSchoolInput, SchoolType } from '../operations.generated';

/** The school types the API knows, in the order a district thinks of them, with their names. */
export const SCHOOL_TYPES: readonly { type: SchoolType; name: string }[] = [
  { type: 'ELEMENTARY', name: 'Elementary' },
  { type: 'MIDDLE', name: 'Middle' },
  { type: 'HIGH', name: 'High' },
  { type: 'K8', name: 'K–8' },
  { type: 'K12', name: 'K–12' },
  { type: 'ALTERNATIVE', name: 'Alternative' },
  { type: 'OTHER', name: 'Other' },
];

/** Grades as the directory (and OneRoster) writes them, lowest first. */
export const GRADES = [
  'PK',
  'KG',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
] as const;

/** Time zones offered as suggestions; any IANA zone is accepted. */
export const COMMON_TIME_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
] as const;

/** What the "Add a school" form holds, as typed. */
export interface SchoolForm {
  name: string;
  code: string;
  type: SchoolType | '';
  lowestGrade: string;
  highestGrade: string;
  timeZone: string;
  phone: string;
  ncesId: string;
}

export type SchoolFormResult =
  { input: CreateSchoolInput; problems?: never } | { input?: never; problems: string[] };

/**
 * The form as CreateSchoolInput, trimmed, empty optional fields left out; or, before anything is sent,
 * what is missing or wrong, in words.
 */
export function schoolInput(form: SchoolForm): SchoolFormResult {
  const problems: string[] = [];
  const name = form.name.trim();
  const code = form.code.trim();
  if (!name) problems.push('Enter the school’s name.');
  if (!code) problems.push('Enter the district’s short code for the school.');
  if (!form.type) problems.push('Choose the type of school.');
  const timeZone = canonicalTimeZone(form.timeZone.trim());
  if (!timeZone) problems.push('Enter a time zone such as America/Chicago.');
  const lowest = gradeIndex(form.lowestGrade);
  const highest = gradeIndex(form.highestGrade);
  if (lowest !== null && highest !== null && lowest > highest)
    problems.push('The lowest grade comes after the highest grade.');
  if (problems.length || !form.type || !timeZone) return { problems };
  return {
    input: {
      name,
      code,
      type: form.type,
      timeZone,
      ...(form.lowestGrade ? { lowestGrade: form.lowestGrade } : {}),
      ...(form.highestGrade ? { highestGrade: form.highestGrade } : {}),
      ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      ...(form.ncesId.trim() ? { ncesId: form.ncesId.trim() } : {}),
    },
  };
}

/** "PK–5", "K only", "from 6", "Not set": the grades a school serves, as people say them. */
export function describeGrades(lowest: string | null, highest: string | null): string {
  if (!lowest && !highest) return 'Not set';
  if (lowest && highest)
    return lowest === highest ? `${gradeName(lowest)} only` : `${gradeName(lowest)}–${gradeName(highest)}`;
  return lowest ? `from ${gradeName(lowest)}` : `up to ${gradeName(highest!)}`;
}

/** "K–8" for K8: a type's name; the code itself when the API adds a type this screen does not know. */
export function schoolTypeName(type: SchoolType): string {
  return SCHOOL_TYPES.find((option) => option.type === type)?.name ?? type;
}

/** Deactivating a school (it keeps its history, takes no new cases) or reactivating it. */
export type SchoolAction = 'deactivate' | 'reactivate';

/** "Deactivate Lincoln Elementary", "Reactivate Lincoln Elementary": the action, for its buttons. */
export function schoolActionName(action: SchoolAction, schoolName: string): string {
  return `${action === 'deactivate' ? 'Deactivate' : 'Reactivate'} ${schoolName}`;
}

/** The zone's canonical IANA name ("america/chicago" becomes "America/Chicago"), or null when unknown. */
export function canonicalTimeZone(zone: string): string | null {
  if (!zone) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function gradeName(grade: string): string {
  if (grade === 'KG') return 'K';
  return /^\d+$/.test(grade) ? String(Number(grade)) : grade;
}

function gradeIndex(grade: string): number | null {
  const index = (GRADES as readonly string[]).indexOf(grade);
  return index === -1 ? null : index;
}
