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
import { type AdminSlasQuery, AdminSlasSavePolicyDocument } from '../operations.generated';
import { PolicyEditorComponent } from './policy-editor.component';

type Policy = AdminSlasQuery['slaPolicies'][number];

const urgent: Policy = {
  id: 'p1',
  name: 'Urgent',
  position: 1,
  active: true,
  clock: 'BUSINESS',
  warnAtPercent: 80,
  pausedStatuses: ['ON_HOLD'],
  conditions: { priorities: ['URGENT'], channels: [], requesterKinds: [], schoolIds: ['s2'], topicIds: [] },
  targets: { firstResponse: 120, nextResponse: null, resolution: 960 },
};

/** The policies section's use of the editor. */
@Component({
  imports: [PolicyEditorComponent],
  template: `
    <hr-policy-editor [schools]="schools" [topics]="topics" [businessDay]="480" [(busy)]="busy" />
  `,
})
class PoliciesSectionComponent {
  readonly schools = [
    { id: 's1', name: 'Lincoln Elementary' },
    { id: 's2', name: 'Oak Middle' },
  ];
  readonly topics = [{ id: 't1', name: 'Bus delay' }];
  readonly busy = signal(false);
  // A decorator query: the spec's own classes get no signal-query metadata in JIT.
  @ViewChild(PolicyEditorComponent) editor!: PolicyEditorComponent;
}

describe('the SLA policy editor', () => {
  let fixture: ComponentFixture<PoliciesSectionComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const submit = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const heading = () => page().querySelector('h2')!.textContent!.trim();
  /** An option's value as the API takes it: a multiple select's options carry Angular's "0: 'HIGH'". */
  const valueOf = (option: HTMLOptionElement) => option.value.replace(/^\d+: '(.*)'$/, '$1');
  const options = (id: string) =>
    [...field<HTMLSelectElement>(id).options].map((option) => [valueOf(option), option.textContent!.trim()]);
  const alerts = () => alertTexts(page(), 'p, li');
  const set = (id: string, value: string) => setField(page(), id, value);

  function choose(id: string, values: string[]): void {
    const select = field<HTMLSelectElement>(id);
    for (const option of select.options) option.selected = values.includes(valueOf(option));
    select.dispatchEvent(new Event('change'));
  }

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(PoliciesSectionComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it("offers priorities, channels, people and statuses in people's words, keeping the API's values", async () => {
    expect(heading()).toBe('Add a policy');
    expect(options('policy-priorities')).toEqual([
      ['LOW', 'Low'],
      ['NORMAL', 'Normal'],
      ['HIGH', 'High'],
      ['URGENT', 'Urgent'],
    ]);
    expect(options('policy-channels').slice(0, 3)).toEqual([
      ['WEB_FORM', 'Web form'],
      ['EMAIL', 'Email'],
      ['PHONE', 'Phone'],
    ]);
    expect(options('policy-requesters')).toEqual([
      ['GUARDIAN', 'Guardian'],
      ['STUDENT', 'Student'],
      ['STAFF', 'Staff'],
      ['COMMUNITY', 'Community member'],
    ]);
    const pauses = [...page().querySelectorAll<HTMLInputElement>('[id^="policy-pause-"]')];
    expect(pauses.map((box) => [box.id, box.labels![0]!.textContent!.trim(), box.checked])).toEqual([
      ['policy-pause-NEW', 'New', false],
      ['policy-pause-OPEN', 'Open', false],
      ['policy-pause-PENDING', 'Pending', true],
      ['policy-pause-ON_HOLD', 'On hold', true],
    ]);
    expect(field<HTMLInputElement>('policy-schools-search').labels![0]!.textContent!.trim()).toBe(
      'is at one of these schools',
    );
    expect(field<HTMLInputElement>('policy-topics-search').labels![0]!.textContent!.trim()).toBe(
      'is about one of these topics',
    );
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says everything wrong before sending anything', async () => {
    set('policy-warn', '100');
    submit().click();
    await settle(fixture);
    expect(alerts()).toEqual([
      'The policy was not saved: Give the policy a name. The warning comes at a whole percentage of the target, 1 to 99.',
    ]);
    apollo.expectNone(AdminSlasSavePolicyDocument);
  });

  it('adds a policy with its conditions and targets in minutes, then starts afresh', async () => {
    set('policy-name', ' Families by phone ');
    choose('policy-priorities', ['HIGH', 'URGENT']);
    choose('policy-channels', ['PHONE']);
    choose('policy-requesters', ['GUARDIAN']);
    set('policy-schools-search', 'lincoln');
    fixture.detectChanges();
    field<HTMLInputElement>('policy-schools-s1').click();
    field<HTMLInputElement>('policy-topics-t1').click();
    set('policy-firstResponse-amount', '4');
    set('policy-resolution-amount', '2');
    set('policy-resolution-unit', 'DAYS');
    field<HTMLInputElement>('policy-pause-NEW').click();
    await settle(fixture);
    expect(page().querySelector('#policy-resolution-amount')!.closest('fieldset')!.textContent).toContain(
      '2 business days',
    );
    submit().click();
    await settle(fixture);
    const save = apollo.expectOne(AdminSlasSavePolicyDocument);
    expect(save.operation.variables).toEqual({
      input: {
        name: 'Families by phone',
        position: null,
        active: true,
        clock: 'BUSINESS',
        warnAtPercent: 75,
        pausedStatuses: ['PENDING', 'ON_HOLD', 'NEW'],
        conditions: {
          priorities: ['HIGH', 'URGENT'],
          channels: ['PHONE'],
          requesterKinds: ['GUARDIAN'],
          schoolIds: ['s1'],
          topicIds: ['t1'],
        },
        targets: { firstResponse: 240, resolution: 960 },
      },
    });
    expect(host().busy()).toBe(true);
    save.flushData({ saveSlaPolicy: { __typename: 'SlaPolicy', id: 'p9' } } as never);
    await settle(fixture);
    expect(host().busy()).toBe(false);
    expect(field<HTMLInputElement>('policy-name').value).toBe('');
    expect(page().querySelectorAll('.chips li')).toHaveLength(0);
  });

  it("shows the API's refusal in words", async () => {
    set('policy-name', 'Standard');
    set('policy-firstResponse-amount', '1');
    submit().click();
    apollo
      .expectOne(AdminSlasSavePolicyDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
  });

  it('edits a saved policy: targets in the largest unit, the school chosen, saved with its id', async () => {
    host().editor.edit(urgent);
    await settle(fixture);
    expect(heading()).toBe('Edit policy Urgent');
    expect(document.activeElement).toBe(field('policy-name'));
    expect(field<HTMLInputElement>('policy-firstResponse-amount').value).toBe('2');
    expect(field<HTMLSelectElement>('policy-firstResponse-unit').value).toBe('HOURS');
    expect(field<HTMLInputElement>('policy-resolution-amount').value).toBe('2');
    expect(field<HTMLSelectElement>('policy-resolution-unit').value).toBe('DAYS');
    expect([...page().querySelectorAll('.chips button')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'Remove Oak Middle',
    ]);
    submit().click();
    const save = apollo.expectOne(AdminSlasSavePolicyDocument);
    expect(save.operation.variables).toEqual({
      input: {
        id: 'p1',
        name: 'Urgent',
        position: 1,
        active: true,
        clock: 'BUSINESS',
        warnAtPercent: 80,
        pausedStatuses: ['ON_HOLD'],
        conditions: urgent.conditions,
        targets: { firstResponse: 120, resolution: 960 },
      },
    });
    save.flushData({ saveSlaPolicy: { __typename: 'SlaPolicy', id: 'p1' } } as never);
    await settle(fixture);
    expect(heading()).toBe('Add a policy');
  });

  it('stops editing on Cancel editing, and forgets a policy deleted meanwhile', async () => {
    host().editor.edit(urgent);
    await settle(fixture);
    [...page().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel editing')!.click();
    await settle(fixture);
    expect(heading()).toBe('Add a policy');
    host().editor.edit(urgent);
    host().editor.forget('p1');
    await settle(fixture);
    expect(heading()).toBe('Add a policy');
  });

  it('waits while another change on the page runs', async () => {
    host().busy.set(true);
    await settle(fixture);
    expect(submit().disabled).toBe(true);
  });
});
