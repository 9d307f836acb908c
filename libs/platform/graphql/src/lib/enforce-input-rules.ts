import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { InvalidInputException } from '@homeroom/shared/errors';
import { ARGS_MAX_LENGTH_EXTENSION, DEFAULT_MAX_STRING_LENGTH, MAX_LENGTH_EXTENSION } from './input-rules';

/** The reasons a string argument is refused with, in `extensions.reason`. */
export const INPUT_REASONS = {
  /** Longer than its field's limit (DEFAULT_MAX_STRING_LENGTH unless the field names another). */
  tooLong: 'STRING_TOO_LONG',
  /** U+0000, which PostgreSQL text cannot hold: refused here rather than failing in the database. */
  nulCharacter: 'NUL_CHARACTER',
  /** An ID that is not a UUID: every record this API names by an `ID` has a UUID. */
  invalidId: 'INVALID_ID',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Enough to show beside a form's fields; a list of ten thousand bad tags need not be echoed whole. */
const MAX_REPORTED_PROBLEMS = 10;

interface Problem {
  path: string;
  message: string;
  reason: string;
}

/**
 * The subgraph's one check of what clients send, before any resolver (or guard) runs: every String and ID
 * argument and input-object field, at any depth and in lists, is at most its limit long and holds no NUL,
 * and every ID is a UUID. Identifiers that are not UUIDs (API client ids, case numbers, survey question
 * ids) are typed String in the schema for that reason. A field that breaks one is refused with
 * BAD_USER_INPUT naming it in `details`, so no oversized text reaches a query plan and no NUL or malformed
 * id reaches PostgreSQL (where it used to surface as INTERNAL).
 *
 * Wraps the resolvers of the schema's fields in place (the schema Nest built; passed as `transformSchema`),
 * and only those with an argument that can carry text, so pagination-only fields pay nothing.
 */
export function enforceInputRules(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((arg) => carriesText(arg.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        assertValidInput(field, args);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** Throws InvalidInputException when any argument of the field breaks a rule; see enforceInputRules. */
export function assertValidInput(
  field: GraphQLField<unknown, unknown>,
  args: Readonly<Record<string, unknown>>,
): void {
  const argLimits = field.extensions[ARGS_MAX_LENGTH_EXTENSION] as Record<string, number> | undefined;
  const problems: Problem[] = [];
  for (const arg of field.args) {
    // The `input` argument is the form itself: its fields are named as the domain's errors name them
    // (`requester.email`, not `input.requester.email`); other arguments by their own name.
    const root = arg.name === 'input' && isInputObjectType(getNamedType(arg.type)) ? '' : arg.name;
    check(args[arg.name], arg.type, argLimits?.[arg.name] ?? DEFAULT_MAX_STRING_LENGTH, root, problems);
  }
  const [first] = problems;
  if (!first) return;
  throw new InvalidInputException(
    `${first.path}: ${first.message}`,
    problems.slice(0, MAX_REPORTED_PROBLEMS).map(({ path, message }) => ({ path, message })),
    first.reason,
  );
}

function check(
  value: unknown,
  type: GraphQLInputType,
  maxLength: number,
  path: string,
  problems: Problem[],
): void {
  if (value === null || value === undefined || problems.length >= MAX_REPORTED_PROBLEMS) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value))
      value.forEach((item, i) => check(item, nullable.ofType, maxLength, join(path, String(i)), problems));
    return;
  }
  if (isInputObjectType(nullable)) {
    const fields = value as Record<string, unknown>;
    for (const field of Object.values(nullable.getFields())) {
      const limit =
        (field.extensions[MAX_LENGTH_EXTENSION] as number | undefined) ?? DEFAULT_MAX_STRING_LENGTH;
      check(fields[field.name], field.type, limit, join(path, field.name), problems);
    }
    return;
  }
  // Enums and other scalars (DateTime, Int) were already parsed by their own rules.
  if (typeof value !== 'string' || !isText(nullable)) return;
  const problem = stringProblem(value, nullable.name === 'ID', maxLength);
  if (problem) problems.push({ path, ...problem });
}

function stringProblem(
  value: string,
  isId: boolean,
  maxLength: number,
): { message: string; reason: string } | null {
  if (value.includes('\u0000'))
    return { message: 'must not contain a NUL character (U+0000)', reason: INPUT_REASONS.nulCharacter };
  if (value.length > maxLength)
    return { message: `at most ${maxLength} characters`, reason: INPUT_REASONS.tooLong };
  if (isId && !UUID.test(value)) return { message: 'not a valid id', reason: INPUT_REASONS.invalidId };
  return null;
}

/** Whether a value of this type can hold a String or an ID anywhere inside it. */
function carriesText(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return isText(named);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => carriesText(field.type, seen));
}

function isText(type: { name: string }): boolean {
  return type.name === 'String' || type.name === 'ID';
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
