/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
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
import { CaseActionsComponent } from './case-actions.component';
import {
  AssignCaseDocument,
  type CasePageQuery,
  SetCaseStatusDocument,
  UpdateCaseDocument,
} from './operations.generated';

type PageCase = NonNullable<CasePageQuery['case']>;

const ME = { id: 'p1', displayName: 'Jordan Park' };
const ANA = { id: 'p2', displayName: 'Ana Ruiz' };
const BO = { id: 'p3', displayName: 'Bo Chen' };

const TOPICS: CasePageQuery['topics'] = [
  { id: 'tp1', name: 'Transportation', parentId: null },
  { id: 'tp2', name: 'Lunch accounts', parentId: null },
];
const TEAMS: CasePageQuery['teams'] = [
  {
    id: 't1',
    name: 'Transportation office',
    schoolId: null,
    members: [
      { available: true, person: ME },
      { available: false, person: ANA },
    ],
  },
  { id: 't2', name: 'Food services', schoolId: null, members: [{ available: true, person: BO }] },
];

function pageCase(fields: Partial<PageCase> = {}): PageCase {
  return {
    id: 'c1',
    status: 'OPEN',
    priority: 'NORMAL',
    topic: { id: 'tp1', name: 'Transportation' },
    team: { id: 't1', name: 'Transportation office' },
    assignee: null,
    ...fields,
  } as PageCase;
}

/** The case page, which hands the panel its case, what the pickers offer, and the signed-in person. */
@Component({
  imports: [CaseActionsComponent],
  template: `
    <hr-case-actions [supportCase]="supportCase()" [topics]="topics" [teams]="teams" [personId]="personId" />
  `,
})
class CasePageComponent {
  readonly supportCase = signal(pageCase());
  readonly topics = TOPICS;
  readonly teams = TEAMS;
  readonly personId = ME.id;
}

describe("the case's handling", () => {
  let fixture: ComponentFixture<CasePageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const picker = (id: string) => page().querySelector<HTMLSelectElement>(`#case-${id}`)!;
  const options = (id: string) => [...picker(id).options].map((option) => option.textContent!.trim());
  const assignToMe = () =>
    [...page().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Assign to me')!;
  const alerts = () => alertTexts(page());

  async function show(supportCase: PageCase): Promise<void> {
    fixture.componentInstance.supportCase.set(supportCase);
    await settle(fixture);
  }

  async function pick(id: string, value: string): Promise<void> {
    setField(page(), `case-${id}`, value);
    await settle(fixture);
  }

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(CasePageComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it("shows the case's handling as it is, offering the people of its team, those away marked", async () => {
    expect(['status', 'priority', 'topic', 'team', 'assignee'].map((id) => picker(id).value)).toEqual([
      'OPEN',
      'NORMAL',
      'tp1',
      't1',
      '',
    ]);
    expect(options('status')).toEqual(['NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED']);
    expect(options('topic')).toEqual(['No topic', 'Transportation', 'Lunch accounts']);
    expect(options('team')).toEqual(['No team', 'Transportation office', 'Food services']);
    expect(options('assignee')).toEqual(['Unassigned', 'Ana Ruiz (away)', 'Jordan Park']);
    expect(assignToMe().disabled).toBe(false);
    expect(alerts()).toEqual([]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('offers everyone on any team when the case has none, and keeps an assignee from elsewhere', async () => {
    await show(pageCase({ team: null, assignee: { id: 'p9', displayName: 'Cy Ode' } }));
    expect(options('assignee')).toEqual([
      'Unassigned',
      'Ana Ruiz (away)',
      'Bo Chen',
      'Cy Ode',
      'Jordan Park',
    ]);
    expect(picker('assignee').value).toBe('p9');
  });

  it('sets the status as it is picked, every picker waiting meanwhile', async () => {
    await pick('status', 'PENDING');
    const operation = apollo.expectOne(SetCaseStatusDocument);
    expect(operation.operation.variables).toEqual({ caseId: 'c1', status: 'PENDING' });
    expect(['status', 'priority', 'topic', 'team', 'assignee'].map((id) => picker(id).disabled)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(assignToMe().disabled).toBe(true);
    operation.flushData({ setCaseStatus: { id: 'c1', status: 'PENDING' } });
    await settle(fixture);
    expect(picker('status').disabled).toBe(false);
  });

  it('changes the priority, and clears the topic with "No topic"', async () => {
    await pick('priority', 'URGENT');
    const priority = apollo.expectOne(UpdateCaseDocument);
    expect(priority.operation.variables).toEqual({ caseId: 'c1', input: { priority: 'URGENT' } });
    priority.flushData({ updateCase: { id: 'c1', priority: 'URGENT', topic: null } });
    await settle(fixture);
    await pick('topic', '');
    const topic = apollo.expectOne(UpdateCaseDocument);
    expect(topic.operation.variables).toEqual({ caseId: 'c1', input: { topicId: null } });
    topic.flushData({ updateCase: { id: 'c1', priority: 'URGENT', topic: null } });
    await settle(fixture);
  });

  it('moves the case to another team unassigned, and assigns it within its team', async () => {
    await pick('team', 't2');
    const team = apollo.expectOne(AssignCaseDocument);
    expect(team.operation.variables).toEqual({ caseId: 'c1', teamId: 't2', assigneeId: null });
    team.flushData({ assignCase: { id: 'c1', team: null, assignee: null } });
    await settle(fixture);
    await pick('assignee', 'p2');
    const assignee = apollo.expectOne(AssignCaseDocument);
    expect(assignee.operation.variables).toEqual({ caseId: 'c1', teamId: 't1', assigneeId: 'p2' });
    assignee.flushData({ assignCase: { id: 'c1', team: null, assignee: null } });
    await settle(fixture);
  });

  it('puts a refused pick back to what the case still says, and says why', async () => {
    await pick('status', 'CLOSED');
    apollo
      .expectOne(SetCaseStatusDocument)
      .graphqlErrors([new GraphQLError('Stale', { extensions: { code: 'CONFLICT' } })]);
    await settle(fixture);
    expect(picker('status').value).toBe('OPEN');
    expect(alerts()).toEqual([
      'This changed in the meantime, or clashes with what is there now. Look again, then try once more.',
    ]);
    expect(picker('status').disabled).toBe(false);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('assigns the case to the signed-in person in its team, and not again once it is theirs', async () => {
    assignToMe().click();
    const operation = apollo.expectOne(AssignCaseDocument);
    expect(operation.operation.variables).toEqual({ caseId: 'c1', teamId: 't1', assigneeId: 'p1' });
    operation.flushData({ assignCase: { id: 'c1', team: null, assignee: null } });
    await settle(fixture);
    await show(pageCase({ assignee: ME }));
    expect(picker('assignee').value).toBe('p1');
    expect(assignToMe().disabled).toBe(true);
  });
});
