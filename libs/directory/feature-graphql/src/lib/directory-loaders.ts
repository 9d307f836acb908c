import { Injectable } from '@nestjs/common';
import { perRequest } from '@homeroom/platform/graphql';
import DataLoader from 'dataloader';
import {
  HouseholdEntity,
  PersonService,
  RelationshipService,
  SchoolService,
  SmsConsentService,
  StaffRoleService,
  TeamService,
  TranslatorLanguageService,
  type PersonEntity,
  type RelationshipEntity,
  type SchoolEntity,
  type SchoolMembershipEntity,
  type StaffRoleEntity,
  type PersonVisibility,
  type TeamMemberEntity,
} from '@homeroom/directory/data-access';
import type { TextMessageConsent } from '@homeroom/directory/domain';
import { principalOf } from '@homeroom/platform/auth';
import { visibilityOf } from './access';
import { DataSource, In } from 'typeorm';

export interface Loaders {
  school: DataLoader<string, SchoolEntity | null>;
  person: DataLoader<string, PersonEntity | null>;
  /**
   * The person, when the caller may see them (null otherwise): what every read through a relation uses
   * (guardians, students, household and team members, a school's principal), so a relation never shows
   * someone the caller could not open directly.
   */
  visiblePerson: DataLoader<string, PersonEntity | null>;
  memberships: DataLoader<string, SchoolMembershipEntity[]>;
  guardiansOf: DataLoader<string, RelationshipEntity[]>;
  studentsOf: DataLoader<string, RelationshipEntity[]>;
  staffRoles: DataLoader<string, StaffRoleEntity[]>;
  /** The languages each staff member is a qualified translator for (ADR 32). */
  translatorLanguages: DataLoader<string, string[]>;
  teamMembers: DataLoader<string, TeamMemberEntity[]>;
  household: DataLoader<string, HouseholdEntity | null>;
  /** What each phone number (E.164) last said about text messages: one query for every phone asked about. */
  textMessages: DataLoader<string, TextMessageConsent>;
}

/**
 * Per-request batching, so a page of 100 people with their schools and guardians costs a handful of
 * queries, not hundreds. The loaders live on the request object and die with it.
 */
@Injectable()
export class DirectoryLoaders {
  constructor(
    private readonly schools: SchoolService,
    private readonly people: PersonService,
    private readonly relationships: RelationshipService,
    private readonly staffRoles: StaffRoleService,
    private readonly teams: TeamService,
    private readonly smsConsent: SmsConsentService,
    private readonly dataSource: DataSource,
    private readonly translators: TranslatorLanguageService,
  ) {}

  readonly for = perRequest((request) => this.create(visibilityOf(principalOf(request))));

  private create(visibility: PersonVisibility): Loaders {
    const person = new DataLoader<string, PersonEntity | null>(async (ids) =>
      byId(ids, await this.people.findByIds(ids)),
    );
    return {
      school: new DataLoader(async (ids) => byId(ids, await this.schools.findByIds(ids))),
      person,
      visiblePerson: new DataLoader(async (ids) => {
        const [people, visible] = await Promise.all([
          person.loadMany(ids),
          this.people.visibleIds(ids, visibility),
        ]);
        return people.map((found, i) =>
          found && !(found instanceof Error) && visible.has(ids[i]!) ? found : null,
        );
      }),
      memberships: new DataLoader(async (ids) =>
        groupBy(ids, await this.people.memberships(ids), (m) => m.personId),
      ),
      guardiansOf: new DataLoader(async (ids) =>
        groupBy(ids, await this.relationships.forStudents(ids), (r) => r.studentId),
      ),
      studentsOf: new DataLoader(async (ids) =>
        groupBy(ids, await this.relationships.forGuardians(ids), (r) => r.guardianId),
      ),
      staffRoles: new DataLoader(async (ids) =>
        groupBy(ids, await this.staffRoles.forPeople(ids), (r) => r.personId),
      ),
      translatorLanguages: new DataLoader(async (ids) => {
        const byPerson = await this.translators.forPeople(ids);
        return ids.map((id) => byPerson.get(id) ?? []);
      }),
      teamMembers: new DataLoader(async (ids) =>
        groupBy(ids, await this.teams.members(ids), (m) => m.teamId),
      ),
      household: new DataLoader(async (ids) =>
        byId(ids, await this.dataSource.getRepository(HouseholdEntity).findBy({ id: In([...ids]) })),
      ),
      textMessages: new DataLoader((numbers) => this.smsConsent.consentOf(numbers)),
    };
  }
}

function byId<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<T>(ids: readonly string[], rows: readonly T[], key: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return ids.map((id) => map.get(id) ?? []);
}
