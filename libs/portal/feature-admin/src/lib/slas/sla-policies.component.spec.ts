/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { alertTexts, axeViolations, configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import { AdminSlasDeletePolicyDocument, type AdminSlasQuery } from '../operations.generated';
import { SlaPoliciesComponent } from './sla-policies.component';

type Policy = AdminSlasQuery['slaPolicies'][number];

const policy = (id: string, name: string, position: number, overrides: Partial<Policy> = {}): Policy => ({
  id,
  name,
  position,
  active: true,
  clock: 'BUSINESS',
  warnAtPercent: 75,
  pausedStatuses: ['PENDING', 'ON_HOLD'],
  conditions: { priorities: [], channels: [], requesterKinds: [], schoolIds: [], topicIds: [] },
  targets: { firstResponse: 60, nextResponse: null, resolution: 960 },
  ...overrides,
});

const standard = policy('p2', 'Standard', 2, { active: false, clock: 'CALENDAR', pausedStatuses: [] });
const urgent = policy('p1', 'Urgent', 1, {
  conditions: {
    priorities: ['URGENT'],
    channels: ['PHONE'],
    requesterKinds: ['GUARDIAN'],
    schoolIds: ['s1'],
    topicIds: [],
  },
});

/** The SLA page's use of the section. */
@Component({
  imports: [SlaPoliciesComponent],
  template: `
    <hr-sla-policies
      [policies]="policies()"
      [schools]="schools"
      [topics]="[]"
      [businessDay]="480"
      [loading]="loading()"
      [(busy)]="busy"
    />
  `,
})
class SlasPageComponent {
  readonly policies = signal<Policy[]>([standard, urgent]);
  readonly schools = [{ id: 's1', name: 'Lincoln Elementary' }];
  readonly loading = signal(false);
  readonly busy = signal(false);
}

describe('the SLA policies', () => {
  let fixture: ComponentFixture<SlasPageComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const rows = () => [...page().querySelectorAll('[data-testid="sla-policy"]')];
  const button = (name: string) =>
    [...page().querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name)!;
  /** A cell's words, a list's items told apart. */
  const cellText = (cell: Element) => {
    const items = [...cell.querySelectorAll('li')].map((item) => item.textContent!.trim());
    return items.length ? items.join(' | ') : cell.textContent!.replace(/\s+/g, ' ').trim();
  };
  const alerts = () => alertTexts(page());

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(SlasPageComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says there are no policies only once the page has loaded', async () => {
    host().policies.set([]);
    host().loading.set(true);
    await settle(fixture);
    expect(page().textContent).not.toContain('No policies yet');
    host().loading.set(false);
    await settle(fixture);
    expect(page().textContent).toContain('No policies yet: cases have no deadlines.');
    expect(page().querySelector('table')).toBeNull();
  });

  it("lists the policies in order, in people's words, each with its buttons named", async () => {
    expect(page().querySelector('.hint')!.textContent).toContain('On the business clock a day is 8 hours');
    expect(rows().map((row) => [...row.querySelectorAll('td')].slice(0, 7).map(cellText))).toEqual([
      [
        '1',
        'Urgent',
        'priority Urgent; channel Phone; requester Guardian; school Lincoln Elementary',
        'First response: 1 business hour | Next response: none | Resolution: 2 business days',
        'Business hours',
        'at 75%',
        'Pending, On hold',
      ],
      [
        '2',
        'Standard inactive',
        'Every case',
        'First response: 1 hour | Next response: none | Resolution: 16 hours',
        'Around the clock',
        'at 75%',
        'never',
      ],
    ]);
    const group = rows()[0]!.querySelector('hr-row-actions')!;
    expect(group.getAttribute('aria-label')).toBe('Actions for policy Urgent');
    expect(
      [...group.querySelectorAll('button')].map((b) => [b.textContent!.trim(), b.getAttribute('aria-label')]),
    ).toEqual([
      ['Edit', 'Edit policy Urgent'],
      ['Delete', 'Delete policy Urgent'],
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('opens the policy in the editor', async () => {
    button('Edit policy Standard').click();
    await settle(fixture);
    expect(page().querySelector('hr-policy-editor h2')!.textContent!.trim()).toBe('Edit policy Standard');
  });

  it('deletes a policy, waiting while it does, and the editor lets go of it', async () => {
    button('Edit policy Urgent').click();
    await settle(fixture);
    button('Delete policy Urgent').click();
    await settle(fixture);
    const remove = apollo.expectOne(AdminSlasDeletePolicyDocument);
    expect(remove.operation.variables).toEqual({ id: 'p1' });
    expect(host().busy()).toBe(true);
    expect(button('Edit policy Standard').disabled).toBe(true);
    expect(button('Delete policy Standard').disabled).toBe(true);
    remove.flushData({ deleteSlaPolicy: true });
    await settle(fixture);
    expect(host().busy()).toBe(false);
    expect(page().querySelector('hr-policy-editor h2')!.textContent!.trim()).toBe('Add a policy');
    expect(alerts()).toEqual([]);
  });

  it("shows the API's refusal in words under the policies", async () => {
    button('Delete policy Standard').click();
    apollo
      .expectOne(AdminSlasDeletePolicyDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(await axeViolations(page())).toEqual([]);
  });
});
