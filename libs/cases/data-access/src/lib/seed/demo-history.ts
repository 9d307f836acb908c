import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { formatCaseNumber, type Channel, type Priority } from '@homeroom/cases/domain';
import { mulberry32, pick as pickWith } from '@homeroom/shared/random';
import type { OutboxWriter } from '@homeroom/platform/messaging';
import { CaseMessageAdded, CaseOpened, CaseResolved, CaseStatusChanged } from '@homeroom/cases/contracts';

/** A labelled inquiry the history borrows its words from (the triage starter set supplies them). */
export interface DemoInquiry {
  text: string;
  label: string;
}

export interface DemoHistoryOptions {
  /** The last day of history; cases are spread over the `days` before it. */
  now: Date;
  days: number;
  /** Contacts on an ordinary school weekday, district-wide. */
  weekdayVolume: number;
  /** Inquiries by topic name (a subtopic of the taxonomy); topics without examples are not drawn. */
  inquiries: readonly DemoInquiry[];
  /** The topic that surges in the last `spikeDays` at one school, for the emerging-issue detection. */
  spike: { topic: string; days: number; factor: number };
  timeZone: string;
  numberPrefix: string;
  /** Fixed, so every demo district has the same history. */
  seed: number;
}

export interface DemoHistorySummary {
  cases: number;
  messages: number;
  skipped?: string;
}

const CHANNEL_MIX: [Channel, number][] = [
  ['WEB_FORM', 0.34],
  ['EMAIL', 0.3],
  ['PHONE', 0.24],
  ['WALK_IN', 0.05],
  ['CHAT', 0.05],
  ['SMS', 0.02],
];

/** How busy each topic family is across the school year (1 = ordinary). */
function seasonal(month: number, day: number): number {
  if (month === 6 || (month === 7 && day < 25)) return 0.3; // summer break
  if ((month === 7 && day >= 25) || (month === 8 && day < 20)) return 1.7; // back to school
  if (month === 12 && day > 20) return 0.35; // winter break
  if (month === 3 && day >= 14 && day <= 22) return 0.4; // spring break
  return 1;
}

const REPLIES = [
  'Thank you for letting us know. I have shared this with the right team and will follow up by Friday.',
  'Thanks for reaching out. I checked with the school office and here is what we found.',
  'I am sorry for the trouble. We have corrected it and you should see the change within a day.',
  'Gracias por comunicarse con nosotros. Ya revisamos su caso y le compartimos la respuesta.',
  'Thank you for your patience. The principal has reviewed this and will call you this week.',
];

/**
 * A year of believable contact history for the demo district: weekday rhythm, school holidays, a
 * back-to-school surge, answers within hours, resolutions within days, a few reopened cases, and a surge of
 * one topic at one school in the last days that the emerging-issue detection finds. Written straight to
 * the tables, only into a district with no cases yet (so it never mixes with real ones), with the events the
 * cases would have raised marked `imported`: the SLA service builds the timers they imply (so attainment
 * covers the year), while nothing is sent to anybody.
 */
export async function seedDemoHistory(
  dataSource: DataSource,
  outbox: OutboxWriter,
  options: DemoHistoryOptions,
): Promise<DemoHistorySummary> {
  const [existing] = (await dataSource.query('SELECT count(*)::int AS n FROM support_case')) as {
    n: number;
  }[];
  if (existing!.n > 0) return { cases: 0, messages: 0, skipped: 'the district already has cases' };
  const schools = (await dataSource.query('SELECT id FROM known_school WHERE active ORDER BY name')) as {
    id: string;
  }[];
  if (schools.length === 0) return { cases: 0, messages: 0, skipped: 'no schools known yet' };
  const topics = (await dataSource.query(
    'SELECT id, name FROM topic WHERE parent_id IS NOT NULL AND active',
  )) as { id: string; name: string }[];
  const people = (await dataSource.query(
    `SELECT id, kind, school_ids FROM known_person WHERE active AND kind IN ('GUARDIAN', 'STAFF')`,
  )) as { id: string; kind: string; school_ids: string[] }[];

  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => pickWith(random, items);
  const byLabel = new Map<string, DemoInquiry[]>();
  for (const inquiry of options.inquiries)
    byLabel.set(inquiry.label, [...(byLabel.get(inquiry.label) ?? []), inquiry]);
  const drawable = topics.filter((t) => byLabel.has(t.name));
  const spikeTopic = drawable.find((t) => t.name === options.spike.topic);
  const spikeSchool = schools[0]!.id;
  const guardiansAt = groupBySchool(people.filter((p) => p.kind === 'GUARDIAN'));
  const staffAt = groupBySchool(people.filter((p) => p.kind === 'STAFF'));

  const rows: CaseRow[] = [];
  const messages: MessageRow[] = [];
  const timeline: TimelineRow[] = [];
  const dayMs = 86_400_000;
  for (let daysAgo = options.days - 1; daysAgo >= 0; daysAgo -= 1) {
    const day = new Date(options.now.getTime() - daysAgo * dayMs);
    const weekday = day.getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const expected =
      options.weekdayVolume * (weekend ? 0.12 : 1) * seasonal(day.getUTCMonth() + 1, day.getUTCDate());
    const count = Math.max(0, Math.round(expected * (0.75 + random() * 0.5)));
    const surge =
      spikeTopic && daysAgo < options.spike.days
        ? Math.round((options.weekdayVolume / drawable.length) * options.spike.factor)
        : 0;
    for (let i = 0; i < count + surge; i += 1) {
      const topic = i < count ? pick(drawable) : spikeTopic!;
      const schoolId = i < count ? pick(schools).id : spikeSchool;
      // Office hours, 7:00–18:00 district time (approximated as UTC−6).
      const createdAt = new Date(
        Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 13) +
          Math.floor(random() * 11 * 3_600_000),
      );
      if (createdAt > options.now) continue;
      const inquiry = pick(byLabel.get(topic.name)!);
      const channel = weighted(CHANNEL_MIX, random());
      const anonymous = channel === 'WEB_FORM' && random() < 0.08;
      const requester = anonymous ? null : pickOrNull(guardiansAt.get(schoolId), random);
      const assignee = pickOrNull(staffAt.get(schoolId), random);
      const ageHours = (options.now.getTime() - createdAt.getTime()) / 3_600_000;
      // Answers within hours (log-normal, median ~3 h), resolutions within days (median ~1.5 days).
      const respondAfter = Math.min(lognormal(random, Math.log(3), 0.9), 72);
      const resolveAfter = respondAfter + lognormal(random, Math.log(30), 1.0);
      const responded = ageHours > respondAfter;
      const resolved = ageHours > resolveAfter && random() < 0.97;
      // Reopened an hour after the resolution, resolved again three hours later.
      const reopened = resolved && random() < 0.06 && ageHours > resolveAfter + 4;
      const priority: Priority = random() < 0.04 ? 'HIGH' : random() < 0.05 ? 'LOW' : 'NORMAL';
      const id = randomUUID();
      const firstRespondedAt = responded ? new Date(createdAt.getTime() + respondAfter * 3_600_000) : null;
      const firstResolvedAt = resolved ? new Date(createdAt.getTime() + resolveAfter * 3_600_000) : null;
      const reopenedAt = reopened ? new Date(firstResolvedAt!.getTime() + 3_600_000) : null;
      const resolvedAt = reopenedAt ? new Date(reopenedAt.getTime() + 3 * 3_600_000) : firstResolvedAt;
      rows.push({
        id,
        createdAt,
        subject: firstLine(inquiry.text),
        channel,
        status: resolved
          ? ageHours - resolveAfter > 24 * 14
            ? 'CLOSED'
            : 'RESOLVED'
          : responded
            ? 'OPEN'
            : 'NEW',
        priority,
        topicId: topic.id,
        schoolId,
        requesterId: requester,
        anonymous,
        language: /[áéíóúñ¿¡]/i.test(inquiry.text) ? 'es' : 'en',
        assigneeId: responded ? assignee : null,
        firstRespondedAt,
        resolvedAt,
        firstResolvedAt,
        reopenedAt,
      });
      messages.push({
        id: randomUUID(),
        caseId: id,
        direction: 'INBOUND',
        author: 'REQUESTER',
        body: inquiry.text,
        at: createdAt,
      });
      timeline.push({
        caseId: id,
        kind: 'OPENED',
        actor: 'system',
        details: { channel, source: 'demo history' },
        at: createdAt,
      });
      if (firstRespondedAt) {
        messages.push({
          id: randomUUID(),
          caseId: id,
          direction: 'OUTBOUND',
          author: 'STAFF',
          body: pick(REPLIES),
          at: firstRespondedAt,
        });
        timeline.push({ caseId: id, kind: 'REPLIED', actor: 'system', details: {}, at: firstRespondedAt });
      }
      if (firstResolvedAt) {
        timeline.push({
          caseId: id,
          kind: 'STATUS_CHANGED',
          actor: 'system',
          details: { from: 'OPEN', to: 'RESOLVED' },
          at: firstResolvedAt,
        });
      }
      if (reopenedAt) {
        timeline.push({
          caseId: id,
          kind: 'STATUS_CHANGED',
          actor: 'requester',
          details: { from: 'RESOLVED', to: 'OPEN', reason: 'the requester replied' },
          at: reopenedAt,
        });
        timeline.push({
          caseId: id,
          kind: 'STATUS_CHANGED',
          actor: 'system',
          details: { from: 'OPEN', to: 'RESOLVED' },
          at: resolvedAt!,
        });
      }
    }
  }
  rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await dataSource.transaction(async (manager) => {
    const lastByYear = new Map<number, number>();
    const districtYear = new Intl.DateTimeFormat('en', { timeZone: options.timeZone, year: 'numeric' });
    const numbered = rows.map((row) => {
      const year = Number(districtYear.format(row.createdAt));
      const sequence = (lastByYear.get(year) ?? 0) + 1;
      lastByYear.set(year, sequence);
      return { ...row, number: formatCaseNumber(options.numberPrefix, year, sequence) };
    });
    for (let i = 0; i < numbered.length; i += 1000) {
      const chunk = numbered.slice(i, i + 1000);
      await manager.query(
        `INSERT INTO support_case (id, number, subject, channel, status, priority, topic_id, school_id, requester_id,
           contact, anonymous, confidential, language, assignee_id, tracking_token_hash, created_at, updated_at,
           first_responded_at, resolved_at, version)
         SELECT u.id, u.number, u.subject, u.channel, u.status, u.priority, u.topic_id, u.school_id, u.requester_id,
           '{"name":null,"email":null,"phone":null}'::jsonb, u.anonymous, false, u.language, u.assignee_id, u.token_hash,
           u.created_at, COALESCE(u.resolved_at, u.first_responded_at, u.created_at), u.first_responded_at, u.resolved_at, 1
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[],
           $9::uuid[], $10::boolean[], $11::text[], $12::uuid[], $13::text[], $14::timestamptz[], $15::timestamptz[],
           $16::timestamptz[])
           AS u(id, number, subject, channel, status, priority, topic_id, school_id, requester_id, anonymous, language,
             assignee_id, token_hash, created_at, first_responded_at, resolved_at)`,
        [
          chunk.map((r) => r.id),
          chunk.map((r) => r.number),
          chunk.map((r) => r.subject),
          chunk.map((r) => r.channel),
          chunk.map((r) => r.status),
          chunk.map((r) => r.priority),
          chunk.map((r) => r.topicId),
          chunk.map((r) => r.schoolId),
          chunk.map((r) => r.requesterId),
          chunk.map((r) => r.anonymous),
          chunk.map((r) => r.language),
          chunk.map((r) => r.assigneeId),
          // Nobody holds a tracking link for history: a hash of a random value nobody keeps.
          chunk.map(() => createHash('sha256').update(randomUUID()).digest('hex')),
          chunk.map((r) => r.createdAt),
          chunk.map((r) => r.firstRespondedAt),
          chunk.map((r) => r.resolvedAt),
        ],
      );
    }
    for (let i = 0; i < messages.length; i += 2000) {
      const chunk = messages.slice(i, i + 2000);
      await manager.query(
        `INSERT INTO case_message (id, case_id, direction, author_kind, body, created_at)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
        [
          chunk.map((m) => m.id),
          chunk.map((m) => m.caseId),
          chunk.map((m) => m.direction),
          chunk.map((m) => m.author),
          chunk.map((m) => m.body),
          chunk.map((m) => m.at),
        ],
      );
    }
    for (let i = 0; i < timeline.length; i += 2000) {
      const chunk = timeline.slice(i, i + 2000);
      await manager.query(
        `INSERT INTO case_timeline (case_id, kind, actor, details, at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[])`,
        [
          chunk.map((t) => t.caseId),
          chunk.map((t) => t.kind),
          chunk.map((t) => t.actor),
          chunk.map((t) => JSON.stringify(t.details)),
          chunk.map((t) => t.at),
        ],
      );
    }
    await publishHistory(manager, outbox, numbered, messages);
    // New cases continue after the history's numbers.
    for (const [year, last] of lastByYear) {
      await manager.query(
        `INSERT INTO case_number_sequence (year, last_value) VALUES ($1, $2)
         ON CONFLICT (year) DO UPDATE SET last_value = GREATEST(case_number_sequence.last_value, EXCLUDED.last_value)`,
        [year, last],
      );
    }
  });
  return { cases: rows.length, messages: messages.length };
}

interface CaseRow {
  id: string;
  createdAt: Date;
  subject: string;
  channel: Channel;
  status: string;
  priority: Priority;
  topicId: string;
  schoolId: string;
  requesterId: string | null;
  anonymous: boolean;
  language: string;
  assigneeId: string | null;
  firstRespondedAt: Date | null;
  /** The last resolution; a reopened case was also resolved at `firstResolvedAt` and reopened at `reopenedAt`. */
  resolvedAt: Date | null;
  firstResolvedAt: Date | null;
  reopenedAt: Date | null;
}

interface MessageRow {
  id: string;
  caseId: string;
  direction: 'INBOUND' | 'OUTBOUND';
  author: 'REQUESTER' | 'STAFF';
  body: string;
  at: Date;
}

interface TimelineRow {
  caseId: string;
  kind: string;
  actor: string;
  details: Record<string, unknown>;
  at: Date;
}

type NumberedCase = CaseRow & { number: string };

/**
 * The events of the history, in the outbox of the same transaction. Appended a kind at a time in the order
 * a case lives them (opened, written, answered, resolved, reopened, resolved again), so each case's events
 * reach its Kafka partition in order.
 */
async function publishHistory(
  manager: EntityManager,
  outbox: OutboxWriter,
  cases: readonly NumberedCase[],
  messages: readonly MessageRow[],
): Promise<void> {
  const imported = <Data>(aggregateId: string, at: Date, data: Data) => ({
    aggregateId,
    occurredAt: at,
    imported: true,
    data,
  });
  const inChunks = async <T>(items: readonly T[], append: (chunk: readonly T[]) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += 2000) await append(items.slice(i, i + 2000));
  };
  await inChunks(cases, (chunk) =>
    outbox.appendAll(
      manager,
      CaseOpened,
      chunk.map((c) =>
        imported(c.id, c.createdAt, {
          caseId: c.id,
          number: c.number,
          channel: c.channel,
          priority: c.priority,
          topicId: c.topicId,
          schoolId: c.schoolId,
          requesterId: c.requesterId,
          requesterKind: c.requesterId ? ('GUARDIAN' as const) : null,
          anonymous: c.anonymous,
          confidential: false,
          language: c.language,
          openedAt: c.createdAt.toISOString(),
        }),
      ),
    ),
  );
  for (const direction of ['INBOUND', 'OUTBOUND'] as const) {
    await inChunks(
      messages.filter((m) => m.direction === direction),
      (chunk) =>
        outbox.appendAll(
          manager,
          CaseMessageAdded,
          chunk.map((m) =>
            imported(m.caseId, m.at, {
              caseId: m.caseId,
              messageId: m.id,
              direction,
              at: m.at.toISOString(),
            }),
          ),
        ),
    );
  }
  const resolved = (c: NumberedCase, at: Date) =>
    imported(c.id, at, {
      caseId: c.id,
      number: c.number,
      requesterId: c.requesterId,
      anonymous: c.anonymous,
      confidential: false,
      channel: c.channel,
      language: c.language,
      schoolId: c.schoolId,
      topicId: c.topicId,
      assigneeId: c.assigneeId,
      resolvedAt: at.toISOString(),
      // The demo's requesters are directory people reachable by email; the survey service decides the rest.
      survey: {
        reachableBy: c.requesterId && !c.anonymous ? ['EMAIL' as const] : [],
        requesterKind: null,
        duplicate: false,
        optedOut: false,
      },
    });
  const reopened = cases.filter((c) => c.reopenedAt);
  await inChunks(
    cases.filter((c) => c.firstResolvedAt),
    (chunk) =>
      outbox.appendAll(
        manager,
        CaseResolved,
        chunk.map((c) => resolved(c, c.firstResolvedAt!)),
      ),
  );
  await inChunks(reopened, (chunk) =>
    outbox.appendAll(
      manager,
      CaseStatusChanged,
      chunk.map((c) =>
        imported(c.id, c.reopenedAt!, {
          caseId: c.id,
          from: 'RESOLVED' as const,
          to: 'OPEN' as const,
          at: c.reopenedAt!.toISOString(),
        }),
      ),
    ),
  );
  await inChunks(reopened, (chunk) =>
    outbox.appendAll(
      manager,
      CaseResolved,
      chunk.map((c) => resolved(c, c.resolvedAt!)),
    ),
  );
}

function groupBySchool(people: { id: string; school_ids: string[] }[]): Map<string, string[]> {
  const bySchool = new Map<string, string[]>();
  for (const person of people)
    for (const schoolId of person.school_ids)
      bySchool.set(schoolId, [...(bySchool.get(schoolId) ?? []), person.id]);
  return bySchool;
}

function pickOrNull(items: string[] | undefined, random: () => number): string | null {
  return items?.length ? items[Math.floor(random() * items.length)]! : null;
}

function weighted<T>(mix: readonly [T, number][], roll: number): T {
  let acc = 0;
  for (const [value, weight] of mix) {
    acc += weight;
    if (roll < acc) return value;
  }
  return mix[mix.length - 1]![0];
}

function lognormal(random: () => number, mu: number, sigma: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.exp(mu + sigma * z);
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}
