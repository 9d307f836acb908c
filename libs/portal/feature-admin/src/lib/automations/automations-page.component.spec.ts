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
import {
  AdminAutomationsDocument,
  type AdminAutomationsQuery,
  CreateAutomationDocument,
  PreviewAutomationDocument,
} from '../operations.generated';
import { AutomationsPageComponent } from './automations-page.component';

const answer = (rules: AdminAutomationsQuery['automationRules']) =>
  ({
    automationRules: rules.map((rule) => ({
      __typename: 'AutomationRule',
      ...rule,
      conditions: {
        __typename: 'AutomationConditions',
        ...rule.conditions,
        sla: rule.conditions.sla && { __typename: 'AutomationSlaCondition', ...rule.conditions.sla },
      },
      actions: rule.actions.map((a) => ({ __typename: 'AutomationAction', ...a })),
    })),
    teams: [{ __typename: 'Team', id: 't1', name: 'Transportation' }],
  }) as unknown as AdminAutomationsQuery;

const resolveQuiet: AdminAutomationsQuery['automationRules'][number] = {
  id: 'r1',
  name: 'Resolve quiet pending cases',
  active: true,
  conditions: {
    statuses: ['PENDING'],
    idleBusinessDays: 5,
    priorities: null,
    schoolIds: null,
    topicIds: null,
    sla: null,
  },
  actions: [{ kind: 'RESOLVE', message: 'Closing.', priority: null, teamId: null, tag: null }],
  appliedCount: 3,
  lastAppliedAt: '2026-12-07T09:00:00Z',
};

const flagLate: AdminAutomationsQuery['automationRules'][number] = {
  ...resolveQuiet,
  id: 'r3',
  name: 'Flag late first responses',
  conditions: {
    ...resolveQuiet.conditions,
    statuses: ['OPEN'],
    idleBusinessDays: 1,
    sla: { state: 'BREACHED', timerKinds: ['FIRST_RESPONSE'], withinHours: null },
  },
};

describe('the automations page', () => {
  let fixture: ComponentFixture<AutomationsPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const button = (text: string) =>
    [...page().querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === text)!;

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(AutomationsPageComponent);
    fixture.detectChanges();
    apollo.expectOne(AdminAutomationsDocument).flushData(answer([resolveQuiet, flagLate]));
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('lists each rule: what it acts on, what it does, how often it has', async () => {
    const cells = [...page().querySelectorAll('tr[data-testid="automation-rule"] td')]
      .slice(0, 4)
      .map((td) => td.textContent!.trim());
    expect(cells.slice(0, 3)).toEqual([
      'Resolve quiet pending cases',
      'Pending cases quiet for 5 school days',
      'resolve with a message',
    ]);
    expect(cells[3]).toMatch(/^3 cases, last /);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('shows the cases a new rule would act on now, then adds it', async () => {
    setField(page(), 'automation-name', 'Escalate quiet new cases');
    page().querySelector<HTMLInputElement>('input[name="status-PENDING"]')!.click();
    page().querySelector<HTMLInputElement>('input[name="status-NEW"]')!.click();
    await settle(fixture);
    setField(page(), 'automation-days', '2');
    setField(page(), 'action-kind-0', 'SET_PRIORITY');
    await settle(fixture);
    setField(page(), 'action-priority-0', 'URGENT');
    await settle(fixture);
    button('Which cases would it act on now?').click();
    await settle(fixture);
    const preview = apollo.expectOne(PreviewAutomationDocument);
    expect(preview.operation.variables).toEqual({
      conditions: {
        statuses: ['NEW'],
        idleBusinessDays: 2,
        priorities: null,
        schoolIds: null,
        topicIds: null,
        sla: null,
      },
    });
    preview.flushData({
      previewAutomationRule: {
        __typename: 'AutomationPreview',
        count: 1,
        cases: [{ __typename: 'AutomationPreviewCase', id: 'c1', number: 'HR-2026-000001', subject: 'Bus' }],
      },
    } as never);
    await settle(fixture);
    const previewed = page().querySelector('[data-testid="automation-preview"]')!;
    expect([...previewed.querySelectorAll('p, li')].map((e) => e.textContent!.trim())).toEqual([
      'It would act on 1 case now.',
      'HR-2026-000001 · Bus',
    ]);
    button('Add rule').click();
    await settle(fixture);
    const create = apollo.expectOne(CreateAutomationDocument);
    expect(create.operation.variables['input']).toEqual({
      name: 'Escalate quiet new cases',
      active: true,
      conditions: {
        statuses: ['NEW'],
        idleBusinessDays: 2,
        priorities: null,
        schoolIds: null,
        topicIds: null,
        sla: null,
      },
      actions: [{ kind: 'SET_PRIORITY', message: null, priority: 'URGENT', teamId: null, tag: null }],
    });
    create.flushData({
      createAutomationRule: { __typename: 'AutomationRule', ...resolveQuiet, id: 'r2' },
    } as never);
    await settle(fixture);
    apollo.expectOne(AdminAutomationsDocument).flushData(answer([resolveQuiet]));
    await settle(fixture);
    expect(page().querySelector('[role="status"]')!.textContent).toBe(
      'Rule Escalate quiet new cases was added.',
    );
    expect(page().querySelector<HTMLInputElement>('#automation-name')!.value).toBe('');
  });

  it('says in words why the service refused a rule, keeping what was typed', async () => {
    setField(page(), 'automation-name', 'Everything');
    await settle(fixture);
    button('Add rule').click();
    await settle(fixture);
    apollo
      .expectOne(CreateAutomationDocument)
      .graphqlErrors([
        new GraphQLError('too broad', { extensions: { code: 'BAD_USER_INPUT', reason: 'RULE_TOO_BROAD' } }),
      ]);
    await settle(fixture);
    expect(alertTexts(page())).toEqual([
      'The rule would act on more than 5,000 cases now: narrow it, or save it switched off, or make such a change as a bulk action.',
    ]);
    expect(page().querySelector<HTMLInputElement>('#automation-name')!.value).toBe('Everything');
  });

  it('offers the SLA state as a condition, and sends it with the dry run', async () => {
    expect(page().querySelector('#automation-sla-hours')).toBeNull();
    setField(page(), 'automation-sla-state', 'DUE_WITHIN');
    await settle(fixture);
    setField(page(), 'automation-sla-hours', '4');
    page().querySelector<HTMLInputElement>('input[name="sla-timer-FIRST_RESPONSE"]')!.click();
    await settle(fixture);
    expect(await axeViolations(page())).toEqual([]);
    button('Which cases would it act on now?').click();
    await settle(fixture);
    const preview = apollo.expectOne(PreviewAutomationDocument);
    expect(preview.operation.variables['conditions'].sla).toEqual({
      state: 'DUE_WITHIN',
      timerKinds: ['FIRST_RESPONSE'],
      withinHours: 4,
    });
    preview.flushData({
      previewAutomationRule: { __typename: 'AutomationPreview', count: 0, cases: [] },
    } as never);
    await settle(fixture);
    expect(page().querySelector('[data-testid="automation-preview"]')!.textContent!.trim()).toBe(
      'It would act on 0 cases now.',
    );
  });

  it('describes a saved rule with its SLA condition, and edits it', async () => {
    const row = page().querySelectorAll('tr[data-testid="automation-rule"]')[1]!;
    expect(row.querySelectorAll('td')[1]!.textContent!.trim()).toBe(
      'Open cases quiet for 1 school day, first response breached',
    );
    page()
      .querySelector<HTMLButtonElement>('button[aria-label="Edit rule Flag late first responses"]')!
      .click();
    await settle(fixture);
    expect(page().querySelector<HTMLSelectElement>('#automation-sla-state')!.value).toBe('BREACHED');
    expect(page().querySelector<HTMLInputElement>('input[name="sla-timer-FIRST_RESPONSE"]')!.checked).toBe(
      true,
    );
    expect(page().querySelector<HTMLInputElement>('input[name="sla-timer-RESOLUTION"]')!.checked).toBe(false);
  });
});
