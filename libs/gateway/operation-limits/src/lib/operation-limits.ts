import { ERROR_CODES, type ErrorCode } from '@homeroom/shared/errors';
import type { OperationShape } from './operation-shape';

/** What one operation may ask of the platform. Every limit is checked before any subgraph is called. */
export interface OperationLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
}

/**
 * Generous for the portal's and vendors' real operations (the inbox query nests 6 deep and costs 405
 * for 50 cases), tight enough that nesting connections in connections or aliasing one field hundreds
 * of times is refused.
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = { maxDepth: 12, maxCost: 5_000, maxAliases: 30 };

export interface LimitViolation {
  code: ErrorCode;
  /** A finer code, when the code alone does not say which rule was broken. */
  reason?: string;
  message: string;
  limit: number;
  actual: number;
}

/** The first limit the operation breaks (depth, then aliases, then cost), or undefined. */
export function limitViolation(shape: OperationShape, limits: OperationLimits): LimitViolation | undefined {
  if (shape.depth > limits.maxDepth)
    return {
      code: ERROR_CODES.QUERY_TOO_DEEP,
      message: `The operation nests ${shape.depth} levels deep; at most ${limits.maxDepth} are allowed`,
      limit: limits.maxDepth,
      actual: shape.depth,
    };
  if (shape.aliases > limits.maxAliases)
    return {
      code: ERROR_CODES.TOO_MANY_ALIASES,
      message: `The operation uses ${shape.aliases} aliases; at most ${limits.maxAliases} are allowed`,
      limit: limits.maxAliases,
      actual: shape.aliases,
    };
  if (shape.cost > limits.maxCost)
    return {
      code: ERROR_CODES.QUERY_TOO_COSTLY,
      message: `The operation's estimated cost is ${Math.round(shape.cost)}; at most ${limits.maxCost} is allowed (ask for smaller pages with first)`,
      limit: limits.maxCost,
      actual: Math.round(shape.cost),
    };
  return undefined;
}
