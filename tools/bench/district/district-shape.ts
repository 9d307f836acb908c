/**
 * The shape of the generated district: how many of each, and the arithmetic that says which school, guardian
 * or agent each generated row belongs to. Each database's generator evaluates the same expressions, so the
 * four databases agree without copying rows between them: person 17 is the same uuid in the directory, as a
 * case's requester and as a survey invitation's recipient.
 */
export interface DistrictShape {
  schools: number;
  students: number;
  guardians: number;
  households: number;
  /** Staff per school: the first is its school administrator, the next three its agents. */
  staffPerSchool: number;
  cases: number;
  /** Years of history the cases spread over, ending at `anchor`. */
  years: number;
  /** The moment history ends: one value for all four databases (not each server's now()). */
  anchor: Date;
}

/** A 500,000-student district (issue 20): 1,000,000 people, 3,000,000 cases over three years. */
export function districtShape(scale = 1, anchor = new Date()): DistrictShape {
  const students = Math.max(1_000, Math.round(500_000 * scale));
  return {
    schools: 700,
    students,
    guardians: Math.round(students * 0.9),
    households: Math.round(students * 0.6),
    staffPerSchool: Math.max(4, Math.round((100_000 * scale) / 700)),
    cases: Math.max(2_000, Math.round(3_000_000 * scale)),
    years: 3,
    anchor,
  };
}

export function staffCount(shape: DistrictShape): number {
  return shape.schools * shape.staffPerSchool;
}

export function peopleCount(shape: DistrictShape): number {
  return shape.students + shape.guardians + staffCount(shape);
}

/**
 * The uuid of generated row `n` of a kind, in SQL: 32 hex digits of `md5`, with the version and variant
 * digits of a random (v4) uuid, which is what the services' event contracts accept.
 */
export function idSql(
  kind: 'school' | 'person' | 'household' | 'case' | 'message' | 'invitation',
  n: string,
): string {
  return `overlay(overlay(md5('district-${kind}-' || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;
}

/** The same uuid in TypeScript, for the load generator's requests. */
export function idOf(kind: 'school' | 'person' | 'case', n: number, md5: (text: string) => string): string {
  const digits = md5(`district-${kind}-${n}`);
  const hex = `${digits.slice(0, 12)}4${digits.slice(13, 16)}8${digits.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Person numbers: students first, then guardians, then staff. */
export function guardianNumber(shape: DistrictShape, guardian: string | number): string {
  return `(${shape.students} + ${guardian})`;
}

export function staffNumber(
  shape: DistrictShape,
  school: string | number,
  position: string | number,
): string {
  return `(${shape.students + shape.guardians} + (${school} - 1) * ${shape.staffPerSchool} + ${position} + 1)`;
}

/** The school of generated case `n` (spread so that neighbouring cases are at different schools). */
export function caseSchoolSql(shape: DistrictShape, n: string): string {
  return `(1 + ((${n})::bigint * 7919) % ${shape.schools})`;
}

/**
 * The guardian who wrote case `n`: one of the case's school's families (guardian g's first child is student
 * g, who attends school 1 + (g − 1) mod schools), so the school's staff may see who wrote in.
 */
function caseRequesterSql(shape: DistrictShape, n: string): string {
  const perSchool = Math.floor(shape.guardians / shape.schools);
  return `(${caseSchoolSql(shape, n)} + ((${n})::bigint * 31) % ${perSchool} * ${shape.schools})`;
}

/** The agent (position 1–3 at its school) who handles case `n`. */
export function caseAgentPosition(n: number): number {
  return 1 + (n % 3);
}

export function caseSchool(shape: DistrictShape, n: number): number {
  return 1 + Number((BigInt(n) * 7919n) % BigInt(shape.schools));
}

/**
 * Generated case `n`'s facts as SQL columns over `generate_series(first, last) AS n`, the one definition the
 * cases, SLA and survey generators share. Newer cases have higher numbers; the last two weeks hold the open
 * ones; a third of first answers come after the standard policy's eight hours.
 */
export function caseFactsSql(shape: DistrictShape, first: number, last: number): string {
  const anchor = `'${shape.anchor.toISOString()}'::timestamptz`;
  const span = shape.years * 365 * 86_400;
  return `
    SELECT n,
           ${idSql('case', 'n')} AS case_id,
           'DS-' || to_char(created_at AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(n::text, 7, '0') AS number,
           ${idSql('school', caseSchoolSql(shape, 'n'))} AS school_id,
           ${caseSchoolSql(shape, 'n')} AS school_no,
           ${idSql('person', guardianNumber(shape, caseRequesterSql(shape, 'n')))} AS requester_id,
           CASE WHEN responded_at IS NULL THEN NULL
                ELSE ${idSql('person', staffNumber(shape, caseSchoolSql(shape, 'n'), '1 + n % 3'))} END AS assignee_id,
           (ARRAY['WEB_FORM','WEB_FORM','EMAIL','EMAIL','PHONE','PHONE','WALK_IN','CHAT','SMS'])[1 + (n / 3) % 9] AS channel,
           CASE WHEN n % 53 = 0 THEN 'URGENT' WHEN n % 11 = 0 THEN 'HIGH' WHEN n % 7 = 0 THEN 'LOW' ELSE 'NORMAL' END AS priority,
           CASE WHEN n % 7 = 0 THEN 'es' ELSE 'en' END AS language,
           created_at, responded_at, resolved_at, recent,
           CASE WHEN resolved_at IS NOT NULL THEN CASE WHEN NOT recent AND n % 10 = 0 THEN 'CLOSED' ELSE 'RESOLVED' END
                WHEN responded_at IS NULL THEN 'NEW'
                WHEN n % 5 = 0 THEN 'PENDING' ELSE 'OPEN' END AS status
      FROM generate_series(${first}, ${last}) AS n,
           LATERAL (SELECT ${anchor} - interval '10 minutes'
                           - make_interval(secs => ((${shape.cases} - n)::bigint * ${span} / ${shape.cases})::int) AS created_at) c,
           LATERAL (SELECT c.created_at > ${anchor} - interval '14 days' AS recent) r,
           LATERAL (SELECT CASE WHEN r.recent AND n % 3 = 0 THEN NULL
                                ELSE least(c.created_at + make_interval(mins => 5 + (n * 37) % 900), ${anchor}) END AS responded_at) a,
           LATERAL (SELECT CASE WHEN r.recent AND n % 3 <> 2 THEN NULL
                                ELSE least(a.responded_at + make_interval(mins => 60 + (n * 53) % 5760), ${anchor}) END AS resolved_at) z`;
}
