import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { eventHandler, OutboxWriter, type EventHandler } from '@homeroom/platform/messaging';
import {
  CaseMerged,
  CaseMessageAdded,
  CaseOpened,
  CaseResolved,
  CaseStatusChanged,
  CaseUpdated,
} from '@homeroom/cases/contracts';
import { SlaBreached } from '@homeroom/slas/contracts';
import {
  businessMinutesBetween,
  firstMatchingPolicy,
  meetTimer,
  pauseTimer,
  pausesIn,
  recompute,
  resumeTimer,
  retarget,
  startTimer,
  targetFor,
  type BusinessCalendar,
  type SlaPolicy,
  type SlaTimer,
  type SlaTimerKind,
} from '@homeroom/slas/domain';
import { CalendarService } from './calendar.service';
import { PolicyService } from './policy.service';
import { saveTimers, timerFromRow, type SlaTimerRow, type StoredTimer } from './timer-rows';

const CLOSED_STATUSES = ['RESOLVED', 'CLOSED'];

interface SlaCaseRow {
  case_id: string;
  priority: string;
  topic_id: string | null;
  school_id: string | null;
  channel: string;
  requester_kind: string | null;
  status: string;
  policy_id: string | null;
  awaiting_reply: boolean;
  merged: boolean;
  last_event_at: Date;
}

/** A case's SLA state, locked for the event in hand. */
interface Loaded {
  facts: SlaCaseRow;
  timers: Map<SlaTimerKind, StoredTimer>;
  policy: SlaPolicy | undefined;
  calendarId: string | null;
  calendar: BusinessCalendar;
}

export interface CaseSla {
  policy: { id: string; name: string } | null;
  timers: StoredTimer[];
  calendar: BusinessCalendar;
}

/**
 * Applies the cases service's events to the SLA timers, each in the consumer's transaction (the inbox has
 * already dropped duplicates). The time of a change is the event's own (`openedAt`, `at`, `resolvedAt`);
 * the domain ignores anything older than what a timer has already seen, and the case's facts are only
 * overwritten by newer events, so late deliveries change nothing wrongly.
 */
@Injectable()
export class TimerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly policies: PolicyService,
    private readonly outbox: OutboxWriter,
  ) {}

  handlers(): EventHandler[] {
    return [
      eventHandler(CaseOpened, ({ data }, manager) => this.opened(manager, data)),
      eventHandler(CaseMessageAdded, ({ data }, manager) => this.messageAdded(manager, data)),
      eventHandler(CaseStatusChanged, ({ data }, manager) => this.statusChanged(manager, data)),
      eventHandler(CaseResolved, ({ data }, manager) =>
        this.statusChanged(manager, { caseId: data.caseId, to: 'RESOLVED', at: data.resolvedAt }),
      ),
      eventHandler(CaseUpdated, ({ data }, manager) => this.updated(manager, data)),
      eventHandler(CaseMerged, ({ data }, manager) => this.merged(manager, data)),
    ] as EventHandler[];
  }

  /** A case's policy and timers, for the API. */
  async caseSla(caseId: string): Promise<CaseSla | null> {
    const manager = this.dataSource.manager;
    const [facts] = (await manager.query('SELECT policy_id, school_id FROM sla_case WHERE case_id = $1', [
      caseId,
    ])) as { policy_id: string | null; school_id: string | null }[];
    if (!facts) return null;
    const rows = (await manager.query('SELECT * FROM sla_timer WHERE case_id = $1', [
      caseId,
    ])) as SlaTimerRow[];
    const timers = rows.map(timerFromRow);
    const policy = await this.policies.byId(manager, facts.policy_id);
    const calendar = timers[0]
      ? await this.calendars.byId(manager, timers[0].calendarId)
      : (await this.calendars.calendarFor(manager, facts.school_id)).calendar;
    return { policy: policy ? { id: policy.id, name: policy.name } : null, timers, calendar };
  }

  async opened(manager: EntityManager, data: (typeof CaseOpened)['fixture']): Promise<void> {
    const at = new Date(data.openedAt);
    const policy = firstMatchingPolicy(await this.policies.active(manager), {
      priority: data.priority,
      topicId: data.topicId,
      schoolId: data.schoolId,
      channel: data.channel,
      requesterKind: data.requesterKind ?? null,
    });
    const inserted = (await manager.query(
      `INSERT INTO sla_case (case_id, priority, topic_id, school_id, channel, status, requester_id, policy_id,
         opened_at, last_inbound_at, awaiting_reply, merged, last_event_at, requester_kind)
       VALUES ($1, $2, $3, $4, $5, 'NEW', $6, $7, $8, $8, true, false, $8, $9)
       ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
      [
        data.caseId,
        data.priority,
        data.topicId,
        data.schoolId,
        data.channel,
        data.requesterId,
        policy?.id ?? null,
        at.toISOString(),
        data.requesterKind ?? null,
      ],
    )) as unknown[];
    if (inserted.length === 0 || !policy) return;
    const { id: calendarId, calendar } = await this.calendars.calendarFor(manager, data.schoolId);
    const timers = (['FIRST_RESPONSE', 'RESOLUTION'] as const).flatMap((kind) => {
      const timer = this.start(policy, kind, at, calendar);
      return timer
        ? [{ caseId: data.caseId, policyId: policy.id, calendarId, timer, responseBusinessMinutes: null }]
        : [];
    });
    await saveTimers(manager, timers);
  }

  async messageAdded(manager: EntityManager, data: (typeof CaseMessageAdded)['fixture']): Promise<void> {
    if (data.direction === 'INTERNAL_NOTE') return;
    const loaded = await this.load(manager, data.caseId);
    if (!loaded) return;
    const at = new Date(data.at);
    const newer = at.getTime() >= loaded.facts.last_event_at.getTime();
    const changed: StoredTimer[] = [];
    if (data.direction === 'OUTBOUND') {
      // A staff reply answers whatever response is owed: the first, or the next after the family wrote again.
      for (const kind of ['FIRST_RESPONSE', 'NEXT_RESPONSE'] as const) {
        const stored = loaded.timers.get(kind);
        if (stored && !stored.timer.metAt)
          this.apply(changed, stored, meetTimer(stored.timer, at, loaded.calendar));
      }
      if (newer) await this.setFacts(manager, data.caseId, { awaiting_reply: false }, at);
    } else {
      if (!newer) return;
      // The family wrote after a reply: a next response is owed (one running timer at a time).
      const answered = !loaded.facts.awaiting_reply;
      const next = loaded.timers.get('NEXT_RESPONSE');
      const open = next && (next.timer.status === 'RUNNING' || next.timer.status === 'PAUSED');
      if (answered && loaded.policy && !open) {
        const timer = this.start(loaded.policy, 'NEXT_RESPONSE', at, loaded.calendar);
        if (timer) {
          changed.push({
            caseId: data.caseId,
            policyId: loaded.policy.id,
            calendarId: loaded.calendarId,
            timer,
            responseBusinessMinutes: null,
          });
        }
      }
      await this.setFacts(
        manager,
        data.caseId,
        { awaiting_reply: true, last_inbound_at: at.toISOString() },
        at,
      );
    }
    await this.commit(manager, changed, loaded.timers);
  }

  async statusChanged(
    manager: EntityManager,
    data: { caseId: string; to: string; at: string },
  ): Promise<void> {
    const loaded = await this.load(manager, data.caseId);
    if (!loaded) return;
    const at = new Date(data.at);
    if (at.getTime() >= loaded.facts.last_event_at.getTime()) {
      await this.setFacts(manager, data.caseId, { status: data.to }, at);
    }
    const stored = loaded.timers.get('RESOLUTION');
    if (!stored) return;
    const changed: StoredTimer[] = [];
    let timer = stored.timer;
    if (CLOSED_STATUSES.includes(data.to)) {
      timer = meetTimer(timer, at, loaded.calendar);
    } else {
      // Reopened after being met in time: a new run that keeps the time already used (a breach stands).
      if (timer.status === 'MET' && timer.metAt && at.getTime() >= timer.metAt.getTime()) {
        timer = resumeTimer(
          Object.freeze({
            ...timer,
            status: 'PAUSED',
            metAt: null,
            runningSince: null,
            dueAt: null,
            warnAt: null,
          }),
          at,
          loaded.calendar,
        );
      }
      const paused = loaded.policy ? pausesIn(loaded.policy, data.to) : false;
      timer = paused ? pauseTimer(timer, at, loaded.calendar) : resumeTimer(timer, at, loaded.calendar);
    }
    this.apply(changed, stored, timer);
    await this.commit(manager, changed, loaded.timers);
  }

  async updated(manager: EntityManager, data: (typeof CaseUpdated)['fixture']): Promise<void> {
    const loaded = await this.load(manager, data.caseId);
    if (!loaded) return;
    const at = new Date(data.at);
    if (at.getTime() < loaded.facts.last_event_at.getTime()) return;
    const policy = firstMatchingPolicy(await this.policies.active(manager), {
      priority: data.priority,
      topicId: data.topicId,
      schoolId: data.schoolId,
      channel: loaded.facts.channel,
      requesterKind: loaded.facts.requester_kind,
    });
    await this.setFacts(
      manager,
      data.caseId,
      {
        priority: data.priority,
        topic_id: data.topicId,
        school_id: data.schoolId,
        policy_id: policy?.id ?? null,
      },
      at,
    );
    // A move to another school may move the case to another calendar.
    const { id: calendarId, calendar } = await this.calendars.calendarFor(manager, data.schoolId);
    const changed: StoredTimer[] = [];
    for (const stored of loaded.timers.values()) {
      let next: StoredTimer = stored;
      if (calendarId !== stored.calendarId) {
        next = { ...next, calendarId, timer: recompute(next.timer, calendar) };
      }
      // The time used is kept; the new policy's target applies to it (kinds it does not set keep theirs).
      const target = policy ? targetFor(policy, stored.timer.kind) : undefined;
      if (
        policy &&
        target !== undefined &&
        (target !== next.timer.targetMinutes || policy.id !== next.policyId)
      ) {
        const retargeted = retarget(switchClock(next.timer, policy, at, calendar), target, at, calendar);
        if (retargeted !== next.timer) next = { ...next, policyId: policy.id, timer: retargeted };
      }
      if (next !== stored) changed.push(next);
    }
    await this.commit(manager, changed, loaded.timers);
  }

  /** The merged case's timers stop (paused for good: the survivor carries on); its later events are ignored. */
  async merged(manager: EntityManager, data: (typeof CaseMerged)['fixture']): Promise<void> {
    const loaded = await this.load(manager, data.mergedCaseId);
    if (!loaded) return;
    const at = new Date(data.at);
    const changed: StoredTimer[] = [];
    for (const stored of loaded.timers.values())
      this.apply(changed, stored, pauseTimer(stored.timer, at, loaded.calendar));
    await manager.query('UPDATE sla_case SET merged = true WHERE case_id = $1', [data.mergedCaseId]);
    await this.commit(manager, changed, loaded.timers);
  }

  private start(
    policy: SlaPolicy,
    kind: SlaTimerKind,
    at: Date,
    calendar: BusinessCalendar,
  ): SlaTimer | undefined {
    const targetMinutes = targetFor(policy, kind);
    if (targetMinutes === undefined) return undefined;
    return startTimer(
      { kind, targetMinutes, clock: policy.clock, warnAtPercent: policy.warnAtPercent },
      at,
      calendar,
    );
  }

  private apply(changed: StoredTimer[], stored: StoredTimer, timer: SlaTimer): void {
    if (timer !== stored.timer) changed.push({ ...stored, timer });
  }

  private async load(manager: EntityManager, caseId: string): Promise<Loaded | undefined> {
    const [facts] = (await manager.query('SELECT * FROM sla_case WHERE case_id = $1 FOR UPDATE', [
      caseId,
    ])) as SlaCaseRow[];
    if (!facts || facts.merged) return undefined;
    const rows = (await manager.query('SELECT * FROM sla_timer WHERE case_id = $1 FOR UPDATE', [
      caseId,
    ])) as SlaTimerRow[];
    const timers = new Map(rows.map((row) => [row.kind, timerFromRow(row)] as const));
    const first = rows[0];
    const resolved = first
      ? { id: first.calendar_id, calendar: await this.calendars.byId(manager, first.calendar_id) }
      : await this.calendars.calendarFor(manager, facts.school_id);
    return {
      facts,
      timers,
      policy: await this.policies.byId(manager, facts.policy_id),
      calendarId: resolved.id,
      calendar: resolved.calendar,
    };
  }

  private async setFacts(
    manager: EntityManager,
    caseId: string,
    facts: Record<string, string | boolean | null>,
    at: Date,
  ): Promise<void> {
    const columns = Object.keys(facts);
    await manager.query(
      `UPDATE sla_case SET ${columns.map((column, i) => `${column} = $${i + 3}`).join(', ')},
         last_event_at = greatest(last_event_at, $2) WHERE case_id = $1`,
      [caseId, at.toISOString(), ...columns.map((column) => facts[column])],
    );
  }

  /**
   * A first response's business minutes to the response, on its calendar, kept with it for the attainment
   * figures (their rollups cannot run calendar arithmetic); none while unmet, nor for the other kinds.
   */
  private async withResponseMinutes(manager: EntityManager, stored: StoredTimer): Promise<StoredTimer> {
    const { timer } = stored;
    if (timer.kind !== 'FIRST_RESPONSE' || !timer.metAt) return { ...stored, responseBusinessMinutes: null };
    const calendar = await this.calendars.byId(manager, stored.calendarId);
    return {
      ...stored,
      responseBusinessMinutes: businessMinutesBetween(calendar, timer.startedAt, timer.metAt),
    };
  }

  /** Saves the changed timers; one met after its deadline (the breach not yet recorded) is announced here. */
  private async commit(
    manager: EntityManager,
    changed: StoredTimer[],
    before: Map<SlaTimerKind, StoredTimer>,
  ): Promise<void> {
    await saveTimers(
      manager,
      await Promise.all(changed.map((stored) => this.withResponseMinutes(manager, stored))),
    );
    for (const stored of changed) {
      const previous = before.get(stored.timer.kind);
      const { timer } = stored;
      if (previous && previous.timer.status !== 'BREACHED' && timer.status === 'BREACHED' && timer.dueAt) {
        await this.outbox.append(manager, SlaBreached, {
          aggregateId: stored.caseId,
          data: {
            caseId: stored.caseId,
            timerKind: timer.kind,
            policyId: stored.policyId,
            dueAt: timer.dueAt.toISOString(),
            breachedAt: (timer.breachedAt ?? timer.dueAt).toISOString(),
          },
        });
      }
    }
  }
}

/**
 * A new policy on another clock (or warning threshold): the minutes used so far are kept as minutes, and
 * the rest runs on the new policy's clock from `at`. Timers that are over, or events out of order, are
 * left alone (as `retarget` would).
 */
function switchClock(timer: SlaTimer, policy: SlaPolicy, at: Date, calendar: BusinessCalendar): SlaTimer {
  if (timer.clock === policy.clock && timer.warnAtPercent === policy.warnAtPercent) return timer;
  if (timer.status !== 'RUNNING' && timer.status !== 'PAUSED') return timer;
  if (at.getTime() < timer.lastEventAt.getTime()) return timer;
  const running = timer.status === 'RUNNING';
  const banked = running ? pauseTimer(timer, at, calendar) : timer;
  const switched = Object.freeze({ ...banked, clock: policy.clock, warnAtPercent: policy.warnAtPercent });
  return running ? resumeTimer(switched, at, calendar) : switched;
}
