import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { workspaceRoot } from '@homeroom/platform/local-stack';

/**
 * Every subgraph's committed SDL (apps/<app>/schema.graphql, checked against the running subgraph by each
 * app's own test) must compose into one Federation 2 supergraph. The gateway issue commits the result.
 */
describe('the supergraph', () => {
  const root = workspaceRoot();
  const subgraphs = readdirSync(join(root, 'apps'))
    .filter((app) => existsSync(join(root, 'apps', app, 'schema.graphql')))
    .map((app) => ({
      name: app,
      url: `http://${app}/graphql`,
      typeDefs: parse(readFileSync(join(root, 'apps', app, 'schema.graphql'), 'utf8')),
    }));

  it('composes from the committed subgraph schemas', () => {
    expect(subgraphs.map((s) => s.name)).toEqual(expect.arrayContaining(['directory', 'cases']));
    const result = composeServices(subgraphs);
    expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
    expect(result.supergraphSdl).toMatch(/type Person\s[^{]*@join__type\(graph: CASES/);
  });

  it('gives Person its cases and Case its requester across subgraphs', () => {
    const { schema } = composeServices(subgraphs);
    const api = schema!.toAPISchema().toGraphQLJSSchema();
    const person = api.getType('Person') as import('graphql').GraphQLObjectType;
    const supportCase = api.getType('Case') as import('graphql').GraphQLObjectType;
    expect(Object.keys(person.getFields())).toEqual(
      expect.arrayContaining(['displayName', 'cases', 'guardians']),
    );
    expect(String(supportCase.getFields()['requester']!.type)).toBe('Person');
  });

  it('joins every subgraph onto the public core: SLA and satisfaction on Case and School, the public survey operations', () => {
    const { schema } = composeServices(subgraphs);
    const api = schema!.toAPISchema().toGraphQLJSSchema();
    const fields = (type: string) =>
      Object.keys((api.getType(type) as import('graphql').GraphQLObjectType).getFields());
    expect(fields('Case')).toEqual(expect.arrayContaining(['sla', 'satisfaction']));
    expect(fields('School')).toEqual(
      expect.arrayContaining(['caseMetrics', 'slaAttainment', 'satisfaction']),
    );
    expect(fields('Query')).toEqual(
      expect.arrayContaining(['slaAttainment', 'surveys', 'surveyByToken', 'satisfaction', 'trackCase']),
    );
    expect(fields('Mutation')).toEqual(expect.arrayContaining(['submitSurveyResponse', 'submitInquiry']));
  });
});
