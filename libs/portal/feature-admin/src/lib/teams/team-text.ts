import type {
  CreateTeamInput,
  StaffRole,
  StaffRoleInput,
  TeamMemberInput,
  UpdateTeamInput,
} from '../operations.generated';

/**
 * The staff roles, what each lets a person do, and where it applies: the district administrator is
 * district-wide, the school administrator is of one school, agents and viewers either.
 */
export const STAFF_ROLES: readonly {
  role: StaffRole;
  name: string;
  scope: 'district' | 'school' | 'either';
  /** Where it applies, in words. */
  reach: string;
  what: string;
}[] = [
  {
    role: 'DISTRICT_ADMIN',
    name: 'District administrator',
    scope: 'district',
    reach: 'district-wide',
    what: 'every school and case (confidential ones too), people, roles and these settings',
  },
  {
    role: 'SCHOOL_ADMIN',
    name: 'School administrator',
    scope: 'school',
    reach: 'of one school',
    what: 'the school’s cases and its teams',
  },
  {
    role: 'AGENT',
    name: 'Agent',
    scope: 'either',
    reach: 'of a school or district-wide',
    what: 'answers cases: the school’s, or district-wide those assigned to them and their teams',
  },
  {
    role: 'VIEWER',
    name: 'Viewer',
    scope: 'either',
    reach: 'of a school or district-wide',
    what: 'reads cases and reports, changes nothing',
  },
];

/** One role held, the school null for the whole district. */
export interface Grant {
  role: StaffRole;
  schoolId: string | null;
}

/** Why this role cannot be given with this school ('' for the whole district); null when it can. */
export function grantProblem(role: StaffRole | '', schoolId: string): string | null {
  const definition = STAFF_ROLES.find((option) => option.role === role);
  if (!definition) return 'Choose a role.';
  if (definition.scope === 'district' && schoolId)
    return 'A district administrator is one for the whole district: choose “The whole district”.';
  if (definition.scope === 'school' && !schoolId) return 'A school administrator needs a school.';
  return null;
}

/** The grants with one more, unless it is held already. */
export function addGrant(grants: readonly Grant[], grant: Grant): Grant[] {
  return grants.some((held) => held.role === grant.role && held.schoolId === grant.schoolId)
    ? [...grants]
    : [...grants, grant];
}

/** "School administrator at Lincoln Elementary", "Agent for the whole district". */
export function describeGrant(grant: Grant, schoolNames: ReadonlyMap<string, string>): string {
  const name = STAFF_ROLES.find((option) => option.role === grant.role)?.name ?? grant.role;
  if (grant.role === 'DISTRICT_ADMIN' && !grant.schoolId) return name;
  return grant.schoolId
    ? `${name} at ${schoolNames.get(grant.schoolId) ?? 'a school no longer listed'}`
    : `${name} for the whole district`;
}

/** Every role a staff member holds, in words; what holding none means. */
export function describeGrants(grants: readonly Grant[], schoolNames: ReadonlyMap<string, string>): string {
  return grants.length
    ? grants.map((grant) => describeGrant(grant, schoolNames)).join('; ')
    : 'No roles (cannot use the staff portal)';
}

/** The roles a staff member holds now, as the roles editor holds them. */
export function grantsOf(person: {
  staffRoles: readonly { role: StaffRole; school: { id: string } | null }[];
}): Grant[] {
  return person.staffRoles.map((grant) => ({ role: grant.role, schoolId: grant.school?.id ?? null }));
}

/** A person's primary email address (else their first); empty when they have none. */
export function primaryEmail(person: { emails: readonly { address: string; primary: boolean }[] }): string {
  return (person.emails.find((email) => email.primary) ?? person.emails[0])?.address ?? '';
}

/** The grants as setStaffRoles takes them: the school left out for the whole district. */
export function rolesInput(grants: readonly Grant[]): StaffRoleInput[] {
  return grants.map((grant) =>
    grant.schoolId ? { role: grant.role, schoolId: grant.schoolId } : { role: grant.role },
  );
}

/**
 * "Lincoln Elementary · School office", "District team": where a team works, by the names of its school
 * and department ("A school" for one no longer listed).
 */
export function teamPlace(
  team: { schoolId: string | null; departmentId: string | null },
  schoolNames: ReadonlyMap<string, string>,
  departmentNames: ReadonlyMap<string, string>,
): string {
  return [
    team.schoolId ? (schoolNames.get(team.schoolId) ?? 'A school') : 'District team',
    team.departmentId ? departmentNames.get(team.departmentId) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "Available", "Not taking cases", "Out of office until Mar 10, 2026": a member's state for routing. */
export function availabilityText(
  member: { available: boolean; outOfOfficeUntil: string | null },
  now: Date,
): string {
  if (member.outOfOfficeUntil && new Date(member.outOfOfficeUntil) > now)
    return `Out of office until ${new Date(member.outOfOfficeUntil).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
    })}`;
  return member.available ? 'Available' : 'Not taking cases';
}

/** A stored out-of-office end as the date field shows it (local YYYY-MM-DD); empty once it has passed. */
export function backOnField(outOfOfficeUntil: string | null, now: Date): string {
  if (!outOfOfficeUntil) return '';
  const until = new Date(outOfOfficeUntil);
  if (Number.isNaN(until.getTime()) || until <= now) return '';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${until.getFullYear()}-${pad(until.getMonth() + 1)}-${pad(until.getDate())}`;
}

/** A member as the members form holds them. */
export interface MemberDraft {
  personId: string;
  name: string;
  available: boolean;
  /** YYYY-MM-DD, the day they are back; empty when not out of office. */
  backOn: string;
}

export type MembersResult =
  { input: TeamMemberInput[]; problems?: never } | { input?: never; problems: string[] };

/**
 * The members as setTeamMembers takes them: out of office until the start of the day they are back, in
 * this browser's time; or, before sending, a return date that is not a date or has passed.
 */
export function membersInput(drafts: readonly MemberDraft[], now: Date): MembersResult {
  const problems: string[] = [];
  const input = drafts.map((draft): TeamMemberInput => {
    if (!draft.backOn)
      return { personId: draft.personId, available: draft.available, outOfOfficeUntil: null };
    const [year, month, day] = draft.backOn.split('-').map(Number);
    const backOn = new Date(year!, month! - 1, day);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.backOn) || Number.isNaN(backOn.getTime())) {
      problems.push(`The date ${draft.name} is back is not a date.`);
      return { personId: draft.personId, available: draft.available, outOfOfficeUntil: null };
    }
    if (backOn <= now)
      problems.push(`The date ${draft.name} is back has passed: clear it or choose a later one.`);
    return { personId: draft.personId, available: draft.available, outOfOfficeUntil: backOn.toISOString() };
  });
  return problems.length ? { problems } : { input };
}

export type TeamResult = { input: CreateTeamInput; problems?: never } | { input?: never; problems: string[] };

/** The new-team form as CreateTeamInput, no school or department when none is chosen. */
export function teamInput(form: { name: string; schoolId: string; departmentId: string }): TeamResult {
  const name = form.name.trim();
  if (!name) return { problems: ['Enter the team’s name.'] };
  return {
    input: { name, schoolId: form.schoolId || null, departmentId: form.departmentId || null, members: [] },
  };
}

/** Where a team works and what it is called, as the rename-or-move form holds it ('' for none). */
export interface TeamPlaceForm {
  name: string;
  schoolId: string;
  departmentId: string;
}

export type TeamChangesResult =
  { input: UpdateTeamInput; problems?: never } | { input?: never; problems: string[] };

/**
 * The rename-or-move form as UpdateTeamInput, only what differs from the team (a district team has no
 * school, none chosen); or, before sending, a missing name or nothing to save.
 */
export function teamChanges(
  team: { name: string; schoolId: string | null; departmentId: string | null },
  form: TeamPlaceForm,
): TeamChangesResult {
  const name = form.name.trim();
  if (!name) return { problems: ['Enter the team’s name.'] };
  const schoolId = form.schoolId || null;
  const departmentId = form.departmentId || null;
  const input: UpdateTeamInput = {
    ...(name !== team.name ? { name } : {}),
    ...(schoolId !== team.schoolId ? { schoolId } : {}),
    ...(departmentId !== team.departmentId ? { departmentId } : {}),
  };
  return Object.keys(input).length
    ? { input }
    : { problems: ['Nothing to save: the name, school and department are as they were.'] };
}

/** The schools a team may move to: the active ones, and the one it works for now even if deactivated. */
export function schoolChoices<School extends { id: string; active: boolean }>(
  schools: readonly School[],
  currentSchoolId: string | null,
): School[] {
  return schools.filter((school) => school.active || school.id === currentSchoolId);
}

/** Switching a team off (routing assigns it nothing) or on again. */
export type TeamAction = 'deactivate' | 'reactivate';

/** "Deactivate Transportation", "Reactivate Transportation": the action on a team, for its buttons. */
export function teamActionName(action: TeamAction, teamName: string): string {
  return `${action === 'deactivate' ? 'Deactivate' : 'Reactivate'} ${teamName}`;
}

/** What an action on a team did, in words, once it is done. */
export function teamActionDone(action: TeamAction, teamName: string): string {
  return action === 'deactivate'
    ? `${teamName} was deactivated: routing assigns its cases to no one until it is reactivated.`
    : `${teamName} was reactivated: routing assigns its cases to its available members again.`;
}

/** What the sign-in will refuse in a new password (the directory's policy), and a mistyped repeat. */
export function passwordProblems(password: string, repeated: string, email: string | null): string[] {
  const problems: string[] = [];
  if (password.length < 12) problems.push('The password needs at least 12 characters.');
  if (password.length > 256) problems.push('The password may have at most 256 characters.');
  if (password.length > 1 && /^(.)\1+$/.test(password)) problems.push('The password repeats one character.');
  const emailName = email?.split('@')[0]?.toLowerCase();
  if (emailName && password.toLowerCase().includes(emailName))
    problems.push('The password contains the staff member’s email name.');
  if (password !== repeated) problems.push('The two passwords differ.');
  return problems;
}
