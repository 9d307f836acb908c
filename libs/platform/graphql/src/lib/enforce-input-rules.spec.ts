import {
  buildSchema,
  graphql,
  type GraphQLObjectType,
  type GraphQLInputObjectType,
  type GraphQLSchema,
} from 'graphql';
import { InvalidInputException } from '@homeroom/shared/errors';
import { enforceInputRules } from './enforce-input-rules';
import { ARGS_MAX_LENGTH_EXTENSION, DEFAULT_MAX_STRING_LENGTH, MAX_LENGTH_EXTENSION } from './input-rules';

const SDL = `
  input Requester { name: String, email: String }
  input Inquiry { message: String!, schoolId: ID, requester: Requester, tags: [String!] }
  input Node { label: String, child: Node }
  type Query {
    case(id: ID): String
    cases(search: String, first: Int): String
    tree(root: Node): String
    page(first: Int): String
  }
  type Mutation {
    submit(input: Inquiry!): String
    reply(caseId: ID!, body: String!): String
  }
`;
const ID = '2f1c9a52-3f0e-4c1e-9d39-4f5b8f6f5d0a';

/** The schema as Nest would hand it over: extensions on the fields that declared a limit. */
function schema(): { schema: GraphQLSchema; calls: string[] } {
  const built = buildSchema(SDL);
  const calls: string[] = [];
  for (const type of [built.getQueryType()!, built.getMutationType()!] as GraphQLObjectType[]) {
    for (const field of Object.values(type.getFields())) field.resolve = () => (calls.push(field.name), 'ok');
  }
  const reply = built.getMutationType()!.getFields()['reply']!;
  reply.extensions = { [ARGS_MAX_LENGTH_EXTENSION]: { body: 5_000 } };
  const message = (built.getType('Inquiry') as GraphQLInputObjectType).getFields()['message']!;
  message.extensions = { [MAX_LENGTH_EXTENSION]: 2_000 };
  return { schema: enforceInputRules(built), calls };
}

async function run(source: string, variables: Record<string, unknown> = {}) {
  const { schema: checked, calls } = schema();
  const result = await graphql({ schema: checked, source, variableValues: variables });
  return { data: result.data, calls, error: result.errors?.[0]?.originalError };
}

describe('enforceInputRules', () => {
  it('lets valid input through to the resolver', async () => {
    const { data, calls, error } = await run(
      'mutation($input: Inquiry!, $id: ID!, $body: String!) { submit(input: $input) reply(caseId: $id, body: $body) }',
      {
        id: ID,
        input: { message: 'm'.repeat(2_000), schoolId: ID, requester: { name: 'Rosa' }, tags: ['bus'] },
        body: 'b'.repeat(5_000),
      },
    );
    expect(error).toBeUndefined();
    expect(data).toEqual({ submit: 'ok', reply: 'ok' });
    expect(calls).toEqual(['submit', 'reply']);
  });

  it('refuses a string longer than the default limit, naming the field, before the resolver runs', async () => {
    const { calls, error } = await run('query($s: String) { cases(search: $s) }', {
      s: 'x'.repeat(DEFAULT_MAX_STRING_LENGTH + 1),
    });
    expect(calls).toEqual([]);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'STRING_TOO_LONG',
      details: [{ path: 'search', message: `at most ${DEFAULT_MAX_STRING_LENGTH} characters` }],
    });
  });

  it('applies the limits fields and arguments declare instead of the default', async () => {
    const tooLongBody = await run(`mutation($b: String!) { reply(caseId: "${ID}", body: $b) }`, {
      b: 'b'.repeat(5_001),
    });
    expect(tooLongBody.error).toMatchObject({
      details: [{ path: 'body', message: 'at most 5000 characters' }],
    });
    const tooLongMessage = await run('mutation($input: Inquiry!) { submit(input: $input) }', {
      input: { message: 'm'.repeat(2_001) },
    });
    // The `input` argument is the form: its fields are named without it, as domain errors name them.
    expect(tooLongMessage.error).toMatchObject({ details: [{ path: 'message' }] });
  });

  it('refuses NUL anywhere: nested fields, list items and literals in the document', async () => {
    const nested = await run('mutation($input: Inquiry!) { submit(input: $input) }', {
      input: { message: 'hello', requester: { name: 'Ro\u0000sa' }, tags: ['ok', 'b\u0000d'] },
    });
    expect(nested.calls).toEqual([]);
    expect(nested.error).toMatchObject({
      message: 'requester.name: must not contain a NUL character (U+0000)',
      reason: 'NUL_CHARACTER',
      details: [{ path: 'requester.name' }, { path: 'tags.1' }],
    });
    const literal = await run('{ cases(search: "a\\u0000b") }');
    expect(literal.error).toMatchObject({ reason: 'NUL_CHARACTER', details: [{ path: 'search' }] });
  });

  it('refuses an ID that is not a UUID, as an argument or inside an input', async () => {
    for (const id of ['not-an-id', `${ID}x`, "1' OR '1'='1", '']) {
      const { calls, error } = await run('query($id: ID) { case(id: $id) }', { id });
      expect(calls).toEqual([]);
      expect(error).toMatchObject({
        reason: 'INVALID_ID',
        details: [{ path: 'id', message: 'not a valid id' }],
      });
    }
    const inside = await run('mutation($input: Inquiry!) { submit(input: $input) }', {
      input: { message: 'hello', schoolId: 42 },
    });
    expect(inside.error).toMatchObject({ reason: 'INVALID_ID', details: [{ path: 'schoolId' }] });
    expect((await run(`{ case(id: "${ID.toUpperCase()}") }`)).calls).toEqual(['case']);
  });

  it('follows recursive input types and reports a bounded number of problems', async () => {
    const deep = await run('query($root: Node) { tree(root: $root) }', {
      root: { label: 'a', child: { label: 'b', child: { label: 'c\u0000' } } },
    });
    expect(deep.error).toMatchObject({ details: [{ path: 'root.child.child.label' }] });
    const many = await run('mutation($input: Inquiry!) { submit(input: $input) }', {
      input: { message: 'hello', tags: Array.from({ length: 500 }, () => '\u0000') },
    });
    expect((many.error as InvalidInputException).details).toHaveLength(10);
  });

  it('leaves fields without text arguments unwrapped', () => {
    const { schema: checked } = schema();
    const built = buildSchema(SDL);
    expect(checked.getQueryType()!.getFields()['page']!.resolve).toBeDefined();
    expect(enforceInputRules(built).getQueryType()!.getFields()['page']!.resolve).toBeUndefined();
  });
});
