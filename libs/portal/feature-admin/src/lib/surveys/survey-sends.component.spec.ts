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
import {
  AdminSurveysCancelSendDocument,
  AdminSurveysSendDocument,
  type SurveyAudience,
  type SurveyStatus,
} from '../operations.generated';
import { formatWhen } from '../formats';
import { type ScheduledSends, SurveySendsComponent } from './survey-sends.component';

type Send = ScheduledSends[number];

const send = (id: string, sendAt: string, overrides: Partial<Send> = {}): Send => ({
  id,
  sendAt,
  sentAt: null,
  invited: null,
  failure: null,
  kinds: [],
  roles: [],
  languages: [],
  schoolIds: [],
  ...overrides,
});

const PLANNED = '2026-05-01T14:00:00.000Z';
const SENT = '2026-04-01T14:00:00.000Z';

/** The surveys page's use of the form, under a district survey's results. */
@Component({
  imports: [SurveySendsComponent],
  template: `
    <hr-survey-sends
      surveyId="v1"
      surveyName="Spring family survey"
      [status]="status()"
      [audiences]="audiences()"
      [sends]="sends()"
      [schools]="schools"
    />
  `,
})
class SurveysPageComponent {
  readonly status = signal<SurveyStatus>('OPEN');
  readonly audiences = signal<SurveyAudience[]>(['FAMILIES', 'STAFF']);
  readonly sends = signal<ScheduledSends>([]);
  readonly schools = [
    { id: 's1', name: 'Lincoln Elementary' },
    { id: 's2', name: 'Oak Middle' },
  ];
}

describe('sending a survey', () => {
  let fixture: ComponentFixture<SurveysPageComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const submit = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const button = (name: string) =>
    [...page().querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name);
  const alerts = () => alertTexts(page());
  /** What the form says it did (the school picker has a status of its own, for its matches). */
  const statuses = () =>
    [...page().querySelectorAll('hr-form-feedback [role="status"]')].map((status) =>
      status.textContent!.trim(),
    );
  const boxes = (prefix: string) =>
    [...page().querySelectorAll<HTMLInputElement>(`[id^="${prefix}"]`)].map((box) =>
      box.labels![0]!.textContent!.trim(),
    );
  const schoolBoxes = () =>
    [...page().querySelectorAll<HTMLInputElement>('#send-schools-matches input')].map((box) =>
      box.labels![0]!.textContent!.trim(),
    );

  function type(id: string, text: string): void {
    setField(page(), id, text);
    fixture.detectChanges();
  }

  function press(id: string, key: string): void {
    field(id).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    fixture.detectChanges();
  }

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(SurveysPageComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('offers only the people the survey is written for, and staff roles once staff are', async () => {
    expect(page().textContent).toContain('No sends planned or made from this page yet.');
    expect(boxes('send-kind-')).toEqual(['Families (guardians)', 'Staff']);
    expect(boxes('send-role-')).toEqual([
      'Agents',
      'School administrators',
      'District administrators',
      'Viewers',
    ]);
    host().audiences.set(['FAMILIES']);
    await settle(fixture);
    expect(boxes('send-role-')).toEqual([]);
    expect(submit().textContent!.trim()).toBe('Send now');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says what the survey needs before it can be sent', async () => {
    host().status.set('CLOSED');
    await settle(fixture);
    expect(page().querySelector('.hint')!.textContent!.trim()).toBe(
      'The survey is closed: reopen it to send it.',
    );
    host().status.set('DRAFT');
    await settle(fixture);
    submit().click();
    await settle(fixture);
    expect(alerts()).toEqual([
      'Open the survey before sending it now, or plan the send for after you open it.',
    ]);
    field<HTMLInputElement>('send-later').click();
    await settle(fixture);
    submit().click();
    await settle(fixture);
    expect(alerts()).toEqual(['Choose when to send it.']);
    apollo.expectNone(AdminSurveysSendDocument);
  });

  it('sends now to the people, schools and languages chosen, and says how many were invited', async () => {
    field<HTMLInputElement>('send-kind-GUARDIAN').click();
    field<HTMLInputElement>('send-schools-s2').click();
    const languages = field<HTMLInputElement>('send-languages');
    languages.value = 'es, vi';
    languages.dispatchEvent(new Event('input'));
    submit().click();
    await settle(fixture);
    const sent = apollo.expectOne(AdminSurveysSendDocument);
    expect(sent.operation.variables).toEqual({
      id: 'v1',
      audience: { kinds: ['GUARDIAN'], roles: [], schoolIds: ['s2'], languages: ['es', 'vi'] },
      at: null,
    });
    expect(submit().disabled).toBe(true);
    sent.flushData({ sendSurvey: { invited: 41, alreadyInvited: 2, scheduledFor: null } });
    await settle(fixture);
    expect(statuses()).toEqual([
      'Invited 41 people, each with a personal link. 2 had been invited before and were not invited again.',
    ]);
    expect(submit().disabled).toBe(false);
  });

  it('picks schools from a searchable list, Enter choosing the first match without sending', async () => {
    expect(field<HTMLInputElement>('send-schools-search').labels![0]!.textContent!.trim()).toBe(
      'At these schools (none chosen: every school)',
    );
    expect(schoolBoxes()).toEqual(['Lincoln Elementary', 'Oak Middle']);
    expect(page().querySelector('#send-schools-count')!.textContent!.trim()).toBe('None chosen');
    type('send-schools-search', 'oak');
    expect(schoolBoxes()).toEqual(['Oak Middle']);
    press('send-schools-search', 'Enter');
    await settle(fixture);
    apollo.expectNone(AdminSurveysSendDocument);
    expect(field<HTMLInputElement>('send-schools-search').value).toBe('');
    expect(page().querySelector('#send-schools-count')!.textContent!.trim()).toBe('1 chosen');
    expect(
      [...page().querySelectorAll('hr-multi-select .chips button')].map((chip) =>
        chip.getAttribute('aria-label'),
      ),
    ).toEqual(['Remove Oak Middle']);
    expect(await axeViolations(page())).toEqual([]);
    submit().click();
    await settle(fixture);
    const sent = apollo.expectOne(AdminSurveysSendDocument);
    expect(sent.operation.variables).toEqual({
      id: 'v1',
      audience: { kinds: [], roles: [], schoolIds: ['s2'], languages: [] },
      at: null,
    });
    sent.flushData({ sendSurvey: { invited: 3, alreadyInvited: 0, scheduledFor: null } });
    await settle(fixture);
  });

  it('lists the sends in words, and cancels one not yet made', async () => {
    host().sends.set([
      send('x1', PLANNED, { kinds: ['STAFF'], roles: ['AGENT'], schoolIds: ['s1'] }),
      send('x2', SENT, { sentAt: SENT, invited: 12 }),
    ]);
    await settle(fixture);
    expect(
      [...page().querySelectorAll('tbody tr')].map((row) =>
        [...row.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent!.trim()),
      ),
    ).toEqual([
      [formatWhen(PLANNED), 'Staff (agents) at Lincoln Elementary', 'Waiting'],
      [formatWhen(SENT), 'Everyone the survey was written for', `Sent ${formatWhen(SENT)} to 12 people`],
    ]);
    expect(button(`Cancel the send planned for ${formatWhen(SENT)}`)).toBeUndefined();
    expect(await axeViolations(page())).toEqual([]);
    const cancel = button(`Cancel the send planned for ${formatWhen(PLANNED)}`)!;
    expect(cancel.textContent!.trim()).toBe('Cancel');
    cancel.click();
    await settle(fixture);
    const cancelled = apollo.expectOne(AdminSurveysCancelSendDocument);
    expect(cancelled.operation.variables).toEqual({ id: 'x1' });
    expect(cancel.disabled).toBe(true);
    cancelled.flushData({ cancelScheduledSurveySend: false });
    await settle(fixture);
    expect(statuses()).toEqual(['Too late to cancel: the send has gone or is going.']);
  });

  it("shows the API's refusal in words", async () => {
    submit().click();
    apollo
      .expectOne(AdminSurveysSendDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(statuses()).toEqual([]);
  });
});
