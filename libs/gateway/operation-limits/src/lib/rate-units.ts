import type { OperationShape } from './operation-shape';

/**
 * What one operation counts against its caller's rate limit: one, and a mutation one for each root field
 * it runs, since each is a write of its own (`a: submitInquiry … b: submitInquiry …` opens two cases).
 * Queries count one however many fields they ask for: their cost limit bounds them instead.
 */
export function rateUnits(shape: OperationShape): number {
  return shape.operationType === 'mutation' ? Math.max(1, shape.rootFieldCalls.length) : 1;
}
