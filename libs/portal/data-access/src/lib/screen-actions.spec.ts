/**
 * @jest-environment jsdom
 */
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Apollo } from 'apollo-angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { GraphQLError, parse } from 'graphql';
import { injectActions, type ScreenActions } from './screen-actions';

interface Renamed {
  renameTopic: { __typename: 'Topic'; id: string; name: string };
}
const RENAME = parse(
  'mutation RenameTopic($id: ID!, $name: String!) { renameTopic(id: $id, name: $name) { id name } }',
) as TypedDocumentNode<Renamed, { id: string; name: string }>;
const TOPICS = parse('query AdminTopics { topics { id name } }');

const renamed: Renamed = { renameTopic: { __typename: 'Topic', id: 't1', name: 'Buses' } };

describe('a screen’s actions', () => {
  let apollo: ApolloTestingController;
  let actions: ScreenActions;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    apollo = TestBed.inject(ApolloTestingController);
    actions = TestBed.runInInjectionContext(() => injectActions({ refetch: ['AdminTopics'] }));
  });

  afterEach(() => apollo.verify());

  /** Lets Apollo deliver what was flushed. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('is busy while the change runs, and done only after the screen’s queries are refetched', async () => {
    // The screen watches its query, so Apollo has it to refetch by name.
    const screen = TestBed.inject(Apollo).watchQuery({ query: TOPICS }).valueChanges.subscribe();
    apollo.expectOne('AdminTopics').flushData({ topics: [] });
    await settle();

    let finished = false;
    const run = actions
      .run(RENAME, { id: 't1', name: 'Buses' }, { done: (r) => `Renamed to ${r.renameTopic.name}` })
      .finally(() => (finished = true));
    expect(actions.busy()).toBe(true);
    const operation = apollo.expectOne('RenameTopic');
    expect(operation.operation.variables).toEqual({ id: 't1', name: 'Buses' });
    operation.flushData(renamed);
    await settle();
    expect(finished).toBe(false);
    expect(actions.busy()).toBe(true);
    apollo.expectOne('AdminTopics').flushData({ topics: [{ __typename: 'Topic', id: 't1', name: 'Buses' }] });
    await expect(run).resolves.toEqual(renamed);
    screen.unsubscribe();
    expect(actions.busy()).toBe(false);
    expect(actions.error()).toBeNull();
    expect(actions.done()).toBe('Renamed to Buses');
  });

  it('says a refusal in plain words, or in the screen’s words for its reason, and resolves to null', async () => {
    const first = actions.run(RENAME, { id: 't1', name: 'Buses' });
    apollo.expectOne('RenameTopic').graphqlErrors([
      new GraphQLError('no', {
        extensions: { code: 'BAD_USER_INPUT', details: [{ path: 'name', message: 'already used' }] },
      }),
    ]);
    await expect(first).resolves.toBeNull();
    expect(actions.error()).toBe('Please check what you entered. name: already used.');

    const second = actions.run(
      RENAME,
      { id: 't1', name: 'Buses' },
      { reasons: { ALREADY_SETTLED: 'Someone else did it first' } },
    );
    apollo
      .expectOne('RenameTopic')
      .graphqlErrors([
        new GraphQLError('no', { extensions: { code: 'CONFLICT', reason: 'ALREADY_SETTLED' } }),
      ]);
    await expect(second).resolves.toBeNull();
    expect(actions.error()).toBe('Someone else did it first');
    expect(actions.busy()).toBe(false);
    expect(actions.done()).toBeNull();
  });

  it('clears an earlier refusal when the next change is made, and on request', async () => {
    actions.refuse('Choose a school first.');
    expect(actions.error()).toBe('Choose a school first.');
    const run = actions.run(RENAME, { id: 't1', name: 'Buses' }, { done: 'Saved.' });
    apollo.expectOne('RenameTopic').flushData(renamed);
    await run;
    expect(actions.error()).toBeNull();
    expect(actions.done()).toBe('Saved.');
    actions.clear();
    expect(actions.done()).toBeNull();
  });

  it('shares a busy signal it is given, so one change at a time runs across a screen’s parts', async () => {
    const shared = signal(false);
    const part = TestBed.runInInjectionContext(() => injectActions({ refetch: [], busy: shared }));
    const run = part.run(RENAME, { id: 't1', name: 'Buses' });
    expect(shared()).toBe(true);
    apollo.expectOne('RenameTopic').flushData(renamed);
    await run;
    await settle();
    expect(shared()).toBe(false);
  });
});
