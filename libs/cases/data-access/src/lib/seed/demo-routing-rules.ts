import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import type { Priority, RoutingConditions } from '@homeroom/cases/domain';
import type { RoutingRuleEntity } from '../entities';
import { RoutingService } from '../routing/routing.service';

/** A starter routing rule of the demo district, naming its team and topics as the district sees them. */
export interface DemoRoutingRule {
  name: string;
  /** A district-wide team of the directory (the demo's department teams), by name. */
  team: string;
  /** Topic names; a top-level topic brings its subtopics with it. */
  topics?: readonly string[];
  keywords?: readonly string[];
  priority?: Priority;
  tags?: readonly string[];
}

/**
 * The rules a district like the demo's would start with, in the order they are tried (the first that
 * matches decides): the narrow and urgent before the broad, so a special-education case about the bus still
 * reaches Special Education, and an allergy mentioned in any inquiry reaches Nutrition Services.
 */
export const DEMO_ROUTING_RULES: readonly DemoRoutingRule[] = [
  {
    name: 'Special education to the Special Education team',
    team: 'Special Education',
    topics: ['Special education'],
    priority: 'HIGH',
  },
  {
    name: 'Food allergies to Nutrition Services',
    team: 'Nutrition Services',
    keywords: ['allergy', 'allergies', 'allergic', 'anaphylaxis', 'EpiPen'],
    tags: ['allergy'],
  },
  { name: 'Transportation to the Transportation team', team: 'Transportation', topics: ['Transportation'] },
  { name: 'Enrollment to the Enrollment team', team: 'Enrollment', topics: ['Enrollment'] },
  {
    name: 'Website and notifications to Communications',
    team: 'Communications',
    topics: ['Website', 'Notifications'],
  },
];

export interface DemoRoutingRulesOptions {
  /** How long to wait for the directory's teams to be known here; two minutes when omitted. */
  waitMs?: number;
  /** How often to look again while waiting; two seconds when omitted. */
  pollMs?: number;
}

export interface DemoRoutingRulesSummary {
  /** The rules created, in their order. */
  rules: RoutingRuleEntity[];
  skipped?: string;
}

/**
 * The demo district's starter routing rules, so that a new case going to the right team shows on first
 * start. Only into a district with no routing rule yet (its own rules are never touched), each through
 * RoutingService.create like an administrator's. Teams are the directory's, known here from its TeamChanged
 * events: it waits (bounded) until every team the rules name is known, active and district-wide, and fails
 * naming the ones that are not rather than create a rule that sends cases nowhere. Topics are the starter
 * taxonomy's (`cases:seed` runs first); a topic that is missing fails too, since a rule without its topics
 * would match every case.
 */
export async function seedDemoRoutingRules(
  dataSource: DataSource,
  options: DemoRoutingRulesOptions = {},
): Promise<DemoRoutingRulesSummary> {
  const { waitMs = 120_000, pollMs = 2_000 } = options;
  const skipped = { rules: [], skipped: 'the district already has routing rules' };
  if (await hasRules(dataSource)) return skipped;

  const topicIds = await resolveTopics(dataSource, DEMO_ROUTING_RULES);
  const teamIds = await waitForTeams(
    dataSource,
    [...new Set(DEMO_ROUTING_RULES.map((rule) => rule.team))],
    waitMs,
    pollMs,
  );
  // An administrator may have written one while this waited.
  if (await hasRules(dataSource)) return skipped;

  const routing = new RoutingService(dataSource);
  const created: RoutingRuleEntity[] = [];
  for (const rule of DEMO_ROUTING_RULES) {
    const conditions: RoutingConditions = {};
    if (rule.topics) conditions.topicIds = rule.topics.flatMap((name) => topicIds.get(name)!);
    if (rule.keywords) conditions.keywords = [...rule.keywords];
    created.push(
      await routing.create({
        name: rule.name,
        conditions,
        actions: {
          teamId: teamIds.get(rule.team)!,
          ...(rule.priority ? { priority: rule.priority } : {}),
          ...(rule.tags ? { tags: [...rule.tags] } : {}),
        },
      }),
    );
  }
  return { rules: created };
}

async function hasRules(dataSource: DataSource): Promise<boolean> {
  return ((await dataSource.query('SELECT 1 FROM routing_rule LIMIT 1')) as unknown[]).length > 0;
}

/** Each topic name's ids: the active topics of that name and, for a top-level one, its active subtopics. */
async function resolveTopics(
  dataSource: DataSource,
  rules: readonly DemoRoutingRule[],
): Promise<Map<string, string[]>> {
  const topics = (await dataSource.query(
    'SELECT id, parent_id, name FROM topic WHERE active ORDER BY parent_id NULLS FIRST, name, id',
  )) as { id: string; parent_id: string | null; name: string }[];
  const ids = new Map<string, string[]>();
  const missing: string[] = [];
  for (const name of new Set(rules.flatMap((rule) => rule.topics ?? []))) {
    const named = topics.filter((topic) => topic.name === name);
    const family = topics.filter(
      (topic) => topic.parent_id && named.some((parent) => parent.id === topic.parent_id),
    );
    if (named.length === 0) missing.push(name);
    else
      ids.set(
        name,
        [...named, ...family].map((topic) => topic.id),
      );
  }
  if (missing.length)
    throw new Error(
      `no active topic named ${list(missing)} (seed the starter topics first: nx run cases:seed); no demo routing rules created`,
    );
  return ids;
}

/**
 * The id of the team of each name, once every one is known here (active and district-wide), looking again
 * every `pollMs` for up to `waitMs`; fails naming the teams still unknown then, or at once when a name is
 * ambiguous.
 */
async function waitForTeams(
  dataSource: DataSource,
  names: readonly string[],
  waitMs: number,
  pollMs: number,
): Promise<Map<string, string>> {
  const started = Date.now();
  for (;;) {
    const found = await findTeams(dataSource, names);
    const ambiguous = names.filter((name) => (found.get(name)?.length ?? 0) > 1);
    if (ambiguous.length)
      throw new Error(
        `several active district-wide teams are named ${list(ambiguous)}; no demo routing rules created`,
      );
    const missing = names.filter((name) => !found.has(name));
    if (missing.length === 0) return new Map([...found].map(([name, [id]]) => [name, id!]));
    if (Date.now() - started >= waitMs)
      throw new Error(
        `the cases service does not know the directory's ${list(missing)} team${missing.length > 1 ? 's' : ''} ` +
          `(active, district-wide) after ${Math.round(waitMs / 1000)} s; no demo routing rules created ` +
          '(a team learned before the cases service kept teams is known again from its next change in the directory)',
      );
    await sleep(pollMs);
  }
}

/** The active district-wide teams known here with one of these names: their ids by name. */
async function findTeams(dataSource: DataSource, names: readonly string[]): Promise<Map<string, string[]>> {
  const rows = (await dataSource.query(
    'SELECT id, name FROM known_team WHERE active AND school_id IS NULL AND name = ANY($1) ORDER BY id',
    [names],
  )) as { id: string; name: string }[];
  const found = new Map<string, string[]>();
  for (const row of rows) found.set(row.name, [...(found.get(row.name) ?? []), row.id]);
  return found;
}

function list(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}
