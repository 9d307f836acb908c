import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import {
  type ContactChannel,
  DIRECTORY_REASONS,
  type MembershipRole,
  type PersonKind,
  searchDocument,
  searchTerms,
} from '@homeroom/directory/domain';
import {
  type EmailAddress,
  normalizeEmails,
  normalizeLanguageTag,
  normalizePhones,
  type PhoneNumber,
} from '@homeroom/shared/contact';
import { substringPatterns } from '@homeroom/shared/text';
import { contactKey, PersonCreated, PersonDeactivated, PersonUpdated } from '@homeroom/directory/contracts';
import { PersonEntity, SchoolEntity, SchoolMembershipEntity } from '../entities';
import { defined } from './defined';
import type { PersonVisibility } from './person-visibility';
import type { KeysetPage } from './school.service';
import { translatingUniqueViolations } from './unique-violation';

export interface MembershipInput {
  schoolId: string;
  role: MembershipRole;
  grade?: string | null;
}

export interface PersonInput {
  kind: PersonKind;
  givenName: string;
  middleName?: string | null;
  familyName: string;
  preferredName?: string | null;
  emails?: EmailAddress[];
  phones?: PhoneNumber[];
  preferredLanguage: string;
  preferredChannel?: ContactChannel | null;
  sourcedId?: string | null;
  householdId?: string | null;
  memberships?: MembershipInput[];
}

export interface PeopleFilter {
  search?: string | null;
  kind?: PersonKind | null;
  schoolId?: string | null;
  includeInactive?: boolean | null;
}

@Injectable()
export class PersonService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  create(input: PersonInput): Promise<PersonEntity> {
    return translatingUniqueViolations(() =>
      inTransaction(this.dataSource, async (manager) => {
        const person = manager.create(PersonEntity, { ...normalizedPerson(input), active: true });
        await manager.save(person);
        const memberships = await this.replaceMemberships(manager, person.id, input.memberships ?? []);
        await this.outbox.append(manager, PersonCreated, {
          aggregateId: person.id,
          data: personSnapshot(person, memberships),
        });
        return person;
      }),
    );
  }

  /** Many people in one transaction (seed, SIS import): one insert per chunk, one event per person. */
  createMany(inputs: readonly PersonInput[]): Promise<PersonEntity[]> {
    return translatingUniqueViolations(() =>
      inTransaction(this.dataSource, async (manager) => {
        const people = inputs.map((input) =>
          manager.create(PersonEntity, { ...normalizedPerson(input), active: true }),
        );
        for (let i = 0; i < people.length; i += 500) await manager.save(people.slice(i, i + 500));
        const memberships = people.flatMap((person, index) =>
          (inputs[index]!.memberships ?? []).map((m) =>
            manager.create(SchoolMembershipEntity, {
              personId: person.id,
              schoolId: m.schoolId,
              role: m.role,
              grade: m.grade ?? null,
            }),
          ),
        );
        for (let i = 0; i < memberships.length; i += 1000)
          await manager.insert(SchoolMembershipEntity, memberships.slice(i, i + 1000));
        await this.outbox.appendAll(
          manager,
          PersonCreated,
          people.map((person) => ({
            aggregateId: person.id,
            data: personSnapshot(
              person,
              memberships.filter((m) => m.personId === person.id),
            ),
          })),
        );
        return people;
      }),
    );
  }

  update(id: string, input: Partial<PersonInput>): Promise<PersonEntity> {
    return translatingUniqueViolations(() =>
      inTransaction(this.dataSource, async (manager) => {
        const person = await this.lockedOrFail(manager, id);
        const { memberships, ...fields } = defined(input);
        Object.assign(person, normalizedPerson({ ...person, ...fields }));
        await manager.save(person);
        const current = memberships
          ? await this.replaceMemberships(manager, id, memberships)
          : await manager.findBy(SchoolMembershipEntity, { personId: id });
        await this.outbox.append(manager, PersonUpdated, {
          aggregateId: id,
          data: personSnapshot(person, current),
        });
        return person;
      }),
    );
  }

  deactivate(id: string): Promise<PersonEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const person = await this.lockedOrFail(manager, id);
      if (!person.active) return person;
      person.active = false;
      await manager.save(person);
      await this.outbox.append(manager, PersonDeactivated, { aggregateId: id, data: { personId: id } });
      return person;
    });
  }

  findById(id: string): Promise<PersonEntity | null> {
    return this.dataSource.getRepository(PersonEntity).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<PersonEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(PersonEntity).findBy({ id: In([...ids]) })
      : Promise.resolve([]);
  }

  memberships(personIds: readonly string[]): Promise<SchoolMembershipEntity[]> {
    return personIds.length
      ? this.dataSource.getRepository(SchoolMembershipEntity).findBy({ personId: In([...personIds]) })
      : Promise.resolve([]);
  }

  /** Whether the caller may see this person (see PersonVisibility). */
  async isVisible(personId: string, visibility: PersonVisibility): Promise<boolean> {
    return (await this.visibleIds([personId], visibility)).has(personId);
  }

  /** Which of these people the caller may see, in one query (relations: guardians, members, principals). */
  async visibleIds(personIds: readonly string[], visibility: PersonVisibility): Promise<Set<string>> {
    if (visibility.everyone || personIds.length === 0) return new Set(personIds);
    const query = this.dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('person')
      .select('person.id', 'id')
      .where('person.id IN (:...personIds)', { personIds: [...new Set(personIds)] });
    this.restrictTo(query, visibility);
    const rows: { id: string }[] = await query.getRawMany();
    return new Set(rows.map((row) => row.id));
  }

  /**
   * People by family name, given name, id (the keyset), filtered by kind, school and a search over folded
   * names, emails and phone digits (every term must match; trigram index).
   */
  async page(
    filter: PeopleFilter,
    { limit, after }: KeysetPage,
    visibility: PersonVisibility,
  ): Promise<{ rows: PersonEntity[]; total: number }> {
    const query = this.dataSource.getRepository(PersonEntity).createQueryBuilder('person');
    if (!filter.includeInactive) query.andWhere('person.active AND person.mergedIntoId IS NULL');
    if (filter.kind) query.andWhere('person.kind = :kind', { kind: filter.kind });
    if (filter.schoolId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM school_membership m WHERE m.person_id = person.id AND m.school_id = :schoolId)',
        { schoolId: filter.schoolId },
      );
    }
    // Every term must match, each through the trigram index (see substringPatterns for short words).
    const terms = searchTerms(filter.search ?? '')
      .map(substringPatterns)
      .filter((patterns) => patterns.length > 0);
    terms.forEach((patterns, index) => {
      query.andWhere(
        new Brackets((where) =>
          patterns.forEach((pattern, alternative) =>
            where.orWhere(`person.searchText LIKE :term${index}_${alternative}`, {
              [`term${index}_${alternative}`]: pattern,
            }),
          ),
        ),
      );
    });
    this.restrictTo(query, visibility);
    if (terms.length > 0) return this.searchPage(query, { limit, after });
    const total = await query.clone().getCount();
    if (after) {
      query.andWhere('(person.familyName, person.givenName, person.id) > (:family, :given, :id)', {
        family: after[0],
        given: after[1],
        id: after[2],
      });
    }
    const rows = await query
      .orderBy('person.familyName')
      .addOrderBy('person.givenName')
      .addOrderBy('person.id')
      .limit(limit + 1)
      .getMany();
    return { rows, total };
  }

  /**
   * With search terms, the matches come from the trigram index first (OFFSET 0 keeps PostgreSQL from
   * planning a walk of the name index instead, which is slow when few rows match) and are counted in the
   * same pass; only then are they ordered and cut to the page.
   */
  private async searchPage(
    query: SelectQueryBuilder<PersonEntity>,
    { limit, after }: KeysetPage,
  ): Promise<{ rows: PersonEntity[]; total: number }> {
    const [matches, parameters] = query
      .select(['person.id', 'person.familyName', 'person.givenName'])
      .getQueryAndParameters();
    const keyset = after
      ? `WHERE (c.family_name, c.given_name, c.id) > ($${parameters.length + 1}, $${parameters.length + 2}, $${parameters.length + 3})`
      : '';
    const page = (await this.dataSource.query(
      `SELECT c.id, c.total FROM (
         SELECT m.person_id AS id, m.person_family_name AS family_name, m.person_given_name AS given_name,
                count(*) OVER () AS total
           FROM (${matches} OFFSET 0) m
       ) c ${keyset}
       ORDER BY c.family_name, c.given_name, c.id
       LIMIT ${limit + 1}`,
      after ? [...parameters, after[0], after[1], after[2]] : parameters,
    )) as { id: string; total: string }[];
    const total = page[0] ? Number(page[0].total) : await query.getCount();
    const byId = new Map(
      (await this.findByIds(page.map((row) => row.id))).map((person) => [person.id, person]),
    );
    return { rows: page.flatMap((row) => byId.get(row.id) ?? []), total };
  }

  private restrictTo(query: SelectQueryBuilder<PersonEntity>, visibility: PersonVisibility): void {
    if (visibility.everyone) return;
    query.andWhere(
      new Brackets((where) =>
        where
          .where("person.kind = 'COMMUNITY'")
          .orWhere(
            'EXISTS (SELECT 1 FROM school_membership v WHERE v.person_id = person.id AND v.school_id IN (:...visibleSchools))',
            {
              visibleSchools: visibility.schoolIds.length
                ? visibility.schoolIds
                : ['00000000-0000-0000-0000-000000000000'],
            },
          ),
      ),
    );
  }

  private async replaceMemberships(
    manager: EntityManager,
    personId: string,
    memberships: readonly MembershipInput[],
  ): Promise<SchoolMembershipEntity[]> {
    const schoolIds = [...new Set(memberships.map((m) => m.schoolId))];
    if (schoolIds.length) {
      const found = await manager.countBy(SchoolEntity, { id: In(schoolIds) });
      if (found !== schoolIds.length) {
        throw new InvalidInputException(
          'A membership names a school that does not exist',
          [{ path: 'memberships', message: 'unknown school' }],
          'UNKNOWN_SCHOOL',
        );
      }
    }
    await manager.delete(SchoolMembershipEntity, { personId });
    const rows = memberships.map((m) =>
      manager.create(SchoolMembershipEntity, {
        personId,
        schoolId: m.schoolId,
        role: m.role,
        grade: m.grade ?? null,
      }),
    );
    if (rows.length) await manager.insert(SchoolMembershipEntity, rows);
    return rows;
  }

  private async lockedOrFail(manager: EntityManager, id: string): Promise<PersonEntity> {
    const person = await manager.findOne(PersonEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!person) throw new NotFoundException('Person');
    if (person.mergedIntoId) {
      throw new InvalidInputException(
        'This record was merged into another',
        [],
        DIRECTORY_REASONS.inactiveRecord,
      );
    }
    return person;
  }
}

/** Validated, canonical fields and the search text derived from them. */
export function normalizedPerson(
  input: Omit<PersonInput, 'memberships'>,
): Omit<PersonInput, 'memberships'> & { searchText: string } {
  const emails = normalizeEmails(input.emails ?? []);
  const phones = normalizePhones(input.phones ?? []);
  const givenName = input.givenName.trim();
  const familyName = input.familyName.trim();
  if (!givenName || !familyName) {
    throw new InvalidInputException('A person needs a given and a family name', [
      ...(givenName ? [] : [{ path: 'givenName', message: 'required' }]),
      ...(familyName ? [] : [{ path: 'familyName', message: 'required' }]),
    ]);
  }
  return {
    ...input,
    givenName,
    familyName,
    emails,
    phones,
    preferredLanguage: normalizeLanguageTag(input.preferredLanguage),
    searchText: searchDocument({
      names: [givenName, input.middleName, familyName, input.preferredName],
      emails: emails.map((e) => e.address),
      phones: phones.map((p) => p.number),
    }),
  };
}

/** What other services hold of a person (their read models), from the fields it is made of. */
export function personSnapshot(
  person: Pick<
    PersonEntity,
    'id' | 'kind' | 'preferredLanguage' | 'preferredChannel' | 'active' | 'emails' | 'phones'
  >,
  memberships: readonly Pick<SchoolMembershipEntity, 'schoolId'>[],
) {
  return {
    personId: person.id,
    kind: person.kind,
    schoolIds: [...new Set(memberships.map((m) => m.schoolId))],
    preferredLanguage: person.preferredLanguage,
    preferredChannel: person.preferredChannel ?? null,
    active: person.active,
    contactKeys: contactKeysOf(person),
  };
}

/** The keys other services recognise this person by; the addresses are already normalized on save. */
export function contactKeysOf(person: Partial<Pick<PersonEntity, 'emails' | 'phones'>>): string[] {
  return [
    ...(person.emails ?? []).map((e) => contactKey(e.address)),
    ...(person.phones ?? []).map((p) => contactKey(p.number)),
  ];
}
