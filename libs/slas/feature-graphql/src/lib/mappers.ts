import type { BusinessCalendarEntity, SlaPolicyEntity, StoredTimer } from '@homeroom/slas/data-access';
import {
  remainingMinutes,
  validatePolicy,
  type BusinessCalendar as DomainCalendar,
} from '@homeroom/slas/domain';
import type { BusinessCalendar, SlaPolicy, SlaTimer } from './types';

export function toPolicy(entity: SlaPolicyEntity): SlaPolicy {
  const policy = validatePolicy({ ...entity.definition, id: entity.id, name: entity.name });
  return {
    id: entity.id,
    name: entity.name,
    position: entity.position,
    active: entity.active,
    conditions: {
      priorities: [...policy.conditions.priorities],
      topicIds: [...policy.conditions.topicIds],
      schoolIds: [...policy.conditions.schoolIds],
      channels: [...policy.conditions.channels],
      requesterKinds: [...policy.conditions.requesterKinds],
    },
    targets: { ...policy.targets },
    clock: policy.clock,
    warnAtPercent: policy.warnAtPercent,
    pausedStatuses: [...policy.pausedStatuses],
  };
}

export function toCalendar(entity: BusinessCalendarEntity): BusinessCalendar {
  return {
    id: entity.id,
    name: entity.name,
    scope: entity.scope,
    schoolId: entity.schoolId,
    timeZone: entity.definition.timeZone,
    openingHours: entity.definition.openingHours.map((interval) => ({ ...interval })),
    closures: (entity.definition.closures ?? []).map((closure) => ({ ...closure })),
    version: entity.version,
  };
}

/** A timer as the API shows it, with the minutes left now (none once it was answered). */
export function toTimer(stored: StoredTimer, calendar: DomainCalendar, now: Date): SlaTimer {
  const { timer } = stored;
  const answered = timer.metAt !== null;
  return {
    kind: timer.kind,
    target: timer.targetMinutes,
    clock: timer.clock,
    status: timer.status,
    dueAt: timer.dueAt,
    remainingBusinessMinutes: answered ? null : Math.trunc(remainingMinutes(timer, now, calendar)),
    breachedAt: timer.breachedAt,
    metAt: timer.metAt,
  };
}
