import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { composeSupergraph, SUPERGRAPH_FILE, subgraphSchemas } from './compose-supergraph';

/**
 * Every subgraph's committed SDL (apps/<app>/schema.graphql, checked against the running subgraph by each
 * app's own test) must compose into one Federation 2 supergraph, and the committed supergraph the gateway
 * serves (apps/gateway/supergraph.graphql) must be that composition: UPDATE_SCHEMAS=1 rewrites it.
 */
describe('the supergraph', () => {
  const root = workspaceRoot();
  const subgraphs = subgraphSchemas(root);

  it('is committed as composed, for the gateway to serve (UPDATE_SCHEMAS=1 rewrites it)', () => {
    const committed = join(root, SUPERGRAPH_FILE);
    const composed = composeSupergraph(root);
    if (process.env['UPDATE_SCHEMAS'] === '1' || !existsSync(committed)) writeFileSync(committed, composed);
    expect(readFileSync(committed, 'utf8')).toBe(composed);
    expect(composed).toMatch(/@join__graph\(name: "surveys", url: "http:\/\/localhost:4004\/graphql"\)/);
  });

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
