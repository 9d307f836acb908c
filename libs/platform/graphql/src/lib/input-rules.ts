import { Extensions } from '@nestjs/graphql';

/**
 * Characters any String or ID argument or input field may hold when it names no limit of its own. Every
 * subgraph enforces it for every field (`enforceInputRules`), so a new field is bounded without anyone
 * remembering to; the few that need more (message bodies, files) say so with `@MaxLength`.
 */
export const DEFAULT_MAX_STRING_LENGTH = 1_000;

/** Where the limits live in the schema's extensions (they are not part of the SDL). */
export const MAX_LENGTH_EXTENSION = 'homeroomMaxLength';
export const ARGS_MAX_LENGTH_EXTENSION = 'homeroomArgsMaxLength';

/**
 * The limit of one input-object field, when the default does not fit: `@MaxLength(MAX_SEARCH_LENGTH)`.
 * Where a domain rule checks a text after trimming or normalizing line ends, give twice its limit here, so
 * that a text only slightly too long still gets the domain's own reason.
 */
export function MaxLength(characters: number): PropertyDecorator {
  return Extensions({ [MAX_LENGTH_EXTENSION]: assertLimit(characters) }) as PropertyDecorator;
}

/**
 * Limits of a query's or mutation's own arguments, on its resolver method: `@ArgsMaxLength({ body: … })`.
 * One per method (Nest merges extensions shallowly, so a second would replace the first).
 */
export function ArgsMaxLength(limits: Readonly<Record<string, number>>): MethodDecorator {
  Object.values(limits).forEach(assertLimit);
  return Extensions({ [ARGS_MAX_LENGTH_EXTENSION]: { ...limits } }) as MethodDecorator;
}

function assertLimit(characters: number): number {
  if (!Number.isSafeInteger(characters) || characters < 1)
    throw new Error(`A string limit is a positive integer, not ${characters}`);
  return characters;
}
