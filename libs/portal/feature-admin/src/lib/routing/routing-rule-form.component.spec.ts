/**
 * @jest-environment jsdom
 */
import { Component, signal, ViewChild } from '@angular/core';
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
import {
  CreateRoutingRuleDocument,
  type RoutingRulesQuery,
  UpdateRoutingRuleDocument,
} from '../operations.generated';
import { RoutingRuleFormComponent, type RuleChoices } from './routing-rule-form.component';

type Rule = RoutingRulesQuery['routingRules'][number];

const CHOICES: RuleChoices = {
  schools: [
    { id: 's1', name: 'Lincoln Elementary' },
    { id: 's2', name: 'Oak Middle' },
  ],
  topics: [{ id: 't1', name: 'Bus delay' }],
  teams: [{ id: 'team1', name: 'Transportation' }],
};

const buses: Rule = {
  id: 'r1',
  name: 'Buses',
  position: 2,
  active: true,
  conditions: {
    schoolIds: ['s1'],
    topicIds: null,
    channels: ['EMAIL'],
    priorities: ['HIGH'],
    languages: null,
    keywords: ['bus stop'],
  },
  actions: { teamId: 'team1', assigneeId: null, priority: null, tags: ['bus'] },
};

/** The routing page's use of the form: it shares `busy` and shows what was saved. */
@Component({
  imports: [RoutingRuleFormComponent],
  template: `<hr-routing-rule-form [choices]="choices" [(busy)]="busy" (saved)="saved.push($event)" />`,
})
class RoutingPageComponent {
  readonly choices = CHOICES;
  readonly busy = signal(false);
  readonly saved: string[] = [];
  // A decorator query: the spec's own classes get no signal-query metadata in JIT.
  @ViewChild(RoutingRuleFormComponent) form!: RoutingRuleFormComponent;
}

describe('the routing rule form', () => {
  let fixture: ComponentFixture<RoutingPageComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const submit = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  /** Each alert's words, a list's lead and items apart. */
  const alerts = () => alertTexts(page(), 'p, li');
  /** An option's value as the API takes it: a multiple select's options carry Angular's "0: 'WEB_FORM'". */
  const valueOf = (option: HTMLOptionElement) => option.value.replace(/^\d+: '(.*)'$/, '$1');
  const options = (id: string) =>
    [...field<HTMLSelectElement>(id).options].map((option) => [valueOf(option), option.textContent!.trim()]);

  const set = (id: string, value: string) => setField(page(), id, value);

  function choose(id: string, values: string[]): void {
    const select = field<HTMLSelectElement>(id);
    for (const option of select.options) option.selected = values.includes(valueOf(option));
    select.dispatchEvent(new Event('change'));
  }

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(RoutingPageComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it("offers channels and priorities in people's words, keeping the API's values", async () => {
    expect(page().querySelector('h2')!.textContent).toBe('Add a rule');
    expect(options('rule-channels')).toEqual([
      ['WEB_FORM', 'Web form'],
      ['EMAIL', 'Email'],
      ['PHONE', 'Phone'],
      ['SMS', 'Text message'],
      ['CHAT', 'Chat'],
      ['WALK_IN', 'Walk-in'],
      ['SOCIAL', 'Social media'],
      ['STAFF', 'Entered by staff'],
    ]);
    expect(options('rule-priority')).toEqual([
      ['', 'Keep it'],
      ['LOW', 'Low'],
      ['NORMAL', 'Normal'],
      ['HIGH', 'High'],
      ['URGENT', 'Urgent'],
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('picks schools and topics from searchable lists', async () => {
    expect(field<HTMLInputElement>('rule-schools-search').labels![0]!.textContent!.trim()).toBe(
      'is at one of these schools',
    );
    expect(field<HTMLInputElement>('rule-topics-search').labels![0]!.textContent!.trim()).toBe(
      'is about one of these topics',
    );
    set('rule-schools-search', 'oak');
    fixture.detectChanges();
    const boxes = [...page().querySelectorAll<HTMLInputElement>('#rule-schools-matches input')];
    expect(boxes.map((box) => box.id)).toEqual(['rule-schools-s2']);
  });

  it('says what is missing before sending anything', async () => {
    submit().click();
    await settle(fixture);
    expect(alerts()).toEqual([
      'The rule was not saved: Give the rule a name. Choose what the rule does: send it to a team, set its priority or tag it.',
    ]);
    apollo.expectNone(CreateRoutingRuleDocument);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('adds a rule with what was picked, waits while it does, then starts afresh', async () => {
    set('rule-name', ' Crossing guards ');
    field<HTMLInputElement>('rule-schools-s2').click();
    field<HTMLInputElement>('rule-topics-t1').click();
    choose('rule-channels', ['PHONE', 'WEB_FORM']);
    set('rule-keywords', 'crossing guard, patrol');
    set('rule-languages', 'es');
    set('rule-team', 'team1');
    set('rule-priority', 'HIGH');
    set('rule-tags', 'crossing');
    set('rule-position', '1');
    submit().click();
    await settle(fixture);
    const create = apollo.expectOne(CreateRoutingRuleDocument);
    expect(create.operation.variables).toEqual({
      name: 'Crossing guards',
      position: 1,
      conditions: {
        schoolIds: ['s2'],
        topicIds: ['t1'],
        channels: ['WEB_FORM', 'PHONE'],
        priorities: null,
        keywords: ['crossing guard', 'patrol'],
        languages: ['es'],
      },
      actions: { teamId: 'team1', assigneeId: null, priority: 'HIGH', tags: ['crossing'] },
    });
    expect(host().busy()).toBe(true);
    expect(submit().disabled).toBe(true);
    create.flushData({ createRoutingRule: { __typename: 'RoutingRule', id: 'r9' } } as never);
    await settle(fixture);
    expect(host().busy()).toBe(false);
    expect(host().saved).toEqual(['Rule Crossing guards was added.']);
    expect(field<HTMLInputElement>('rule-name').value).toBe('');
    expect(page().querySelectorAll('.chips li')).toHaveLength(0);
  });

  it("shows the API's refusal in words and keeps what was typed", async () => {
    set('rule-name', 'Buses');
    set('rule-tags', 'bus');
    submit().click();
    apollo
      .expectOne(CreateRoutingRuleDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(field<HTMLInputElement>('rule-name').value).toBe('Buses');
    expect(host().saved).toEqual([]);
  });

  it('edits a saved rule: filled in, focused, and only what changed is sent', async () => {
    host().form.edit(buses);
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Edit rule Buses');
    expect(document.activeElement).toBe(field('rule-name'));
    expect(field<HTMLInputElement>('rule-keywords').value).toBe('bus stop');
    expect(field<HTMLSelectElement>('rule-team').value).toBe('team1');
    expect([...page().querySelectorAll('.chips button')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'Remove Lincoln Elementary',
    ]);
    expect(field('rule-position')).toBeNull();

    submit().click();
    await settle(fixture);
    expect(alerts()).toEqual(['The rule was not saved: Nothing has changed.']);
    apollo.expectNone(UpdateRoutingRuleDocument);

    set('rule-keywords', 'late bus');
    submit().click();
    await settle(fixture);
    const update = apollo.expectOne(UpdateRoutingRuleDocument);
    expect(update.operation.variables).toEqual({
      id: 'r1',
      input: {
        conditions: {
          schoolIds: ['s1'],
          topicIds: null,
          channels: ['EMAIL'],
          priorities: ['HIGH'],
          keywords: ['late bus'],
          languages: null,
        },
      },
    });
    update.flushData({
      updateRoutingRule: { __typename: 'RoutingRule', id: 'r1', name: 'Buses', active: true },
    } as never);
    await settle(fixture);
    expect(host().saved).toEqual(['Rule Buses was saved.']);
    expect(page().querySelector('h2')!.textContent).toBe('Add a rule');
  });

  it('stops editing on Cancel editing, and forgets a rule deleted meanwhile', async () => {
    host().form.edit(buses);
    await settle(fixture);
    [...page().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel editing')!.click();
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Add a rule');
    expect(field<HTMLInputElement>('rule-name').value).toBe('');
    host().form.edit(buses);
    host().form.forget('r1');
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Add a rule');
  });

  it('waits while another change on the page runs', async () => {
    host().busy.set(true);
    await settle(fixture);
    expect(submit().disabled).toBe(true);
  });
});
