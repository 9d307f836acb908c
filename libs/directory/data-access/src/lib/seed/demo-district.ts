import type { DataSource } from 'typeorm';
import type { SchoolType } from '@homeroom/directory/domain';
import { HouseholdEntity, type PersonEntity } from '../entities';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { ApiClientService } from '../services/api-client.service';
import { CredentialService } from '../services/credential.service';
import { DistrictService } from '../services/district.service';
import { type PersonInput, PersonService } from '../services/person.service';
import { type GuardianLinkInput, RelationshipService } from '../services/relationship.service';
import { SchoolService } from '../services/school.service';
import { StaffRoleService } from '../services/staff-role.service';
import { TranslatorLanguageService } from '../services/translator-language.service';
import { TeamService } from '../services/team.service';

export interface DemoSeedServices {
  dataSource: DataSource;
  credentials: CredentialService;
  apiClients: ApiClientService;
  districts: DistrictService;
  schools: SchoolService;
  people: PersonService;
  relationships: RelationshipService;
  staffRoles: StaffRoleService;
  teams: TeamService;
  translators: TranslatorLanguageService;
}

/** The services the seed uses, outside NestJS (the seed runs as a one-off command). */
export function demoSeedServices(dataSource: DataSource): DemoSeedServices {
  const outbox = new OutboxWriter('directory');
  return {
    dataSource,
    credentials: new CredentialService(dataSource),
    apiClients: new ApiClientService(dataSource),
    districts: new DistrictService(dataSource),
    schools: new SchoolService(dataSource, outbox),
    people: new PersonService(dataSource, outbox),
    relationships: new RelationshipService(dataSource),
    staffRoles: new StaffRoleService(dataSource, outbox),
    teams: new TeamService(dataSource, outbox),
    translators: new TranslatorLanguageService(dataSource, outbox),
  };
}

export const DEMO_ADMIN_EMAIL = 'admin@homeroom.test';
export const DEMO_VENDOR = {
  clientId: 'demo-vendor',
  secret: 'demo-vendor-secret',
  scopes: ['directory:read', 'cases:read', 'cases:write', 'slas:read', 'surveys:read'],
};

/**
 * The brief's demo sign-ins, set only where missing, so that a password an administrator changed is kept:
 * the administrator's password, and the demo vendor's API client.
 */
export async function seedDemoSignIns(services: DemoSeedServices, adminPassword: string): Promise<void> {
  const admin = await services.credentials.findStaffByEmail(DEMO_ADMIN_EMAIL);
  if (admin) {
    const [existing] = await services.dataSource.query(
      'SELECT 1 FROM staff_credential WHERE person_id = $1',
      [admin.id],
    );
    if (!existing) await services.credentials.setPassword(admin.id, adminPassword);
  }
  if (!(await services.apiClients.findActive(DEMO_VENDOR.clientId))) {
    await services.apiClients.ensure(
      DEMO_VENDOR.clientId,
      'Demo vendor',
      DEMO_VENDOR.scopes,
      DEMO_VENDOR.secret,
    );
  }
}

const SCHOOLS: [name: string, code: string, type: SchoolType, low: string, high: string][] = [
  ['Lincoln Elementary', 'LIN', 'ELEMENTARY', 'PK', '05'],
  ['Cesar Chavez Elementary', 'CCE', 'ELEMENTARY', 'KG', '05'],
  ['Maple Grove Elementary', 'MGE', 'ELEMENTARY', 'KG', '05'],
  ['Riverbend Elementary', 'RBE', 'ELEMENTARY', 'KG', '05'],
  ['Sunset Hills Elementary', 'SHE', 'ELEMENTARY', 'PK', '05'],
  ['Oak Park Elementary', 'OPE', 'ELEMENTARY', 'KG', '05'],
  ['Harriet Tubman Elementary', 'HTE', 'ELEMENTARY', 'KG', '05'],
  ['Eastside Middle School', 'EMS', 'MIDDLE', '06', '08'],
  ['Westlake Middle School', 'WMS', 'MIDDLE', '06', '08'],
  ['Ruby Bridges Middle School', 'RMS', 'MIDDLE', '06', '08'],
  ['Riverside High School', 'RHS', 'HIGH', '09', '12'],
  ['Northgate High School', 'NHS', 'HIGH', '09', '12'],
];
const DEPARTMENTS = [
  'Transportation',
  'Enrollment',
  'Special Education',
  'Nutrition Services',
  'Communications',
];
const GIVEN = [
  'Ana',
  'José',
  'María',
  'Liam',
  'Olivia',
  'Noah',
  'Emma',
  'Mateo',
  'Sofía',
  'Zoë',
  'Minh',
  'Linh',
  'Amir',
  'Fatima',
  'Wei',
  'Mei',
  'Ethan',
  'Ava',
  'Lucas',
  'Isabella',
  'Daniel',
  'Camila',
  'Aiden',
  'Chloé',
  'Jamal',
  'Aaliyah',
  'Diego',
  'Valentina',
  'Omar',
  'Layla',
];
const FAMILY = [
  'García',
  'Nguyễn',
  'Smith',
  'Johnson',
  'Martínez',
  'Hernández',
  'López',
  'Williams',
  'Brown',
  'Trần',
  'Lê',
  'Khan',
  'Ali',
  'Chen',
  'Wang',
  'Davis',
  'Rodríguez',
  'Miller',
  'Wilson',
  'Pérez',
  'Jackson',
  'Okafor',
  'Haddad',
  'Kim',
  'Patel',
  'Núñez',
  'Moore',
  'Taylor',
  'Thomas',
  'Gómez',
];
const LANGUAGES = ['en', 'en', 'en', 'es', 'es', 'vi', 'ar', 'zh-Hans'];
const GRADES = ['PK', 'KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

/**
 * A demo district: 12 schools, 5 departments, about 2,400 students in 1,300 households with 2,000
 * guardians, staff in every role with a front-office team per school and a team per department, and the
 * district administrator of the brief. Deterministic (a seeded generator), and a no-op when a district
 * already exists.
 */
export async function seedDemoDistrict(
  services: DemoSeedServices,
): Promise<{ seeded: boolean; people: number }> {
  if (await services.districts.get()) return { seeded: false, people: 0 };
  const random = mulberry32(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let serial = 0;
  const contact = (given: string, family: string) => {
    serial += 1;
    const local = `${given}.${family}.${serial}`
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
    return {
      emails: [{ address: `${local}@example.org`, primary: true }],
      phones: [
        {
          number: `+1512555${String(100 + (serial % 100)).padStart(4, '0')}`,
          primary: true,
          type: 'MOBILE' as const,
        },
      ],
    };
  };

  await services.districts.save({
    name: 'Riverside Unified School District',
    timeZone: 'America/Chicago',
    languages: ['en', 'es', 'vi', 'ar', 'zh-Hans'],
  });
  const schools = [];
  for (const [name, code, type, low, high] of SCHOOLS) {
    schools.push(
      await services.schools.create({
        name,
        code,
        type,
        lowestGrade: low,
        highestGrade: high,
        timeZone: 'America/Chicago',
        phone: `+1512555${String(200 + schools.length).padStart(4, '0')}`,
        sourcedId: `demo-org-${code}`,
        address: {
          line1: `${100 + schools.length * 10} School Street`,
          city: 'Riverside',
          region: 'TX',
          postalCode: '78701',
          country: 'US',
        },
      }),
    );
  }
  const departmentIds: string[] = [];
  for (const name of DEPARTMENTS) {
    const [row] = (await services.dataSource.query('INSERT INTO department (name) VALUES ($1) RETURNING id', [
      name,
    ])) as { id: string }[];
    departmentIds.push(row!.id);
  }

  // Staff: the district administrator, district agents, and per school a principal, agents and viewers.
  const staffInputs: PersonInput[] = [
    {
      kind: 'STAFF',
      givenName: 'Dana',
      familyName: 'Administrator',
      preferredLanguage: 'en',
      emails: [{ address: DEMO_ADMIN_EMAIL, primary: true }],
    },
  ];
  const staffPlan: {
    role: 'DISTRICT_ADMIN' | 'SCHOOL_ADMIN' | 'AGENT' | 'VIEWER';
    schoolIndex: number | null;
    departmentIndex?: number;
  }[] = [{ role: 'DISTRICT_ADMIN', schoolIndex: null }];
  DEPARTMENTS.forEach((_, departmentIndex) => {
    for (let i = 0; i < 2; i += 1) staffPlan.push({ role: 'AGENT', schoolIndex: null, departmentIndex });
  });
  schools.forEach((_, schoolIndex) => {
    staffPlan.push({ role: 'SCHOOL_ADMIN', schoolIndex });
    for (let i = 0; i < 4; i += 1) staffPlan.push({ role: 'AGENT', schoolIndex });
    for (let i = 0; i < 2; i += 1) staffPlan.push({ role: 'VIEWER', schoolIndex });
  });
  for (const plan of staffPlan.slice(1)) {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    staffInputs.push({
      kind: 'STAFF',
      givenName: given,
      familyName: family,
      preferredLanguage: 'en',
      ...contact(given, family),
      memberships:
        plan.schoolIndex === null
          ? []
          : [
              {
                schoolId: schools[plan.schoolIndex]!.id,
                role: plan.role === 'SCHOOL_ADMIN' ? 'ADMINISTRATOR' : 'STAFF',
              },
            ],
    });
  }
  const staff = await services.people.createMany(staffInputs);
  for (const [index, member] of staff.entries()) {
    const plan = staffPlan[index]!;
    await services.staffRoles.set(member.id, [
      { role: plan.role, schoolId: plan.schoolIndex === null ? null : schools[plan.schoolIndex]!.id },
    ]);
  }
  // A qualified translator of Spanish and Vietnamese at the first school (the second of its agents), who
  // reviews its vital replies (ADR 32).
  const translator = staff.filter(
    (_, i) => staffPlan[i]!.schoolIndex === 0 && staffPlan[i]!.role === 'AGENT',
  )[1];
  if (translator) await services.translators.set(translator.id, ['es', 'vi']);
  for (const [schoolIndex, school] of schools.entries()) {
    const agents = staff.filter(
      (_, i) => staffPlan[i]!.schoolIndex === schoolIndex && staffPlan[i]!.role !== 'VIEWER',
    );
    await services.teams.create(
      { name: `${school.name} front office`, schoolId: school.id },
      agents.map((a) => ({ personId: a.id })),
    );
    await services.dataSource.query('UPDATE school SET principal_id = $1 WHERE id = $2', [
      agents[0]!.id,
      school.id,
    ]);
  }
  for (const [departmentIndex, name] of DEPARTMENTS.entries()) {
    const agents = staff.filter((_, i) => staffPlan[i]!.departmentIndex === departmentIndex);
    await services.teams.create(
      { name, departmentId: departmentIds[departmentIndex]! },
      agents.map((a) => ({ personId: a.id })),
    );
  }

  // Families, school by school: households of 1–3 students with 1–2 guardians.
  let people = staff.length;
  for (const school of schools) {
    const [low, high] = [GRADES.indexOf(school.lowestGrade!), GRADES.indexOf(school.highestGrade!)];
    const students: PersonInput[] = [];
    const guardians: PersonInput[] = [];
    const families: { students: number[]; guardians: number[] }[] = [];
    const householdRows: Partial<HouseholdEntity>[] = [];
    while (students.length < 200) {
      const family = pick(FAMILY);
      const language = pick(LANGUAGES);
      const household = { students: [] as number[], guardians: [] as number[] };
      householdRows.push({
        name: `${family} household`,
        address: {
          line1: `${Math.floor(random() * 9000) + 100} ${pick(['Elm', 'Cedar', 'Pecan', 'Mesquite', 'Live Oak'])} St`,
          city: 'Riverside',
          region: 'TX',
          postalCode: '78701',
          country: 'US',
        },
      });
      for (let g = 0, n = random() < 0.6 ? 2 : 1; g < n; g += 1) {
        const given = pick(GIVEN);
        household.guardians.push(guardians.length);
        guardians.push({
          kind: 'GUARDIAN',
          givenName: given,
          familyName: family,
          preferredLanguage: language,
          preferredChannel: random() < 0.5 ? 'SMS' : 'EMAIL',
          ...contact(given, family),
          memberships: [{ schoolId: school.id, role: 'GUARDIAN' }],
        });
      }
      for (let s = 0, n = 1 + Math.floor(random() * 3); s < n; s += 1) {
        household.students.push(students.length);
        students.push({
          kind: 'STUDENT',
          givenName: pick(GIVEN),
          familyName: family,
          preferredLanguage: language,
          memberships: [
            {
              schoolId: school.id,
              role: 'STUDENT',
              grade: GRADES[low + Math.floor(random() * (high - low + 1))]!,
            },
          ],
        });
      }
      families.push(household);
    }
    const households = await services.dataSource.getRepository(HouseholdEntity).save(householdRows);
    families.forEach((family, index) => {
      for (const i of [...family.students]) students[i]!.householdId = households[index]!.id;
      for (const i of [...family.guardians]) guardians[i]!.householdId = households[index]!.id;
    });
    const createdStudents: PersonEntity[] = await services.people.createMany(students);
    const createdGuardians: PersonEntity[] = await services.people.createMany(guardians);
    const links: GuardianLinkInput[] = families.flatMap((family) =>
      family.guardians.flatMap((g, gi) =>
        family.students.map((s) => ({
          guardianId: createdGuardians[g]!.id,
          studentId: createdStudents[s]!.id,
          type: 'PARENT' as const,
          emergencyContact: gi === 0,
        })),
      ),
    );
    await services.relationships.linkMany(links);
    people += createdStudents.length + createdGuardians.length;
  }
  return { seeded: true, people };
}

/** A small deterministic generator, so that every demo district is the same. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
