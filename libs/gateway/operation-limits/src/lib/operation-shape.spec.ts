import { buildSchema, parse } from 'graphql';
import { DEFAULT_COST_MODEL, operationShape } from './operation-shape';
import { DEFAULT_OPERATION_LIMITS, limitViolation } from './operation-limits';
import { isPublicOperation, publicMutationViolation } from './public-operations';
import { rateUnits } from './rate-units';

const schema = buildSchema(`
  type Query {
    schools(first: Int, after: String): SchoolConnection!
    school(id: ID!): School
    topics: [Topic!]!
    cases(first: Int): CaseConnection!
    caseMetrics: Metrics!
    trackCase(token: String!): Tracked
  }
  type Mutation {
    submitInquiry(message: String!): Tracked!
    replyAsRequester(token: String!, body: String!): Tracked!
    assignCase(id: ID!): Case!
  }
  type SchoolConnection { edges: [SchoolEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type SchoolEdge { cursor: String! node: School! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type School { id: ID! name: String! cases(first: Int): CaseConnection! topics: [Topic!]! }
  type CaseConnection { edges: [CaseEdge!]! }
  type CaseEdge { node: Case! }
  type Case { id: ID! school: School! }
  type Topic { id: ID! name: String! }
  type Metrics { total: Int! }
  type Tracked { number: String! }
`);

const shapeOf = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  operationShape(schema, parse(query), { variables, ...(operationName ? { operationName } : {}) })!;

describe('operationShape', () => {
  it('counts depth through fragments, ignoring introspection fields', () => {
    const shape = shapeOf(`
      query { __typename schools { edges { node { ...S } } } }
      fragment S on School { name cases { edges { node { id } } } }`);
    expect(shape.depth).toBe(7);
    expect(shape.rootFields).toEqual(['schools']);
  });

  it('multiplies children by first (literal or variable), by the default page without it', () => {
    const page = (first?: number) =>
      shapeOf('query($n: Int) { schools(first: $n) { edges { node { id } } } }', first ? { n: first } : {})
        .cost;
    // schools 1 + n × (edges 1 + node 1)
    expect(page(50)).toBe(1 + 50 * 2);
    expect(page()).toBe(1 + DEFAULT_COST_MODEL.defaultPageSize * 2);
    expect(shapeOf('{ schools(first: 5) { totalCount pageInfo { hasNextPage } } }').cost).toBe(1 + 5 * 1);
  });

  it('nests list sizes, so a connection in a connection costs their product', () => {
    const shape = shapeOf(
      '{ schools(first: 100) { edges { node { cases(first: 100) { edges { node { id } } } } } } }',
    );
    expect(shape.cost).toBe(1 + 100 * (1 + 1 + (1 + 100 * (1 + 1))));
    expect(limitViolation(shape, DEFAULT_OPERATION_LIMITS)?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('weights named fields and root mutations', () => {
    expect(shapeOf('{ caseMetrics { total } }').cost).toBe(
      DEFAULT_COST_MODEL.fieldWeights['Query.caseMetrics'],
    );
    expect(shapeOf('mutation { assignCase(id: "1") { id } }').cost).toBe(
      DEFAULT_COST_MODEL.objectFieldWeight + DEFAULT_COST_MODEL.mutationWeight,
    );
  });

  it('counts aliases, and each spread of a fragment again', () => {
    const many = Array.from({ length: 31 }, (_, index) => `s${index}: school(id: "${index}") { id }`);
    const shape = shapeOf(`{ ${many.join(' ')} }`);
    expect(shape.aliases).toBe(31);
    expect(limitViolation(shape, DEFAULT_OPERATION_LIMITS)).toMatchObject({
      code: 'TOO_MANY_ALIASES',
      limit: 30,
      actual: 31,
    });
    expect(shapeOf('{ a: topics { id } b: topics { ...T } } fragment T on Topic { n: name }').aliases).toBe(
      3,
    );
    expect(shapeOf('{ school: school(id: "1") { id } }').aliases).toBe(0);
  });

  it('measures each fragment once, so fragments spread into fragments cannot blow up the check', () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, level) =>
        `fragment F${level} on School { ${level + 1 < levels ? `a: topics { id } ...F${level + 1} ...F${level + 1}` : 'name'} }`,
    );
    // Walked naively this is 2^40 spreads and the test never ends; the measure is exact all the same.
    const shape = shapeOf(`{ school(id: "1") { ...F0 } } ${fragments.join(' ')}`);
    expect(shape.aliases).toBe(2 ** (levels - 1) - 1);
    expect(limitViolation(shape, DEFAULT_OPERATION_LIMITS)?.code).toBe('TOO_MANY_ALIASES');
  });

  it('picks the named operation of several', () => {
    const document = 'query A { topics { id } } mutation B { submitInquiry(message: "x") { number } }';
    expect(shapeOf(document, {}, 'B')).toMatchObject({
      operationType: 'mutation',
      rootFields: ['submitInquiry'],
    });
    expect(operationShape(schema, parse(document))).toBeUndefined();
  });

  it('reports depth first, and nothing for an ordinary operation', () => {
    const deep = shapeOf(
      '{ schools { edges { node { cases { edges { node { school { cases { edges { node { school { topics { id } } } } } } } } } } } } }',
    );
    expect(deep.depth).toBe(13);
    expect(limitViolation(deep, DEFAULT_OPERATION_LIMITS)?.code).toBe('QUERY_TOO_DEEP');
    expect(limitViolation(shapeOf('{ topics { id name } }'), DEFAULT_OPERATION_LIMITS)).toBeUndefined();
  });
});

describe('isPublicOperation', () => {
  it('lets anonymous callers run only the public root fields', () => {
    expect(isPublicOperation(shapeOf('{ topics { id } schools { totalCount } }'))).toBe(true);
    expect(isPublicOperation(shapeOf('mutation { submitInquiry(message: "Hello") { number } }'))).toBe(true);
    expect(isPublicOperation(shapeOf('{ __typename }'))).toBe(true);
    expect(isPublicOperation(shapeOf('{ topics { id } cases { edges { node { id } } } }'))).toBe(false);
    expect(isPublicOperation(shapeOf('{ ... on Query { caseMetrics { total } } }'))).toBe(false);
    expect(isPublicOperation(shapeOf('mutation { assignCase(id: "1") { id } }'))).toBe(false);
  });
});

describe('rateUnits', () => {
  it('counts a query once, and a mutation once per root field it runs: each alias is another call', () => {
    const aliased = Array.from({ length: 30 }, (_, index) => `a${index}: assignCase(id: "${index}") { id }`);
    expect(rateUnits(shapeOf('{ topics { id } schools { totalCount } a: school(id: "1") { id } }'))).toBe(1);
    expect(rateUnits(shapeOf('mutation { assignCase(id: "1") { id } }'))).toBe(1);
    expect(rateUnits(shapeOf(`mutation { ${aliased.join(' ')} }`))).toBe(30);
    expect(rateUnits(shapeOf('mutation { __typename }'))).toBe(1);
  });

  it('counts a response key selected again through fragments once, as graphql-js runs it once', () => {
    const shape = shapeOf(`
      mutation { assignCase(id: "1") { id } ...A ... on Mutation { b: assignCase(id: "2") { id } } }
      fragment A on Mutation { assignCase(id: "1") { school { id } } ...B }
      fragment B on Mutation { c: assignCase(id: "3") { id } }`);
    expect(shape.rootFieldCalls).toEqual(['assignCase', 'assignCase', 'assignCase']);
    expect(shape.rootFields).toEqual(['assignCase']);
    expect(rateUnits(shape)).toBe(3);
  });
});

describe('publicMutationViolation', () => {
  it('allows one public mutation field per operation, aliased or not', () => {
    expect(publicMutationViolation(shapeOf('mutation { submitInquiry(message: "Hi") { number } }'))).toBe(
      undefined,
    );
    expect(publicMutationViolation(shapeOf('{ a: topics { id } b: topics { id } }'))).toBe(undefined);
    expect(
      publicMutationViolation(
        shapeOf(
          'mutation { a: submitInquiry(message: "1") { number } b: submitInquiry(message: "2") { number } }',
        ),
      ),
    ).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_PUBLIC_MUTATIONS', limit: 1, actual: 2 });
    expect(
      publicMutationViolation(
        shapeOf(`mutation { submitInquiry(message: "1") { number } ...R }
          fragment R on Mutation { replyAsRequester(token: "t", body: "b") { number } }`),
      ),
    ).toMatchObject({ limit: 1, actual: 2 });
  });
});
