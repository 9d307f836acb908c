import { InvalidInputException, type FieldProblem } from '@homeroom/shared/errors';

/**
 * Coaching: supervisors review resolved cases against the district's service standards, a rubric the
 * district edits. Each criterion is scored 1 (not yet) to 4 (exemplary).
 */
export interface RubricCriterion {
  /** A short stable key (answered-the-question); what scores name. */
  id: string;
  name: string;
  description: string;
}

export interface CriterionScore {
  criterionId: string;
  score: number;
}

export const SCORE_RANGE = { min: 1, max: 4 } as const;
export const MAX_CRITERIA = 10;

/** Where a district starts: the standards K-12 service teams most often write down. */
export const STARTER_RUBRIC: readonly RubricCriterion[] = [
  { id: 'greeting', name: 'Greeting', description: 'Greets the family by name and thanks them for writing.' },
  {
    id: 'answered',
    name: 'Answered the question',
    description: 'Answers what was asked, completely, or says when the answer will come.',
  },
  {
    id: 'tone',
    name: 'Tone',
    description: 'Warm, plain and respectful, in the family’s language; no jargon.',
  },
  {
    id: 'timeliness',
    name: 'Timeliness',
    description: 'First response and resolution within the district’s service standards.',
  },
];

const CRITERION_ID = /^[a-z][a-z0-9-]{0,39}$/;

/** The rubric as the district wrote it, checked: 1 to 10 criteria, each with a key given once and a name. */
export function checkRubric(criteria: readonly RubricCriterion[]): RubricCriterion[] {
  const problems: FieldProblem[] = [];
  if (!criteria.length || criteria.length > MAX_CRITERIA)
    problems.push({ path: 'criteria', message: `1 to ${MAX_CRITERIA} criteria` });
  const seen = new Set<string>();
  criteria.forEach(({ id, name, description }, index) => {
    const path = `criteria.${index}`;
    if (!CRITERION_ID.test(id))
      problems.push({ path: `${path}.id`, message: 'lowercase letters, digits and dashes' });
    else if (seen.has(id)) problems.push({ path: `${path}.id`, message: 'given twice' });
    seen.add(id);
    if (!name.trim() || name.length > 80)
      problems.push({ path: `${path}.name`, message: '1 to 80 characters' });
    if (description.length > 500)
      problems.push({ path: `${path}.description`, message: 'at most 500 characters' });
  });
  if (problems.length) throw new InvalidInputException(problems[0]!.message, problems);
  return criteria.map(({ id, name, description }) => ({
    id,
    name: name.trim(),
    description: description.trim(),
  }));
}

/**
 * A review's scores checked against the rubric: every criterion scored once, from 1 to 4, none the rubric
 * does not have (INCOMPLETE_REVIEW when one is missing). Returned in the rubric's order.
 */
export function checkScores(
  rubric: readonly RubricCriterion[],
  scores: readonly CriterionScore[],
): CriterionScore[] {
  const problems: FieldProblem[] = [];
  const known = new Set(rubric.map((c) => c.id));
  const given = new Map<string, number>();
  scores.forEach(({ criterionId, score }, index) => {
    const path = `scores.${index}`;
    if (!known.has(criterionId)) problems.push({ path: `${path}.criterionId`, message: 'not in the rubric' });
    else if (given.has(criterionId)) problems.push({ path: `${path}.criterionId`, message: 'scored twice' });
    if (!Number.isInteger(score) || score < SCORE_RANGE.min || score > SCORE_RANGE.max)
      problems.push({
        path: `${path}.score`,
        message: `a whole number from ${SCORE_RANGE.min} to ${SCORE_RANGE.max}`,
      });
    given.set(criterionId, score);
  });
  if (problems.length) throw new InvalidInputException(problems[0]!.message, problems);
  const missing = rubric.filter((c) => !given.has(c.id));
  if (missing.length)
    throw new InvalidInputException(
      `Score every standard: ${missing.map((c) => c.name).join(', ')}`,
      missing.map((c) => ({ path: 'scores', message: `${c.id} not scored` })),
      'INCOMPLETE_REVIEW',
    );
  return rubric.map((c) => ({ criterionId: c.id, score: given.get(c.id)! }));
}

/** The review's overall score: the mean of its criteria, to two decimals. */
export function reviewAverage(scores: readonly CriterionScore[]): number {
  return Math.round((scores.reduce((sum, s) => sum + s.score, 0) / scores.length) * 100) / 100;
}
