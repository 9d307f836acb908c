/**
 * @jest-environment jsdom
 */
import { TestBed } from '@angular/core/testing';
import type { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { LanguageService } from '@homeroom/portal/data-access';
import { configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import { ConfirmRequesterPageComponent } from './confirm-requester-page.component';
import { ConfirmRequesterDocument } from './operations.generated';
import { answerCorrections } from './public-text.testing';

async function open(answer: (op: ReturnType<ApolloTestingController['expectOne']>) => void) {
  const apollo = configureApolloTesting();
  TestBed.inject(LanguageService).use('en');
  const fixture = TestBed.createComponent(ConfirmRequesterPageComponent);
  fixture.componentRef.setInput('token', 'link-token');
  fixture.detectChanges();
  answerCorrections(apollo, 'en');
  const operation = apollo.expectOne(ConfirmRequesterDocument);
  expect(operation.operation.variables).toEqual({ token: 'link-token' });
  answer(operation);
  // The answer settles the page's promise a turn later.
  await settle(fixture);
  return fixture.nativeElement as HTMLElement;
}

describe('the requester confirmation page', () => {
  it('confirms by the link it was opened with and names the case', async () => {
    const page = await open((op) => op.flushData({ confirmRequester: { caseNumber: 'HR-2026-000042' } }));
    expect(page.querySelector('[data-testid="requester-confirmed"]')!.textContent).toContain(
      'HR-2026-000042',
    );
  });

  it('says in plain words that a used or expired link opens nothing', async () => {
    const page = await open((op) =>
      op.graphqlErrors([
        new GraphQLError('Confirmation link not found', { extensions: { code: 'NOT_FOUND' } }),
      ]),
    );
    expect(page.querySelector('[role="alert"]')!.textContent).toContain('already been used');
    expect(page.querySelector('[data-testid="requester-confirmed"]')).toBeNull();
  });
});
