/**
 * The public API as vendors see it: the supergraph's API schema (federation's own types and directives
 * left out), committed as docs/api/schema.graphql and described in docs/api/schema.md. Changing it in a
 * way that breaks a client (a field removed, a type changed, an argument made required) must be declared
 * in docs/api/breaking-changes.json with its reason; tools/graphql/public-schema.spec.ts enforces both.
 * `node -r @swc-node/register tools/graphql/public-schema.ts` rewrites the schema and its reference.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import {
  buildSchema,
  findBreakingChanges,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { subgraphSchemas } from './compose-supergraph';

export const PUBLIC_SCHEMA_FILE = join('docs', 'api', 'schema.graphql');
export const SCHEMA_REFERENCE_FILE = join('docs', 'api', 'schema.md');
export const DECLARED_BREAKING_CHANGES_FILE = join('docs', 'api', 'breaking-changes.json');

export interface DeclaredBreakingChange {
  /** graphql-js's description of the change, as the check reports it. */
  change: string;
  /** Why it was worth breaking clients, and what they do instead. */
  reason: string;
  /** When it was declared (YYYY-MM-DD). */
  declared: string;
}

/** The API schema of the composed supergraph, sorted so that its printed form is stable. */
export function publicApiSchema(root = workspaceRoot()): GraphQLSchema {
  const result = composeServices(subgraphSchemas(root));
  if (result.errors?.length || !result.schema)
    throw new Error(
      `The subgraphs do not compose: ${(result.errors ?? []).map((e) => e.message).join('; ')}`,
    );
  return lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema());
}

export function printPublicSchema(schema: GraphQLSchema): string {
  return `${printSchema(schema).trimEnd()}\n`;
}

/** Every change from the committed schema to this one that can break a client, in graphql-js's words. */
export function breakingChanges(committedSdl: string, schema: GraphQLSchema): string[] {
  return findBreakingChanges(buildSchema(committedSdl), schema).map(
    (change) => `${change.type}: ${change.description}`,
  );
}

export function declaredBreakingChanges(root = workspaceRoot()): DeclaredBreakingChange[] {
  const file = join(root, DECLARED_BREAKING_CHANGES_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DeclaredBreakingChange[]) : [];
}

/** Markdown reference: the operations first, then every type, each with its fields and descriptions. */
export function schemaReference(schema: GraphQLSchema): string {
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const roots = [schema.getQueryType(), schema.getMutationType()].filter(
    (type): type is NonNullable<typeof type> => Boolean(type),
  );
  const sections = [
    '# Homeroom GraphQL API: schema reference',
    '',
    'Generated from the composed supergraph by `tools/graphql/public-schema.ts`; do not edit by hand. The',
    'same schema as SDL: [schema.graphql](schema.graphql). How to call it: [README.md](README.md).',
    '',
    '## Operations',
    '',
    ...roots.flatMap((root) => [
      `### ${root.name}`,
      '',
      ...Object.values(root.getFields())
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((field) => operationEntry(field)),
    ]),
    '## Types',
    '',
    ...types.filter((type) => !roots.includes(type as never)).flatMap((type) => typeEntry(type)),
  ];
  return `${sections.join('\n').trimEnd()}\n`;
}

function operationEntry(field: GraphQLField<unknown, unknown>): string[] {
  const args = field.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ');
  return [
    `#### \`${field.name}${args ? `(${args})` : ''}: ${String(field.type)}\``,
    '',
    ...(field.description ? [oneLine(field.description), ''] : []),
    ...(field.deprecationReason ? [`**Deprecated:** ${oneLine(field.deprecationReason)}`, ''] : []),
    ...argumentList(field.args),
    `Returns ${typeLink(field.type)}.`,
    '',
  ];
}

function argumentList(args: readonly GraphQLArgument[]): string[] {
  const described = args.filter((arg) => arg.description);
  if (described.length === 0) return [];
  return [...described.map((arg) => `- \`${arg.name}\`: ${oneLine(arg.description!)}`), ''];
}

function typeEntry(type: GraphQLNamedType): string[] {
  const kind = isObjectType(type)
    ? 'object'
    : isInputObjectType(type)
      ? 'input'
      : isEnumType(type)
        ? 'enum'
        : isInterfaceType(type)
          ? 'interface'
          : isUnionType(type)
            ? 'union'
            : 'scalar';
  const lines = [`### ${type.name}`, '', `_${kind}_`, ''];
  if (type.description) lines.push(oneLine(type.description), '');
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    lines.push('| field | type | description |', '| --- | --- | --- |');
    for (const field of Object.values(type.getFields()) as (
      GraphQLField<unknown, unknown> | GraphQLInputField
    )[]) {
      const args =
        'args' in field && field.args.length > 0
          ? `(${field.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ')})`
          : '';
      const deprecated =
        'deprecationReason' in field && field.deprecationReason
          ? ` **Deprecated:** ${oneLine(field.deprecationReason)}`
          : '';
      lines.push(
        `| \`${field.name}${args}\` | ${typeLink(field.type)} | ${cell(field.description ?? '')}${deprecated} |`,
      );
    }
    lines.push('');
  } else if (isEnumType(type)) {
    for (const value of type.getValues())
      lines.push(`- \`${value.name}\`${value.description ? `: ${oneLine(value.description)}` : ''}`);
    lines.push('');
  } else if (isUnionType(type)) {
    lines.push(
      `One of: ${type
        .getTypes()
        .map((member) => `[${member.name}](#${anchor(member.name)})`)
        .join(', ')}.`,
      '',
    );
  } else if (isScalarType(type) && type.specifiedByURL) {
    lines.push(`Specified by ${type.specifiedByURL}.`, '');
  }
  return lines;
}

/** The type as written (`[Case!]!`), linked to its named type's entry. */
function typeLink(type: Parameters<typeof getNamedType>[0]): string {
  return `[\`${String(type)}\`](#${anchor(getNamedType(type)!.name)})`;
}

function anchor(name: string): string {
  return name.toLowerCase();
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

if (require.main === module) {
  const root = workspaceRoot();
  const schema = publicApiSchema(root);
  const committedFile = join(root, PUBLIC_SCHEMA_FILE);
  if (existsSync(committedFile)) {
    const declared = new Set(declaredBreakingChanges(root).map((entry) => entry.change));
    const undeclared = breakingChanges(readFileSync(committedFile, 'utf8'), schema).filter(
      (c) => !declared.has(c),
    );
    if (undeclared.length > 0) {
      process.stderr.write(
        `Breaking changes to the public API, not declared in ${DECLARED_BREAKING_CHANGES_FILE}:\n${undeclared.map((c) => `  - ${c}`).join('\n')}\n`,
      );
      process.exit(1);
    }
  }
  writeFileSync(committedFile, printPublicSchema(schema));
  writeFileSync(join(root, SCHEMA_REFERENCE_FILE), schemaReference(schema));
  process.stdout.write(`written: ${PUBLIC_SCHEMA_FILE}, ${SCHEMA_REFERENCE_FILE}\n`);
}
