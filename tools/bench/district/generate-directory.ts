import type { Client } from 'pg';
import { guardianNumber, idSql, type DistrictShape, staffCount } from './district-shape';

const GIVEN = [
  'Ana',
  'Luis',
  'Mei',
  'Omar',
  'Priya',
  'Jamal',
  'Sofia',
  'Minh',
  'Fatima',
  'Noah',
  'Aisha',
  'Diego',
  'Grace',
  'Hiro',
  'Lucia',
  'Mateo',
  'Nia',
  'Oscar',
  'Rosa',
  'Samuel',
  'Tariq',
  'Uma',
  'Vera',
  'Wei',
];
const FAMILY = [
  'Garcia',
  'Nguyen',
  'Smith',
  'Hernandez',
  'Johnson',
  'Lopez',
  'Patel',
  'Kim',
  'Williams',
  'Martinez',
  'Tran',
  'Brown',
  'Rodriguez',
  'Chen',
  'Davis',
  'Gonzalez',
  'Ali',
  'Wilson',
  'Perez',
  'Le',
  'Moore',
  'Sanchez',
  'Khan',
  'Taylor',
  'Ramirez',
  'Thomas',
  'Flores',
  'Jackson',
  'Rivera',
  'White',
  'Torres',
];
const sqlArray = (items: readonly string[]) => `ARRAY[${items.map((item) => `'${item}'`).join(',')}]`;

/**
 * The directory's half of the district: schools, households, people (students, guardians, staff) with
 * memberships, guardian links and staff roles, in the directory's own row format (its search text folded
 * as `searchDocument` folds it). Staff with a role sign in with the demo administrator's password.
 */
export async function generateDirectory(client: Client, shape: DistrictShape): Promise<void> {
  const s = shape;
  const staffFrom = s.students + s.guardians + 1;
  const staffTo = s.students + s.guardians + staffCount(s);
  const given = (n: string) => `(${sqlArray(GIVEN)})[1 + (${n} * 7) % ${GIVEN.length}]`;
  const family = (n: string) => `(${sqlArray(FAMILY)})[1 + (${n} * 13) % ${FAMILY.length}]`;
  await client.query(`
    INSERT INTO school (id, name, code, type, lowest_grade, highest_grade, time_zone, sourced_id, active, version)
    SELECT ${idSql('school', 'k')}, 'District School ' || k, 'DS' || k,
           (ARRAY['ELEMENTARY','ELEMENTARY','MIDDLE','HIGH'])[1 + k % 4],
           (ARRAY['KG','KG','06','09'])[1 + k % 4], (ARRAY['05','05','08','12'])[1 + k % 4],
           (SELECT time_zone FROM district LIMIT 1), 'district-school-' || k, true, 1
      FROM generate_series(1, ${s.schools}) AS k`);
  await client.query(`
    INSERT INTO household (id, name)
    SELECT ${idSql('household', 'h')}, ${family('h')} || ' household' FROM generate_series(1, ${s.households}) AS h`);
  // Students live in their first guardian's household; guardians g and g + households share one.
  const guardianOf = (student: string) => `(1 + (${student} - 1) % ${s.guardians})`;
  await client.query(`
    INSERT INTO person (id, kind, given_name, family_name, emails, phones, preferred_language, household_id,
                        sourced_id, search_text, version)
    SELECT ${idSql('person', 'n')}, 'STUDENT', g, f, '[]', '[]', CASE WHEN n % 7 = 0 THEN 'es' ELSE 'en' END,
           ${idSql('household', `1 + (${guardianOf('n')} - 1) % ${s.households}`)}, 'district-person-' || n,
           lower(g || ' ' || f), 1
      FROM generate_series(1, ${s.students}) AS n,
           LATERAL (SELECT ${given('n')} AS g, ${family('n')} AS f) names`);
  await client.query(`
    INSERT INTO person (id, kind, given_name, family_name, emails, phones, preferred_language, preferred_channel,
                        household_id, sourced_id, search_text, version)
    SELECT ${idSql('person', 'n')}, 'GUARDIAN', g, f,
           jsonb_build_array(jsonb_build_object('address', email, 'primary', true)),
           jsonb_build_array(jsonb_build_object('type', 'MOBILE', 'number', '+' || digits, 'primary', true)),
           CASE WHEN n % 7 = 0 THEN 'es' ELSE 'en' END, CASE WHEN n % 4 = 0 THEN 'SMS' ELSE 'EMAIL' END,
           ${idSql('household', `1 + (n - ${s.students} - 1) % ${s.households}`)}, 'district-person-' || n,
           lower(g || ' ' || f || ' ' || email || ' ' || digits || ' ' || substr(digits, 2)), 1
      FROM generate_series(${s.students + 1}, ${s.students + s.guardians}) AS n,
           LATERAL (SELECT ${given('(n + 5)')} AS g, ${family('(n - ' + s.students + ')')} AS f) names,
           LATERAL (SELECT lower(g || '.' || f || '.' || n || '@family.example.org') AS email,
                           (12000000000 + n)::text AS digits) contact`);
  await client.query(`
    INSERT INTO person (id, kind, given_name, family_name, emails, phones, preferred_language, sourced_id,
                        search_text, version)
    SELECT ${idSql('person', 'n')}, 'STAFF', g, f, jsonb_build_array(jsonb_build_object('address', email, 'primary', true)),
           '[]', 'en', 'district-person-' || n, lower(g || ' ' || f || ' ' || email), 1
      FROM generate_series(${staffFrom}, ${staffTo}) AS n,
           LATERAL (SELECT ${given('(n + 11)')} AS g, ${family('(n + 3)')} AS f) names,
           LATERAL (SELECT lower(g || '.' || f || '.' || n || '@staff.example.org') AS email) contact`);
  await client.query(`
    INSERT INTO school_membership (person_id, school_id, role, grade)
    SELECT ${idSql('person', 'n')}, ${idSql('school', `1 + (n - 1) % ${s.schools}`)}, 'STUDENT',
           lpad((1 + n % 12)::text, 2, '0')
      FROM generate_series(1, ${s.students}) AS n`);
  // A first guardian for every student, a second for three in four.
  await client.query(`
    INSERT INTO relationship (guardian_id, student_id, type, lives_with, may_receive_information, emergency_contact)
    SELECT ${idSql('person', guardianNumber(s, 'g'))}, ${idSql('person', 'n')}, 'PARENT', true, true, true
      FROM generate_series(1, ${s.students}) AS n,
           LATERAL (SELECT ${guardianOf('n')} AS g1, 1 + n % ${s.guardians} AS g2) pair,
           LATERAL (SELECT unnest(CASE WHEN n % 4 = 0 OR g1 = g2 THEN ARRAY[g1] ELSE ARRAY[g1, g2] END) AS g) guardians
    ON CONFLICT DO NOTHING`);
  // The join below reads the rows just written: without their statistics the planner takes both tables
  // for empty and nests loops over a million rows (a run waited 15 minutes on it when autovacuum was busy).
  await client.query('ANALYZE person, relationship, school_membership');
  await client.query(`
    INSERT INTO school_membership (person_id, school_id, role)
    SELECT DISTINCT r.guardian_id, m.school_id, 'GUARDIAN'
      FROM relationship r JOIN school_membership m ON m.person_id = r.student_id AND m.role = 'STUDENT'
     WHERE r.student_id IN (SELECT id FROM person WHERE sourced_id LIKE 'district-person-%' AND kind = 'STUDENT')
    ON CONFLICT DO NOTHING`);
  await client.query(`
    INSERT INTO school_membership (person_id, school_id, role)
    SELECT ${idSql('person', 'n')}, ${idSql('school', `1 + (n - ${staffFrom}) / ${s.staffPerSchool}`)},
           CASE WHEN (n - ${staffFrom}) % ${s.staffPerSchool} = 0 THEN 'ADMINISTRATOR' ELSE 'STAFF' END
      FROM generate_series(${staffFrom}, ${staffTo}) AS n`);
  // Each school's administrator and three agents; the first ten schools' administrators also lead the district.
  await client.query(`
    INSERT INTO staff_role (id, person_id, role, school_id)
    SELECT gen_random_uuid(), ${idSql('person', 'n')},
           CASE WHEN position = 0 THEN 'SCHOOL_ADMIN' ELSE 'AGENT' END, ${idSql('school', 'school')}
      FROM generate_series(${staffFrom}, ${staffTo}) AS n,
           LATERAL (SELECT (n - ${staffFrom}) % ${s.staffPerSchool} AS position,
                           1 + (n - ${staffFrom}) / ${s.staffPerSchool} AS school) placed
     WHERE position <= 3
    UNION ALL
    SELECT gen_random_uuid(), ${idSql('person', `${staffFrom} + (k - 1) * ${s.staffPerSchool}`)}, 'DISTRICT_ADMIN', NULL
      FROM generate_series(1, 10) AS k`);
  await client.query(`
    INSERT INTO staff_credential (person_id, password_hash)
    SELECT DISTINCT r.person_id, (SELECT password_hash FROM staff_credential ORDER BY password_set_at LIMIT 1)
      FROM staff_role r JOIN person p ON p.id = r.person_id WHERE p.sourced_id LIKE 'district-person-%'`);
}

/** The email a generated staff member signs in with (the expressions above, evaluated in TypeScript). */
export function staffEmail(shape: DistrictShape, school: number, position: number): string {
  const n = shape.students + shape.guardians + (school - 1) * shape.staffPerSchool + position + 1;
  const g = GIVEN[((((n + 11) * 7) % GIVEN.length) + GIVEN.length) % GIVEN.length]!;
  const f = FAMILY[((((n + 3) * 13) % FAMILY.length) + FAMILY.length) % FAMILY.length]!;
  return `${g}.${f}.${n}@staff.example.org`.toLowerCase();
}

/** Family names people search for. */
export const SEARCHED_NAMES = FAMILY;
