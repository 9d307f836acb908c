import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLObjectType } from 'graphql';
import ts from 'typescript';
import { PUBLIC_ROOT_FIELDS } from '@homeroom/gateway/operation-limits';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { publicApiSchema } from './public-schema';

const SUBGRAPH_DOMAINS = ['directory', 'cases', 'slas', 'surveys'];

type RootType = 'query' | 'mutation';

/**
 * The gateway's list of public operations (what an anonymous caller may run, and which mutations count
 * as public writes) is written once, in libs/gateway/operation-limits; the subgraphs say the same with
 * `@Public()` on their resolvers. Neither may drift from the other: a root field made public in a
 * subgraph and missing from the list is refused to families, and one listed but not public is refused by
 * its subgraph.
 */
describe("the gateway's public operations", () => {
  const root = workspaceRoot();

  it("are exactly the subgraphs' @Public() queries and mutations", () => {
    const found = publicRootFields(root);
    expect(found.query.sort()).toEqual([...PUBLIC_ROOT_FIELDS.query].sort());
    expect(found.mutation.sort()).toEqual([...PUBLIC_ROOT_FIELDS.mutation].sort());
  });

  it('are served by the public API', () => {
    const schema = publicApiSchema(root);
    const fields = (type: GraphQLObjectType | null | undefined) => Object.keys(type?.getFields() ?? {});
    expect(fields(schema.getQueryType())).toEqual(expect.arrayContaining([...PUBLIC_ROOT_FIELDS.query]));
    expect(fields(schema.getMutationType())).toEqual(
      expect.arrayContaining([...PUBLIC_ROOT_FIELDS.mutation]),
    );
  });
});

/**
 * Every `@Query`/`@Mutation` resolver method of the subgraph libraries that is `@Public()` (itself or
 * through its class), by the field name it serves (the decorator's `name`, else the method's).
 */
function publicRootFields(root: string): Record<RootType, string[]> {
  const found: Record<RootType, string[]> = { query: [], mutation: [] };
  for (const domain of SUBGRAPH_DOMAINS) {
    const directory = join(root, 'libs', domain);
    for (const path of readdirSync(directory, { recursive: true, encoding: 'utf8' })) {
      if (!path.endsWith('.ts') || /\.(spec|integration-spec|e2e-spec)\.ts$/.test(path)) continue;
      if (path.split('/').includes('node_modules')) continue;
      const text = readFileSync(join(directory, path), 'utf8');
      if (!text.includes('@Public(')) continue;
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
      source.forEachChild(function visit(node) {
        if (ts.isClassDeclaration(node)) {
          const classIsPublic = decoratorsOf(node).some((call) => calleeName(call) === 'Public');
          for (const member of node.members) {
            if (!ts.isMethodDeclaration(member)) continue;
            const decorators = decoratorsOf(member);
            const isPublic = classIsPublic || decorators.some((call) => calleeName(call) === 'Public');
            const rootDecorator = decorators.find((call) => ['Query', 'Mutation'].includes(calleeName(call)));
            if (!isPublic || !rootDecorator) continue;
            const type = calleeName(rootDecorator) === 'Query' ? 'query' : 'mutation';
            found[type].push(nameOption(rootDecorator) ?? member.name.getText(source));
          }
        }
        node.forEachChild(visit);
      });
    }
  }
  return found;
}

function decoratorsOf(node: ts.HasDecorators): ts.CallExpression[] {
  return (ts.getDecorators(node) ?? [])
    .map((decorator) => decorator.expression)
    .filter((expression): expression is ts.CallExpression => ts.isCallExpression(expression));
}

function calleeName(call: ts.CallExpression): string {
  return ts.isIdentifier(call.expression) ? call.expression.text : '';
}

/** `@Query(() => Type, { name: 'field' })` serves `field` whatever the method is called. */
function nameOption(call: ts.CallExpression): string | undefined {
  for (const argument of call.arguments) {
    if (!ts.isObjectLiteralExpression(argument)) continue;
    for (const property of argument.properties)
      if (
        ts.isPropertyAssignment(property) &&
        property.name.getText() === 'name' &&
        ts.isStringLiteralLike(property.initializer)
      )
        return property.initializer.text;
  }
  return undefined;
}
