/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  buttonNamed,
  configureApolloTesting,
  settle,
} from '@homeroom/portal/ui/testing';
import {
  CreateRoutingRuleDocument,
  DeleteRoutingRuleDocument,
  MoveRoutingRuleDocument,
  RoutingRulesDocument,
  type RoutingRulesQuery,
  UpdateRoutingRuleDocument,
} from '../operations.generated';
import { RoutingRulesPageComponent } from './routing-rules-page.component';

type Rule = RoutingRulesQuery['routingRules'][number];

/** A rule as the cache keeps it, __typename and all. */
const rule = (id: string, name: string, position: number, overrides: Partial<Rule> = {}) => ({
  __typename: 'RoutingRule',
  id,
  name,
  position,
  active: true,
  conditions: {
    __typename: 'RoutingConditions',
    schoolIds: null,
    topicIds: null,
    channels: null,
    priorities: null,
    languages: null,
    keywords: null,
  },
  actions: { __typename: 'RoutingActions', teamId: 'team1', assigneeId: null, priority: null, tags: null },
  ...overrides,
});

function answer(rules: ReturnType<typeof rule>[]): RoutingRulesQuery {
  return {
    routingRules: rules,
    schools: {
      __typename: 'SchoolConnection',
      edges: [
        { __typename: 'SchoolEdge', node: { __typename: 'School', id: 's1', name: 'Lincoln Elementary' } },
      ],
    },
    topics: [{ __typename: 'Topic', id: 't1', name: 'Bus delay', parentId: null }],
    teams: [{ __typename: 'Team', id: 'team1', name: 'Transportation' }],
  } as unknown as RoutingRulesQuery;
}

const buses = rule('r1', 'Buses', 1, {
  conditions: {
    __typename: 'RoutingConditions',
    schoolIds: ['s1'],
    topicIds: ['t1'],
    channels: ['WEB_FORM', 'PHONE'],
    priorities: null,
    languages: null,
    keywords: ['bus stop'],
  },
  actions: {
    __typename: 'RoutingActions',
    teamId: 'team1',
    assigneeId: null,
    priority: 'URGENT',
    tags: ['bus'],
  },
} as Partial<Rule>);
const lunches = rule('r2', 'Lunches', 2, { active: false });

describe('the routing rules page', () => {
  let fixture: ComponentFixture<RoutingRulesPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const rows = () => [...page().querySelectorAll('[data-testid="routing-rule"]')];
  const button = (name: string) => buttonNamed(page(), name)!;
  const alerts = () => alertTexts(page());
  const statuses = () =>
    [...page().querySelectorAll('p[role="status"]')]
      .map((status) => status.textContent!.trim())
      .filter(Boolean);

  async function rules(data: RoutingRulesQuery): Promise<void> {
    apollo.expectOne(RoutingRulesDocument).flushData(data);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(RoutingRulesPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says it is loading until the rules come, not that there are none', async () => {
    await settle(fixture);
    expect(statuses()).toEqual(['Loading routing rules…']);
    expect(page().textContent).not.toContain('No rules yet');
    await rules(answer([]));
    expect(statuses()).toEqual([]);
    expect(page().textContent).toContain(
      "No rules yet: new cases wait, unassigned, in every school's inbox.",
    );
  });

  it('says in plain words why the rules could not be loaded', async () => {
    apollo
      .expectOne(RoutingRulesDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(page().textContent).not.toContain('No rules yet');
  });

  it("lists the rules in order, what they match and do in people's words", async () => {
    await rules(answer([buses, lunches]));
    expect(
      rows().map((row) => [...row.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent!.trim())),
    ).toEqual([
      [
        '1',
        'Buses',
        'school is Lincoln Elementary; topic is Bus delay; channel is Web form or Phone; mentions “bus stop”',
        'team Transportation; priority Urgent; tags bus',
      ],
      ['2', 'Lunches (switched off)', 'Every new case', 'team Transportation'],
    ]);
    expect(button('Move up: rule Buses').disabled).toBe(true);
    expect(button('Move down: rule Buses').disabled).toBe(false);
    expect(button('Move down: rule Lunches').disabled).toBe(true);
    expect(button('Switch on rule Lunches').textContent!.trim()).toBe('Switch on');
    expect(button('Switch off rule Buses').textContent!.trim()).toBe('Switch off');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('moves a rule down, says where it is now, and keeps the focus on its buttons', async () => {
    await rules(answer([buses, lunches]));
    button('Move down: rule Buses').focus();
    button('Move down: rule Buses').click();
    await settle(fixture);
    const move = apollo.expectOne(MoveRoutingRuleDocument);
    expect(move.operation.variables).toEqual({ id: 'r1', position: 2 });
    expect(button('Delete rule Lunches').disabled).toBe(true);
    move.flushData({
      moveRoutingRule: [
        { __typename: 'RoutingRule', id: 'r2', position: 1 },
        { __typename: 'RoutingRule', id: 'r1', position: 2 },
      ],
    } as never);
    await settle(fixture);
    await rules(
      answer([
        { ...lunches, position: 1 },
        { ...buses, position: 2 },
      ]),
    );
    expect(statuses()).toEqual(['Rule Buses is now 2 of 2.']);
    // Now last, it cannot go down again: the focus goes to the button that takes it back up.
    expect(document.activeElement).toBe(button('Move up: rule Buses'));
  });

  it('switches a rule off and says so', async () => {
    await rules(answer([buses]));
    button('Switch off rule Buses').click();
    const update = apollo.expectOne(UpdateRoutingRuleDocument);
    expect(update.operation.variables).toEqual({ id: 'r1', input: { active: false } });
    update.flushData({
      updateRoutingRule: { __typename: 'RoutingRule', id: 'r1', name: 'Buses', active: false },
    } as never);
    await settle(fixture);
    await rules(answer([{ ...buses, active: false }]));
    expect(statuses()).toEqual(['Rule Buses is switched off.']);
    expect(rows()[0]!.textContent).toContain('Buses (switched off)');
  });

  it('deletes a rule, and the form stops editing it', async () => {
    await rules(answer([buses, lunches]));
    button('Edit rule Buses').click();
    await settle(fixture);
    expect(page().querySelector('hr-routing-rule-form h2')!.textContent).toBe('Edit rule Buses');
    button('Delete rule Buses').click();
    const remove = apollo.expectOne(DeleteRoutingRuleDocument);
    expect(remove.operation.variables).toEqual({ id: 'r1' });
    remove.flushData({ deleteRoutingRule: true });
    await settle(fixture);
    await rules(answer([{ ...lunches, position: 1 }]));
    expect(statuses()).toEqual(['Rule Buses was deleted.']);
    expect(page().querySelector('hr-routing-rule-form h2')!.textContent).toBe('Add a rule');
  });

  it("shows the API's refusal in words under the list", async () => {
    await rules(answer([buses]));
    button('Delete rule Buses').click();
    apollo
      .expectOne(DeleteRoutingRuleDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(rows()).toHaveLength(1);
  });

  it('shows what the form saved, until a change from the list says something else', async () => {
    await rules(answer([buses]));
    const name = page().querySelector<HTMLInputElement>('#rule-name')!;
    name.value = 'Lunches';
    name.dispatchEvent(new Event('input'));
    const tags = page().querySelector<HTMLInputElement>('#rule-tags')!;
    tags.value = 'lunch';
    tags.dispatchEvent(new Event('input'));
    button('Add rule').click();
    apollo
      .expectOne(CreateRoutingRuleDocument)
      .flushData({ createRoutingRule: { __typename: 'RoutingRule', id: 'r2' } } as never);
    await settle(fixture);
    await rules(answer([buses, lunches]));
    expect(statuses()).toEqual(['Rule Lunches was added.']);

    button('Switch on rule Lunches').click();
    await settle(fixture);
    expect(statuses()).toEqual([]);
    apollo.expectOne(UpdateRoutingRuleDocument).flushData({
      updateRoutingRule: { __typename: 'RoutingRule', id: 'r2', name: 'Lunches', active: true },
    } as never);
    await settle(fixture);
    await rules(answer([buses, { ...lunches, active: true }]));
    expect(statuses()).toEqual(['Rule Lunches is switched on.']);
  });
});
