/**
 * @jest-environment jsdom
 */
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  buttonNamed,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import { CaseAssistantComponent } from './case-assistant.component';
import {
  CaseSummaryDocument,
  type CaseSummaryQuery,
  SuggestReplyDocument,
  type SuggestReplyMutation,
} from './operations.generated';

/** The case page: it puts each draft in its reply box. */
@Component({
  imports: [CaseAssistantComponent],
  template: `<hr-case-assistant caseId="c1" (drafted)="drafts.push($event)" />`,
})
class CasePageComponent {
  readonly drafts: string[] = [];
}

const SUMMARY: CaseSummaryQuery = {
  caseSummary: 'A guardian asks why bus 14 was late three mornings this week.',
};
const DRAFT: SuggestReplyMutation = { suggestReply: 'Dear Ms. Lee, thank you for telling us about bus 14.' };

describe("the case's writing assistant", () => {
  let fixture: ComponentFixture<CasePageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const button = (name: string) => buttonNamed(page(), name)!;
  const alerts = () => alertTexts(page());
  const summary = () => page().querySelector('[data-testid="case-summary"]');

  async function chooseTone(tone: string): Promise<void> {
    setField(page(), 'reply-tone', tone);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(CasePageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('offers a summary and a draft in a tone, asking for nothing until told', async () => {
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Assistant');
    expect([...page().querySelectorAll('button')].map((b) => b.textContent!.trim())).toEqual([
      'Summarize the case',
      'Draft a reply',
    ]);
    const tones = [...page().querySelectorAll('#reply-tone option')];
    expect(tones.map((option) => option.textContent)).toEqual(['Neutral', 'Warm', 'Formal', 'Brief']);
    expect(page().querySelector<HTMLSelectElement>('#reply-tone')!.value).toBe('NEUTRAL');
    expect(summary()).toBeNull();
    expect(alerts()).toEqual([]);
    apollo.expectNone(CaseSummaryDocument);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('asks for a summary of the case, waits for it, and shows it as a status', async () => {
    button('Summarize the case').click();
    await settle(fixture);
    const operation = apollo.expectOne(CaseSummaryDocument);
    expect(operation.operation.variables).toEqual({ caseId: 'c1' });
    expect([button('Summarize the case').disabled, button('Draft a reply').disabled]).toEqual([true, true]);
    operation.flushData(SUMMARY);
    await settle(fixture);
    expect(summary()!.getAttribute('role')).toBe('status');
    expect(summary()!.textContent).toBe('A guardian asks why bus 14 was late three mornings this week.');
    expect([button('Summarize the case').disabled, button('Draft a reply').disabled]).toEqual([false, false]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('asks the API afresh each time, as the case may have moved on', async () => {
    button('Summarize the case').click();
    apollo.expectOne(CaseSummaryDocument).flushData(SUMMARY);
    await settle(fixture);
    button('Summarize the case').click();
    apollo.expectOne(CaseSummaryDocument).flushData({ caseSummary: 'Now resolved: the route was changed.' });
    await settle(fixture);
    expect(summary()!.textContent).toBe('Now resolved: the route was changed.');
  });

  it('drafts a reply in the chosen tone and hands it to the page, sending nothing', async () => {
    await chooseTone('WARM');
    button('Draft a reply').click();
    await settle(fixture);
    expect(button('Draft a reply').disabled).toBe(true);
    const operation = apollo.expectOne(SuggestReplyDocument);
    expect(operation.operation.variables).toEqual({ caseId: 'c1', tone: 'WARM' });
    operation.flushData(DRAFT);
    await settle(fixture);
    expect(fixture.componentInstance.drafts).toEqual([
      'Dear Ms. Lee, thank you for telling us about bus 14.',
    ]);
    expect(button('Draft a reply').disabled).toBe(false);
    expect(alerts()).toEqual([]);
  });

  it('says in words when the district has not turned the assistant on', async () => {
    button('Draft a reply').click();
    apollo
      .expectOne(SuggestReplyDocument)
      .graphqlErrors([new GraphQLError('Assistant disabled', { extensions: { code: 'FEATURE_DISABLED' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['Your district has not turned this on.']);
    expect(fixture.componentInstance.drafts).toEqual([]);
    expect(button('Draft a reply').disabled).toBe(false);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says why a summary was refused, and puts that away once one comes', async () => {
    button('Summarize the case').click();
    apollo
      .expectOne(CaseSummaryDocument)
      .graphqlErrors([new GraphQLError('Busy', { extensions: { code: 'UPSTREAM_UNAVAILABLE' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['The service is busy right now. Please try again in a moment.']);
    expect(summary()).toBeNull();
    button('Summarize the case').click();
    apollo.expectOne(CaseSummaryDocument).flushData(SUMMARY);
    await settle(fixture);
    expect(alerts()).toEqual([]);
    expect(summary()!.textContent).toContain('bus 14');
  });
});
