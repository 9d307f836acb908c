/**
 * @jest-environment jsdom
 */
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { axeViolations } from '@homeroom/portal/ui/testing';
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
  const button = (name: string) =>
    [...page().querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;
  const alerts = () => [...page().querySelectorAll('[role="alert"]')].map((alert) => alert.textContent);
  const summary = () => page().querySelector('[data-testid="case-summary"]');

  /** Lets Apollo deliver what was flushed, and the page draw it. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  async function chooseTone(tone: string): Promise<void> {
    const select = page().querySelector<HTMLSelectElement>('#reply-tone')!;
    select.value = tone;
    select.dispatchEvent(new Event('change'));
    await settle();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(CasePageComponent);
    document.body.appendChild(fixture.nativeElement);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
    fixture.nativeElement.remove();
  });

  it('offers a summary and a draft in a tone, asking for nothing until told', async () => {
    await settle();
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
    await settle();
    const operation = apollo.expectOne(CaseSummaryDocument);
    expect(operation.operation.variables).toEqual({ caseId: 'c1' });
    expect([button('Summarize the case').disabled, button('Draft a reply').disabled]).toEqual([true, true]);
    operation.flushData(SUMMARY);
    await settle();
    expect(summary()!.getAttribute('role')).toBe('status');
    expect(summary()!.textContent).toBe('A guardian asks why bus 14 was late three mornings this week.');
    expect([button('Summarize the case').disabled, button('Draft a reply').disabled]).toEqual([false, false]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('asks the API afresh each time, as the case may have moved on', async () => {
    button('Summarize the case').click();
    apollo.expectOne(CaseSummaryDocument).flushData(SUMMARY);
    await settle();
    button('Summarize the case').click();
    apollo.expectOne(CaseSummaryDocument).flushData({ caseSummary: 'Now resolved: the route was changed.' });
    await settle();
    expect(summary()!.textContent).toBe('Now resolved: the route was changed.');
  });

  it('drafts a reply in the chosen tone and hands it to the page, sending nothing', async () => {
    await chooseTone('WARM');
    button('Draft a reply').click();
    await settle();
    expect(button('Draft a reply').disabled).toBe(true);
    const operation = apollo.expectOne(SuggestReplyDocument);
    expect(operation.operation.variables).toEqual({ caseId: 'c1', tone: 'WARM' });
    operation.flushData(DRAFT);
    await settle();
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
    await settle();
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
    await settle();
    expect(alerts()).toEqual(['The service is busy right now. Please try again in a moment.']);
    expect(summary()).toBeNull();
    button('Summarize the case').click();
    apollo.expectOne(CaseSummaryDocument).flushData(SUMMARY);
    await settle();
    expect(alerts()).toEqual([]);
    expect(summary()!.textContent).toContain('bus 14');
  });
});
