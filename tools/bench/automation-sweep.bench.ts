/**
 * The automation sweep over a district's open cases (issue 21, ADR 29): a cases database holding
 * 1,000,000 open cases (BENCH_AUTOMATION_CASES shrinks it), generated in SQL, and four rules of the kinds
 * districts write, kept through AutomationService as the API keeps them. Measured on the service itself
 * (the sweep is a background task of the cases deployable, not a request): each rule's dry run, one full
 * sweep and its batches (a rule acts on at most 500 cases a sweep), sweeps back to back for a while and
 * what they leave, and the idle sweep of the steady state; with PostgreSQL's plan of each rule's selection.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { type DataSource } from 'typeorm';
import {
  AlertService,
  AutomationService,
  type AutomationInput,
  CASES_ENTITIES,
  CASES_MIGRATIONS,
  CaseIntakeService,
  CaseService,
  type IntakeSettings,
  MessageTranslationService,
  NO_MESSAGE_TRANSLATION,
  RoutingService,
  TopicService,
  TriageService,
} from '@homeroom/cases/data-access';
import { AUTOMATION_LIMITS } from '@homeroom/cases/domain';
import { createTestDatabase, statementsOf } from '@homeroom/platform/database/testing';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { createLogger } from '@homeroom/platform/observability';
import { percentile } from './stats';
import type { BenchmarkReport, BenchmarkRow } from './report';

const CASES = Number(process.env['BENCH_AUTOMATION_CASES'] ?? 1_000_000);
/** How long sweeps run back to back after the first, to see the backlog go down. */
const DRAIN_SECONDS = Number(process.env['BENCH_AUTOMATION_DRAIN_SECONDS'] ?? 240);
const SCHOOLS = 700;
const DRY_RUNS = 5;
const IDLE_RUNS = 5;
/** Rows per generating statement: progress in the log, no transaction holding a million rows. */
const CHUNK = 250_000;
const SETTINGS: IntakeSettings = {
  numberPrefix: 'HR',
  timeZone: 'America/Chicago',
  defaultLanguage: 'en',
};
const log = (line: string) => process.stdout.write(`[automation-sweep] ${line}\n`);

/** The service's own work on one case, timed per rule: the sweep's batches as they run. */
class TimedCaseService extends CaseService {
  readonly byRule = new Map<string, { calls: number; acted: number; ms: number }>();

  override async applyAutomation(...args: Parameters<CaseService['applyAutomation']>): Promise<boolean> {
    const started = process.hrtime.bigint();
    const acted = await super.applyAutomation(...args);
    const entry = this.byRule.get(args[1].id) ?? { calls: 0, acted: 0, ms: 0 };
    entry.calls += 1;
    entry.acted += acted ? 1 : 0;
    entry.ms += Number(process.hrtime.bigint() - started) / 1e6;
    this.byRule.set(args[1].id, entry);
    return acted;
  }

  reset(): void {
    this.byRule.clear();
  }
}

export async function automationSweepBenchmark(): Promise<BenchmarkReport> {
  const database = await createTestDatabase('bench_automation_sweep', {
    migrations: CASES_MIGRATIONS,
    entities: CASES_ENTITIES,
  });
  try {
    const { dataSource } = database;
    await new TopicService(dataSource).seedStarterTaxonomy();
    const topics = (
      (await dataSource.query(
        'SELECT id FROM topic WHERE parent_id IS NOT NULL AND active ORDER BY name',
      )) as { id: string }[]
    ).map((t) => t.id);
    const anchor = new Date();
    const generation = await generate(database.url, anchor, topics);
    const schoolOne = idOf('school', 1);

    const logger = createLogger({ service: 'bench-automation', level: 'silent' });
    const outbox = new OutboxWriter('cases');
    const triage = new TriageService(dataSource);
    const cases = new TimedCaseService(
      dataSource,
      outbox,
      new CaseIntakeService(
        dataSource,
        outbox,
        SETTINGS,
        new RoutingService(dataSource),
        new AlertService(dataSource),
        triage,
      ),
      triage,
      new MessageTranslationService(dataSource, outbox, NO_MESSAGE_TRANSLATION, logger),
    );
    // Constructed, not started: the sweeps below are the only ones (the deployable's every-minute task
    // would be the same call).
    const automations = new AutomationService(dataSource, cases, SETTINGS, logger);

    const rules = ruleInputs(schoolOne, randomUUID());
    const rows: BenchmarkRow[] = [
      row({
        variant: `data set: ${CASES.toLocaleString('en')} open cases, ${generation.alerts.toLocaleString('en')} SLA alerts (SQL), then VACUUM ANALYZE`,
        'total ms': Math.round(generation.ms),
      }),
    ];

    // 1. Each rule's dry run (count and the 20 quietest), then the rule kept as the API keeps it.
    const kept: { id: string; name: string; outcome: string }[] = [];
    for (const input of rules) {
      await automations.preview(input.conditions);
      const times: number[] = [];
      let count = 0;
      for (let run = 0; run < DRY_RUNS; run += 1) {
        const started = process.hrtime.bigint();
        count = (await automations.preview(input.conditions)).count;
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      const outcome = await keep(automations, dataSource, input);
      kept.push({ ...outcome, name: input.name });
      rows.push(
        row({
          variant: `dry run: ${input.name}`,
          cases: count,
          'p50 ms': round(percentile(times, 50)),
          'max ms': round(Math.max(...times)),
          kept: outcome.outcome,
        }),
      );
      log(
        `dry run ${input.name}: ${count} cases, p50 ${percentile(times, 50).toFixed(1)} ms; ${outcome.outcome}`,
      );
    }
    const nameOf = (id: string) => kept.find((k) => k.id === id)?.name ?? id;

    // 2. One full sweep, every rule once: its selection (recorded, to explain it afterwards) and its batch.
    cases.reset();
    let firstApplied = 0;
    const firstStarted = process.hrtime.bigint();
    const statements = await statementsOf(async () => {
      firstApplied = await automations.sweep();
    });
    const firstMs = Number(process.hrtime.bigint() - firstStarted) / 1e6;
    const batches = [...cases.byRule.entries()];
    const batchMs = batches.reduce((sum, [, b]) => sum + b.ms, 0);
    rows.push(
      row({
        variant: `first sweep: ${kept.length} rules, up to ${AUTOMATION_LIMITS.casesPerSweep} cases each (${batches.length} batches)`,
        cases: firstApplied,
        'total ms': Math.round(firstMs),
        'ms per case': round(firstMs / Math.max(1, firstApplied)),
        'cases/s': Math.round((firstApplied / firstMs) * 1000),
      }),
    );
    for (const [ruleId, batch] of batches)
      rows.push(
        row({
          variant: `  batch: ${nameOf(ruleId)}`,
          cases: batch.acted,
          'total ms': Math.round(batch.ms),
          'ms per case': round(batch.ms / Math.max(1, batch.calls)),
          'cases/s': Math.round((batch.acted / batch.ms) * 1000),
        }),
      );
    rows.push(
      row({
        variant: '  selecting (lease, rules, each rule’s candidates)',
        'total ms': Math.round(firstMs - batchMs),
      }),
    );
    log(`first sweep: ${firstApplied} cases in ${Math.round(firstMs)} ms`);

    // The selection each rule sent, explained once (it ran above; the plan is the same shape now).
    const selections = statements.filter((s) => /^\s*SELECT c\.id FROM support_case c/.test(s.text));
    const plans: string[] = [];
    for (const selection of selections) {
      const ruleId = kept.find((k) => selection.values.includes(k.id))?.id ?? '?';
      plans.push(`${nameOf(ruleId)}: ${await explain(dataSource, selection)}`);
    }
    // The same selection with a one-status rule's status as one value rather than `= ANY(array)` (not
    // what the service sends): whether the index on (status, updated_at) could then give the quietest first.
    const whatIfs: string[] = [];
    for (const selection of selections) {
      const statuses = selection.values[0];
      if (!Array.isArray(statuses) || statuses.length !== 1 || !selection.text.includes(ANY_STATUS)) continue;
      const rule = nameOf(kept.find((k) => selection.values.includes(k.id))?.id ?? '?');
      const single = { ...selection, text: selection.text.replace(ANY_STATUS, ONE_STATUS) };
      const [asSent, asOne] = [await timeQuery(dataSource, selection), await timeQuery(dataSource, single)];
      rows.push(
        row({ variant: `  selection as sent (status = ANY): ${rule}`, 'p50 ms': round(asSent) }),
        row({ variant: `  the same, status as one value (what if): ${rule}`, 'p50 ms': round(asOne) }),
      );
      whatIfs.push(`${rule}: ${await explain(dataSource, single)}`);
    }

    // 3. Sweeps back to back (the deployable runs one a minute) until nothing is left or time is up.
    cases.reset();
    const drainStarted = process.hrtime.bigint();
    const drainDeadline = Date.now() + DRAIN_SECONDS * 1000;
    const sweepTimes: number[] = [];
    let drainApplied = 0;
    let lastApplied = -1;
    while (Date.now() < drainDeadline && lastApplied !== 0) {
      const started = process.hrtime.bigint();
      lastApplied = await automations.sweep();
      sweepTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
      drainApplied += lastApplied;
      log(`sweep ${sweepTimes.length + 1}: ${lastApplied} cases in ${Math.round(sweepTimes.at(-1)!)} ms`);
    }
    const drainMs = Number(process.hrtime.bigint() - drainStarted) / 1e6;
    const drained = lastApplied === 0;
    rows.push(
      row({
        variant: drained
          ? 'further sweeps back to back, until one found nothing left'
          : `further sweeps back to back for ${DRAIN_SECONDS} s (not drained)`,
        cases: drainApplied,
        sweeps: sweepTimes.length,
        'total ms': Math.round(drainMs),
        'p50 ms': Math.round(percentile(sweepTimes, 50)),
        'ms per case': round(drainMs / Math.max(1, drainApplied)),
        'cases/s': Math.round((drainApplied / drainMs) * 1000),
      }),
    );
    // What is left: each rule's selection without its limit, as the next sweep would see it.
    let sweepsLeft = 0;
    let casesLeft = 0;
    for (const selection of selections) {
      const ruleId = kept.find((k) => selection.values.includes(k.id))?.id ?? '?';
      const left = await remaining(dataSource, selection);
      casesLeft += left;
      sweepsLeft = Math.max(sweepsLeft, Math.ceil(left / AUTOMATION_LIMITS.casesPerSweep));
      rows.push(row({ variant: `  left to do: ${nameOf(ruleId)}`, cases: left }));
    }
    const perCase = drainMs / Math.max(1, drainApplied);
    if (casesLeft > 0)
      rows.push(
        row({
          variant: '  to finish: sweeps needed at 500 cases a rule (one a minute in the deployable)',
          cases: casesLeft,
          sweeps: sweepsLeft,
          'total ms': Math.round(casesLeft * perCase),
        }),
      );

    // 4. The idle sweep. (a) Nothing quiet long enough: each rule's range empty, as once its matches have
    // been acted on and moved on (resolved, re-prioritised, tagged: each change starts a new quiet spell).
    const idleNothing: number[] = [];
    const past = new Date(anchor.getTime() - 100 * 86_400_000);
    for (let run = 0; run <= IDLE_RUNS; run += 1) {
      const started = process.hrtime.bigint();
      const applied = await automations.sweep(past);
      if (run > 0) idleNothing.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (applied) throw new Error(`an idle sweep acted on ${applied} cases`);
    }
    rows.push(
      row({
        variant: 'idle sweep: no case quiet long enough for any rule',
        sweeps: IDLE_RUNS,
        'p50 ms': round(percentile(idleNothing, 50)),
        'max ms': round(Math.max(...idleNothing)),
      }),
    );
    // (b) Every match already acted on in this quiet spell but still matching (a reminder leaves the case
    // pending and quiet): the claims written as the sweeps would have, for each rule's matches left.
    // One clock for the claims and the sweeps after them: with the real one, a case crosses a rule's quiet
    // threshold every few seconds (the cases' last changes are spread to the second over 90 days).
    const idleAt = new Date();
    const claimed = await claimAll(dataSource, automations, kept, idleAt);
    const idleClaimed: number[] = [];
    const claimedStatements: { text: string; values: unknown[] }[] = [];
    for (let run = 0; run <= IDLE_RUNS; run += 1) {
      const started = process.hrtime.bigint();
      let applied = 0;
      const sent = await statementsOf(async () => {
        applied = await automations.sweep(idleAt);
      });
      if (run > 0) idleClaimed.push(Number(process.hrtime.bigint() - started) / 1e6);
      else claimedStatements.push(...sent);
      if (applied) throw new Error(`an idle sweep acted on ${applied} cases`);
    }
    rows.push(
      row({
        variant: `idle sweep: every match (${claimed.toLocaleString('en')}) already acted on, still matching`,
        cases: 0,
        sweeps: IDLE_RUNS,
        'p50 ms': round(percentile(idleClaimed, 50)),
        'max ms': round(Math.max(...idleClaimed)),
      }),
    );
    const idlePlans: string[] = [];
    for (const selection of claimedStatements.filter((s) =>
      /^\s*SELECT c\.id FROM support_case c/.test(s.text),
    )) {
      const ruleId = kept.find((k) => selection.values.includes(k.id))?.id ?? '?';
      idlePlans.push(`${nameOf(ruleId)}: ${await explain(dataSource, selection)}`);
    }

    return {
      name: 'automation-sweep',
      description: `The automation sweep (ADR 29) on AutomationService over ${CASES.toLocaleString('en')} open cases (NEW 15 %, OPEN 40 %, PENDING 30 %, ON_HOLD 15 %; last changed over the last 90 days; ${SCHOOLS} schools, the starter topics; ${generation.alerts.toLocaleString('en')} SLA alerts), generated in SQL in a fresh cases database, with four rules of the kinds districts write, kept through the service as the API keeps them. Each case acted on is its own transaction (lock, recheck, claim, actions, timeline, events), as the deployable's every-minute sweep does.`,
      command: `npm run bench -- automation-sweep${CASES === 1_000_000 ? '' : ` (BENCH_AUTOMATION_CASES=${CASES})`}`,
      rows,
      ratios: {},
      notes: [
        `Rules that would act on more than ${AUTOMATION_LIMITS.casesWhenActivated.toLocaleString('en')} cases now are refused when switched on (RULE_TOO_BROAD); those were kept switched off, as the API allows, then switched on in SQL: a rule switched on while the backlog was smaller, which the sweep works through ${AUTOMATION_LIMITS.casesPerSweep} cases a sweep.`,
        'Dry run: previewAutomationRule (a count and the 20 quietest cases), p50 of five after one warm-up. It counts every case in the rule’s conditions, including those the rule already acted on in their current quiet spell.',
        'Batch: the cases one rule acted on in one sweep, each in its own transaction; selecting: the rest of the sweep’s time (lease, rules, each rule’s candidate query).',
        `“Left to do” is each rule’s candidate query without its limit after the back-to-back sweeps; “to finish” prices it at this run’s time per case, and counts the sweeps at ${AUTOMATION_LIMITS.casesPerSweep} cases a rule a sweep.`,
        'Idle (no case quiet long enough): the sweep with its clock 100 days back, so every rule’s range is empty, as once each match was acted on and its change started a new quiet spell. Idle (every match acted on): a claim in automation_application for every case each rule still matches (as the sweep would have written it), the cases left as they are: the steady state of a reminder rule, and an upper bound for rules whose actions move the case on.',
        ...plans.map((plan) => `Plan of the first sweep’s selection, ${plan}`),
        ...whatIfs.map(
          (plan) =>
            `Plan of the same selection with its one status as one value (\`${ONE_STATUS}\`, not what the service sends), ${plan}`,
        ),
        ...idlePlans.map((plan) => `Plan of the idle sweep’s selection (every match claimed), ${plan}`),
        'The sweep reads support_case (status, last change, priority, school, topic), case_sla_alert and automation_application; acting on a case also writes case_message, case_timeline, outbox_event and case_figure_change. The generated cases have no messages or timeline (the sweep never reads them).',
      ],
    };
  } finally {
    await database.drop();
  }
}

/** The four rules: two broad ones on the pending backlog, an escalation on the SLA, one school's. */
function ruleInputs(schoolId: string, teamId: string): AutomationInput[] {
  return [
    {
      name: 'Resolve pending cases after 5 quiet school days',
      conditions: { statuses: ['PENDING'], idleBusinessDays: 5 },
      actions: [
        {
          kind: 'RESOLVE',
          message:
            'We have not heard back in five school days, so we are closing this case. Reply any time to reopen it.',
        },
        { kind: 'ADD_TAG', tag: 'auto-resolved' },
      ],
    },
    {
      name: 'Remind the requester after 3 quiet school days',
      conditions: { statuses: ['PENDING'], idleBusinessDays: 3 },
      actions: [
        {
          kind: 'REMIND_REQUESTER',
          message: 'We are waiting for your answer to our last message. Could you reply when you can?',
        },
      ],
    },
    {
      name: 'Escalate breached first responses (high and urgent)',
      conditions: {
        statuses: ['NEW', 'OPEN'],
        idleBusinessDays: 1,
        priorities: ['HIGH', 'URGENT'],
        sla: { state: 'BREACHED', timerKinds: ['FIRST_RESPONSE'] },
      },
      actions: [
        { kind: 'SET_PRIORITY', priority: 'URGENT' },
        { kind: 'ADD_TAG', tag: 'first-response-late' },
      ],
    },
    {
      name: 'School 1: on-hold cases to the front office after 10 school days',
      conditions: { statuses: ['ON_HOLD'], idleBusinessDays: 10, schoolIds: [schoolId] },
      actions: [
        { kind: 'ASSIGN_TEAM', teamId },
        { kind: 'ADD_TAG', tag: 'front-office' },
      ],
    },
  ];
}

/** The rule kept as the API keeps it; one refused as too broad is kept switched off, then switched on. */
async function keep(
  automations: AutomationService,
  dataSource: DataSource,
  input: AutomationInput,
): Promise<{ id: string; outcome: string }> {
  try {
    return { id: (await automations.create(input)).id, outcome: 'kept, active' };
  } catch (error) {
    const reason = (error as { reason?: string }).reason;
    if (reason !== 'RULE_TOO_BROAD') throw error;
    const { id } = await automations.create({ ...input, active: false });
    await dataSource.query('UPDATE automation_rule SET active = true WHERE id = $1', [id]);
    return { id, outcome: 'RULE_TOO_BROAD; kept off, on in SQL' };
  }
}

/**
 * The open cases and their SLA alerts, in SQL with triggers and foreign-key checks off (each row is
 * generated consistent; the reporting rollups are not read here), then VACUUM ANALYZE as autovacuum would.
 */
async function generate(
  url: string,
  anchor: Date,
  topics: readonly string[],
): Promise<{ ms: number; alerts: number }> {
  const client = new Client({ connectionString: url, application_name: 'bench:automation-sweep' });
  await client.connect();
  const started = process.hrtime.bigint();
  try {
    await client.query('SET session_replication_role = replica');
    for (let first = 1; first <= CASES; first += CHUNK) {
      const last = Math.min(CASES, first + CHUNK - 1);
      await client.query(
        `INSERT INTO support_case (id, number, subject, channel, status, priority, topic_id, school_id, contact,
                                   language, tracking_token_hash, created_at, updated_at, first_responded_at,
                                   sla_due_at, version)
         SELECT ${idSql('case', 'n')}, 'AS-' || lpad(n::text, 7, '0'), ${pick(SUBJECTS, 'n')},
                (ARRAY['WEB_FORM','WEB_FORM','EMAIL','EMAIL','PHONE','WALK_IN','CHAT','SMS'])[1 + (n / 3) % 8],
                status,
                CASE WHEN n % 53 = 0 THEN 'URGENT' WHEN n % 11 = 0 THEN 'HIGH' WHEN n % 7 = 0 THEN 'LOW' ELSE 'NORMAL' END,
                ($2::uuid[])[1 + (hashint4(-n)::bigint + 2147483648) % cardinality($2::uuid[])], ${idSql('school', `1 + (hashint4(n)::bigint + 2147483648) % ${SCHOOLS}`)},
                '{"name": null, "email": "family@example.org", "phone": null}', CASE WHEN n % 7 = 0 THEN 'es' ELSE 'en' END,
                md5('automation-track-' || n), updated_at - open_for, updated_at,
                CASE WHEN status = 'NEW' THEN NULL ELSE updated_at - open_for / 2 END,
                ${alertDueSql('n', 'updated_at')}, 1
           FROM generate_series(${first}, ${last}) AS n,
                LATERAL (SELECT ${STATUS_SQL} AS status,
                                $1::timestamptz - make_interval(secs => ((n::bigint * 48271) % 7776000)::int) AS updated_at,
                                make_interval(mins => ((n * 37) % 14400)::int) AS open_for) f`,
        [anchor, topics],
      );
      log(`cases: ${last}`);
    }
    // A breached first response on a quarter of the new cases; a next response warned of (due from 12 hours
    // ago to 3 days ahead, breached if past) on an eighth of the open ones.
    await client.query(
      `INSERT INTO case_sla_alert (case_id, timer_kind, due_at, breached_at)
       SELECT c.id, CASE WHEN c.status = 'NEW' THEN 'FIRST_RESPONSE' ELSE 'NEXT_RESPONSE' END, c.sla_due_at,
              CASE WHEN c.sla_due_at < $1 THEN c.sla_due_at END
         FROM support_case c WHERE c.sla_due_at IS NOT NULL`,
      [anchor],
    );
    await client.query('VACUUM ANALYZE support_case');
    await client.query('VACUUM ANALYZE case_sla_alert');
    const alerts = Number(
      (await client.query<{ n: string }>('SELECT count(*) AS n FROM case_sla_alert')).rows[0]!.n,
    );
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, alerts };
  } finally {
    await client.end();
  }
}

/** NEW 15 %, OPEN 40 %, PENDING 30 %, ON_HOLD 15 %. */
const STATUS_SQL = `CASE WHEN n % 20 < 3 THEN 'NEW' WHEN n % 20 < 11 THEN 'OPEN' WHEN n % 20 < 17 THEN 'PENDING' ELSE 'ON_HOLD' END`;

/** The case's SLA alert's deadline (its sla_due_at), or NULL for the cases with none. */
function alertDueSql(n: string, updatedAt: string): string {
  return `CASE WHEN ${n} % 20 < 3 AND (${n} / 20) % 4 = 0 THEN ${updatedAt} - open_for + interval '8 hours'
               WHEN ${n} % 20 BETWEEN 3 AND 10 AND (${n} / 20) % 8 = 0
                 THEN $1::timestamptz - interval '12 hours' + make_interval(mins => ((${n} * 61) % 5040)::int)
          END`;
}

const SUBJECTS = [
  'The bus did not come to our stop this morning',
  'Lunch account balance question',
  'Marked absent but was in class',
  'Parent-teacher conference dates',
  'El autobús no pasó esta mañana',
  'Immunization form copy',
  'Enrollment documents for next year',
  'Transcript request',
];

function pick(items: readonly string[], n: string): string {
  return `(ARRAY[${items.map((item) => `'${item.replace(/'/g, "''")}'`).join(',')}])[1 + ${n} % ${items.length}]`;
}

function idSql(kind: string, n: string): string {
  return `overlay(overlay(md5('automation-${kind}-' || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;
}

function idOf(kind: string, n: number): string {
  const digits = createHash('md5').update(`automation-${kind}-${n}`).digest('hex');
  const hex = `${digits.slice(0, 12)}4${digits.slice(13, 16)}8${digits.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement the sweep sent: its scan of support_case, and its time. */
async function explain(
  dataSource: DataSource,
  statement: { text: string; values: unknown[] },
): Promise<string> {
  const lines = (
    (await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values)) as {
      'QUERY PLAN': string;
    }[]
  ).map((row) => row['QUERY PLAN']);
  const clean = (line: string) =>
    line
      .replace(/\(cost=[^)]*\)\s*/, '')
      .replace(/^[\s->]+/, '')
      .replace(/\s+/g, ' ')
      .trim();
  const scan = lines.find((line) => /on support_case c\b/.test(line)) ?? '';
  const scanAt = lines.indexOf(scan);
  const buffers = lines.slice(scanAt + 1).find((line) => /Buffers:/.test(line)) ?? '';
  const top = lines.find((line) => /Buffers:/.test(line)) ?? '';
  const execution = lines.find((line) => /Execution Time/.test(line)) ?? '';
  const shape = lines
    .filter(
      (line) => /(Join|Sort|Limit|Semi|Anti)/.test(line) && !/Sort Key|Sort Method|Join Filter/.test(line),
    )
    .map((line) => clean(line).replace(/\s*\(actual.*$/, ''))
    .join(' → ');
  const indexes = [
    ...new Set(
      lines.flatMap(
        (line) =>
          /\b(ix_support_case\w*|pk_support_case\w*|pk_case_sla_alert|pk_automation_application)\b/.exec(
            line,
          )?.[1] ?? [],
      ),
    ),
  ];
  return `\`${clean(scan)}\` (${clean(buffers)}); indexes: ${indexes.join(', ') || 'none'}; whole query: ${shape || 'no join'}, ${clean(top)}, ${clean(execution)}.`;
}

const ANY_STATUS = 'c.status = ANY($1::text[])';
const ONE_STATUS = 'c.status = ($1::text[])[1]';

/** p50 of five runs of a statement, after one. */
async function timeQuery(
  dataSource: DataSource,
  statement: { text: string; values: unknown[] },
): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run <= 5; run += 1) {
    const started = process.hrtime.bigint();
    await dataSource.query(statement.text, statement.values);
    if (run > 0) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return percentile(times, 50);
}

/** How many cases a rule's candidate query would still give without its limit. */
async function remaining(
  dataSource: DataSource,
  statement: { text: string; values: unknown[] },
): Promise<number> {
  const values = [...statement.values];
  values[values.length - 1] = 2_000_000_000;
  const [row] = (await dataSource.query(
    `SELECT count(*)::int AS n FROM (${statement.text}) candidates`,
    values,
  )) as { n: number }[];
  return row!.n;
}

/**
 * A claim for every case each rule still matches, as applying it would have written: how many cases the
 * rules match, each now claimed.
 */
async function claimAll(
  dataSource: DataSource,
  automations: AutomationService,
  kept: readonly { id: string }[],
  now: Date,
): Promise<number> {
  let claimed = 0;
  for (const rule of await automations.list()) {
    if (!kept.some((k) => k.id === rule.id)) continue;
    const sent = await statementsOf(() => automations.preview(rule.conditions, now));
    const count = sent.find((s) =>
      /^SELECT count\(\*\)::int AS count FROM support_case c WHERE /.test(s.text),
    )!;
    const where = count.text.replace(/^SELECT count\(\*\)::int AS count FROM support_case c WHERE /, '');
    const [inserted] = (await dataSource.query(
      `WITH claims AS (
         INSERT INTO automation_application (rule_id, case_id, quiet_since)
         SELECT $${count.values.length + 1}::uuid, c.id, c.updated_at FROM support_case c WHERE ${where}
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM claims`,
      [...count.values, rule.id],
    )) as { n: number }[];
    log(`claims written for ${rule.name}: ${inserted!.n}`);
    const [matched] = (await dataSource.query(count.text, count.values)) as { count: number }[];
    claimed += matched!.count;
  }
  await dataSource.query('VACUUM ANALYZE automation_application');
  return claimed;
}

const COLUMNS = [
  'cases',
  'sweeps',
  'total ms',
  'p50 ms',
  'max ms',
  'ms per case',
  'cases/s',
  'kept',
] as const;

/** Every row with the same columns, in one order (an empty cell where a figure does not apply). */
function row(
  values: { variant: string } & Partial<Record<(typeof COLUMNS)[number], string | number>>,
): BenchmarkRow {
  return {
    variant: values.variant,
    ...Object.fromEntries(COLUMNS.map((column) => [column, values[column] ?? ''])),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
