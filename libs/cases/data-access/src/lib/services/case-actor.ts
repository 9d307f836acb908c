/** Who did something to a case, as the timeline and messages record it. */
export interface CaseActor {
  kind: 'REQUESTER' | 'STAFF' | 'CLIENT' | 'SYSTEM';
  id: string | null;
}

export const REQUESTER: CaseActor = { kind: 'REQUESTER', id: null };

/** The platform itself: intake, routing, delivery, automations without a rule to name. */
export const SYSTEM: CaseActor = { kind: 'SYSTEM', id: null };

export function describeActor(actor: CaseActor): string {
  return actor.id ? `${actor.kind.toLowerCase()}:${actor.id}` : actor.kind.toLowerCase();
}

/**
 * Which cases a caller sees: all (district administrators see confidential cases too; viewers and API
 * clients do not), or their schools' and their own assignments (agents, school administrators).
 */
export type CaseVisibility =
  | { scope: 'all'; confidential: boolean; userId?: string }
  | { scope: 'schools'; schoolIds: readonly string[]; userId: string };
