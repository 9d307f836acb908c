import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, printSchema } from 'graphql';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { ERROR_CODES } from '@homeroom/shared/errors';
import {
  breakingChanges,
  declaredBreakingChanges,
  printPublicSchema,
  PUBLIC_SCHEMA_FILE,
  publicApiSchema,
  SCHEMA_REFERENCE_FILE,
  schemaReference,
} from './public-schema';

/**
 * The public API is a contract (../shared/ARCHITECTURE.md): what vendors integrate against is committed
 * (docs/api/schema.graphql), documented (docs/api/schema.md) and changes only additively unless a break is
 * declared, with its reason, in docs/api/breaking-changes.json.
 */
describe('the public API schema', () => {
  const root = workspaceRoot();
  const schema = publicApiSchema(root);
  const committedFile = join(root, PUBLIC_SCHEMA_FILE);
  const update = process.env['UPDATE_SCHEMAS'] === '1';

  it('breaks nothing against the committed public schema that is not declared', () => {
    const committed = readFileSync(committedFile, 'utf8');
    const declared = new Set(declaredBreakingChanges(root).map((entry) => entry.change));
    expect(breakingChanges(committed, schema).filter((change) => !declared.has(change))).toEqual([]);
  });

  it('is committed as composed, with its reference (UPDATE_SCHEMAS=1 rewrites both)', () => {
    const composed = printPublicSchema(schema);
    const reference = schemaReference(schema);
    if (update || !existsSync(committedFile)) {
      writeFileSync(committedFile, composed);
      writeFileSync(join(root, SCHEMA_REFERENCE_FILE), reference);
    }
    expect(readFileSync(committedFile, 'utf8')).toBe(composed);
    expect(readFileSync(join(root, SCHEMA_REFERENCE_FILE), 'utf8')).toBe(reference);
    expect(composed).not.toMatch(/join__|_entities|_Service|@link/);
  });

  it('catches a removed field, a changed type and a newly required argument', () => {
    const before = buildSchema(`type Query { case(id: ID!): Case cases(first: Int): [Case!]! }
      type Case { id: ID! number: String! priority: Int }`);
    const after = `type Query { case(id: ID!): Case cases(first: Int!): [Case!]! }
      type Case { id: ID! priority: String }`;
    const changes = breakingChanges(printSchema(before), buildSchema(after));
    expect(changes).toEqual(
      expect.arrayContaining([
        'FIELD_REMOVED: Case.number was removed.',
        'FIELD_CHANGED_KIND: Case.priority changed type from Int to String.',
        'ARG_CHANGED_KIND: Query.cases arg first has changed type from Int to Int!.',
      ]),
    );
    expect(breakingChanges(printSchema(before), before)).toEqual([]);
  });

  it('documents every operation, and every error code a client can receive', () => {
    const reference = readFileSync(join(root, SCHEMA_REFERENCE_FILE), 'utf8');
    for (const operation of Object.keys(schema.getQueryType()!.getFields()))
      expect(reference).toContain(`#### \`${operation}`);
    const errors = readFileSync(join(root, 'docs', 'api', 'errors.md'), 'utf8');
    for (const code of Object.values(ERROR_CODES)) expect(errors).toContain(`\`${code}\``);
  });
});
