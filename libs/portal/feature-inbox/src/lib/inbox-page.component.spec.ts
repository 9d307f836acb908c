/**
 * @jest-environment jsdom
 */
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { PORTAL_CONFIG } from '@homeroom/portal/data-access';
import { InboxPageComponent } from './inbox-page.component';
import { InboxDocument, type InboxQuery } from './operations.generated';

const RLO = '\u202e';

const count = (totalCount: number) => ({ totalCount });
/** Apollo's cache matches a fragment (`...InboxRow on Case`) by __typename, which the operation types leave out. */
const aCase = <T extends object>(node: T): T => ({ __typename: 'Case', ...node });

/** One open case whose subject hides the real order of its words. */
function inboxAnswer(): InboxQuery {
  return {
    mine: count(0),
    myTeams: count(0),
    mySchools: count(1),
    unassigned: count(1),
    breachingSoon: count(0),
    watching: count(0),
    everything: count(1),
    cases: {
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [
        {
          node: aCase({
            id: '0b0f8a52-8c3e-4f6e-9d6a-3f3a1c2b4d5e',
            number: 'HR-2026-000123',
            subject: `Refund ${RLO}fdp.exe`,
            status: 'NEW',
            priority: 'NORMAL',
            channel: 'EMAIL',
            createdAt: '2026-12-01T14:00:00.000Z',
            updatedAt: '2026-12-01T14:00:00.000Z',
            school: null,
            topic: null,
            assignee: null,
            team: null,
            sla: null,
          }),
        },
      ],
    },
  };
}

describe('the inbox', () => {
  beforeAll(() => {
    // jsdom has no IntersectionObserver; the list's "load more on scroll" is not what this spec reads.
    globalThis.IntersectionObserver ??= class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    } as unknown as typeof IntersectionObserver;
  });

  it("lists a subject with its direction controls marked, in the row and in the row's title", async () => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [provideRouter([]), { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.test' } }],
    });
    const fixture = TestBed.createComponent(InboxPageComponent);
    fixture.detectChanges();
    TestBed.inject(ApolloTestingController).expectOne(InboxDocument).flushData(inboxAnswer());
    await fixture.whenStable();
    const row = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="inbox-row"]')!;

    const subject = row.querySelectorAll('td')[1]!;
    expect(subject.textContent).toBe('Refund ⟨U+202E⟩fdp.exe');
    expect(subject.querySelector('bdi abbr')?.getAttribute('title')).toMatch(/RIGHT-TO-LEFT OVERRIDE/);
    expect(subject.getAttribute('title')).toBe('Refund ⟨U+202E⟩fdp.exe');
    expect(row.textContent).not.toContain(RLO);
    fixture.destroy();
  });
});
