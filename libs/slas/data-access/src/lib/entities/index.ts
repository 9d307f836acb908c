import { BusinessCalendarEntity, SlaCaseEntity, SlaPolicyEntity, SlaTimerEntity } from './sla.entities';

export * from './sla.entities';

export const SLAS_ENTITIES = [BusinessCalendarEntity, SlaPolicyEntity, SlaCaseEntity, SlaTimerEntity];
