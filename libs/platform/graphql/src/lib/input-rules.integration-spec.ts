import { type INestApplication, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Args, Field, ID, InputType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { ANONYMOUS, AuthorizationGuard, gatewayTrust, Public, signPrincipal } from '@homeroom/platform/auth';
import { ObservabilityModule } from '@homeroom/platform/observability';
import { ArgsMaxLength, DEFAULT_MAX_STRING_LENGTH, MaxLength } from './input-rules';
import { subgraphModule } from './subgraph.module';

const SECRET = 'test-secret-shared-with-the-gateway-0123456789';
const ID_OF_RECORD = '0b7c5f0e-8f8a-4c35-9f43-8f7b0f0d9a11';

@InputType()
class NoteInput {
  @Field()
  @MaxLength(5_000)
  text!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;
}

/** Resolvers that record what reached them: a refused argument must never get here. */
@Resolver()
class NotesResolver {
  static reached: string[] = [];

  @Public()
  @Query(() => String)
  note(@Args('id', { type: () => ID }) id: string): string {
    NotesResolver.reached.push(`note ${id}`);
    return id;
  }

  @Public()
  @Mutation(() => String)
  @ArgsMaxLength({ body: 3_000 })
  addNote(@Args('body') body: string, @Args('input', { nullable: true }) _input: NoteInput): string {
    NotesResolver.reached.push('addNote');
    return `${body.length}`;
  }
}

@Module({
  imports: [
    ObservabilityModule.forRoot({ service: 'notes', logLevel: 'silent' }),
    subgraphModule({ production: true }),
  ],
  providers: [NotesResolver, { provide: APP_GUARD, useClass: AuthorizationGuard }],
})
class NotesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(gatewayTrust(SECRET)).forRoutes('graphql');
  }
}

describe('the input rules of every subgraph', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [NotesModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`;
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    NotesResolver.reached = [];
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL responses are checked field by field
  async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signPrincipal(ANONYMOUS, SECRET) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  }

  const ADD = 'mutation($body: String!, $input: NoteInput) { addNote(body: $body, input: $input) }';

  it('takes strings up to the limits declared with @MaxLength and @ArgsMaxLength, beyond the default', async () => {
    const { data, errors } = await graphql(ADD, {
      body: 'b'.repeat(3_000),
      input: {
        text: 't'.repeat(5_000),
        title: 'x'.repeat(DEFAULT_MAX_STRING_LENGTH),
        schoolId: ID_OF_RECORD,
      },
    });
    expect(errors).toBeUndefined();
    expect(data.addNote).toBe('3000');
  });

  it.each([
    ['an argument over its declared limit', { body: 'b'.repeat(3_001) }, 'body', 'STRING_TOO_LONG'],
    [
      'an input field over its declared limit',
      { body: 'b', input: { text: 't'.repeat(5_001) } },
      'text',
      'STRING_TOO_LONG',
    ],
    [
      'an input field over the default limit',
      { body: 'b', input: { text: 't', title: 'x'.repeat(DEFAULT_MAX_STRING_LENGTH + 1) } },
      'title',
      'STRING_TOO_LONG',
    ],
    ['a NUL in an argument', { body: 'a\u0000b' }, 'body', 'NUL_CHARACTER'],
    ['a NUL in an input field', { body: 'b', input: { text: '\u0000' } }, 'text', 'NUL_CHARACTER'],
    [
      'an id that is not a UUID',
      { body: 'b', input: { text: 't', schoolId: 'lincoln' } },
      'schoolId',
      'INVALID_ID',
    ],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field, before the resolver',
    async (_, variables, path, reason) => {
      const { data, errors } = await graphql(ADD, variables);
      expect(data).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        path: ['addNote'],
        extensions: { code: 'BAD_USER_INPUT', reason, details: [{ path }] },
      });
      expect(NotesResolver.reached).toEqual([]);
    },
  );

  it('refuses a non-UUID id argument, so no query sees it', async () => {
    expect((await graphql(`{ note(id: "${ID_OF_RECORD}") }`)).data.note).toBe(ID_OF_RECORD);
    const { errors } = await graphql('{ note(id: "1 OR 1=1") }');
    expect(errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
      details: [{ path: 'id', message: 'not a valid id' }],
    });
    expect(NotesResolver.reached).toEqual([`note ${ID_OF_RECORD}`]);
  });
});
