/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import { TopicsPageComponent } from './topics-page.component';
import { AdminTopicsDocument, type AdminTopicsQuery, CreateTopicDocument } from '../operations.generated';

/** Apollo's cache keeps a record by __typename and id, which the operation types leave out. */
const topic = (id: string, name: string, parentId: string | null = null) => ({
  __typename: 'Topic',
  id,
  name,
  parentId,
});

const answer = (topics: ReturnType<typeof topic>[]) => ({ topics }) as unknown as AdminTopicsQuery;

/** Two top-level topics, listed out of order, one with subtopics. */
const district = () =>
  answer([
    topic('t2', 'Transportation'),
    topic('t3', 'Late bus', 't2'),
    topic('t1', 'Enrollment'),
    topic('t4', 'Bus stop', 't2'),
  ]);

describe('the topics page', () => {
  let fixture: ComponentFixture<TopicsPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const tree = () => page().querySelector('ul.tree')!;
  const nameField = () => page().querySelector<HTMLInputElement>('#topic-name')!;
  const parentField = () => page().querySelector<HTMLSelectElement>('#topic-parent')!;
  const submit = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const alerts = () => alertTexts(page());

  async function topics(data: AdminTopicsQuery): Promise<void> {
    apollo.expectOne(AdminTopicsDocument).flushData(data);
    await settle(fixture);
  }

  async function type(name: string, parent = ''): Promise<void> {
    setField(page(), 'topic-name', name);
    setField(page(), 'topic-parent', parent);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(TopicsPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('lists top-level topics by name, each with its subtopics by name', async () => {
    await topics(district());
    const items = [...tree().children].map((item) => [
      item.firstChild!.textContent!.trim(),
      [...item.querySelectorAll('li')].map((child) => child.textContent!.trim()),
    ]);
    expect(items).toEqual([
      ['Enrollment', []],
      ['Transportation', ['Bus stop', 'Late bus']],
    ]);
    expect([...parentField().options].map((option) => [option.value, option.textContent!.trim()])).toEqual([
      ['', 'Nothing (a top-level topic)'],
      ['t1', 'Enrollment'],
      ['t2', 'Transportation'],
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says when there are no topics yet', async () => {
    await topics(answer([]));
    expect(tree().textContent!.trim()).toBe('No topics yet.');
  });

  it('says in plain words why the topics could not be loaded', async () => {
    apollo
      .expectOne(AdminTopicsDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
  });

  it('offers Add topic only once a name is typed', async () => {
    await topics(district());
    expect(submit().disabled).toBe(true);
    await type('   ');
    expect(submit().disabled).toBe(true);
    await type('Meals');
    expect(submit().disabled).toBe(false);
  });

  it('adds a subtopic, trimmed, under the topic chosen, and empties the form once the list is current', async () => {
    await topics(district());
    await type('  Route change ', 't2');
    submit().click();
    await settle(fixture);
    const create = apollo.expectOne(CreateTopicDocument);
    expect(create.operation.variables).toEqual({ name: 'Route change', parentId: 't2' });
    expect(submit().disabled).toBe(true);
    create.flushData({ createTopic: { __typename: 'Topic', id: 't5', name: 'Route change' } } as never);
    await settle(fixture);
    await topics(answer([...district().topics, topic('t5', 'Route change', 't2')] as never));
    expect(nameField().value).toBe('');
    expect(parentField().value).toBe('');
    expect(tree().textContent).toContain('Route change');
    expect(alerts()).toEqual([]);
  });

  it('adds a top-level topic with no parent', async () => {
    await topics(district());
    await type('Meals');
    submit().click();
    const create = apollo.expectOne(CreateTopicDocument);
    expect(create.operation.variables).toEqual({ name: 'Meals', parentId: null });
    create.flushData({ createTopic: { __typename: 'Topic', id: 't6', name: 'Meals' } } as never);
    await settle(fixture);
    await topics(answer([...district().topics, topic('t6', 'Meals')] as never));
    expect([...tree().children].map((item) => item.firstChild!.textContent!.trim())).toEqual([
      'Enrollment',
      'Meals',
      'Transportation',
    ]);
  });

  it("shows the API's refusal and keeps what was typed", async () => {
    await topics(district());
    await type('Enrollment');
    submit().click();
    apollo
      .expectOne(CreateTopicDocument)
      .graphqlErrors([new GraphQLError('A topic of that name exists', { extensions: { code: 'CONFLICT' } })]);
    await settle(fixture);
    expect(alerts()).toEqual([
      'This changed in the meantime, or clashes with what is there now. Look again, then try once more.',
    ]);
    expect(nameField().value).toBe('Enrollment');
    expect(submit().disabled).toBe(false);
  });
});
