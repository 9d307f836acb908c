/**
 * @jest-environment jsdom
 */
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PORTAL_CONFIG } from '@homeroom/portal/data-access';
import { configureApolloTesting } from '@homeroom/portal/ui/testing';
import { PersonPageDocument, type PersonPageQuery } from './operations.generated';
import { PersonPageComponent } from './person-page.component';

const RLO = '\u202e';

/** A guardian with one case, whose subject hides the real order of its words. */
function personAnswer(): PersonPageQuery {
  return {
    person: {
      id: 'p1',
      displayName: 'Sam Lee',
      kind: 'GUARDIAN',
      active: true,
      mergedIntoId: null,
      preferredLanguage: 'en',
      preferredChannel: null,
      emails: [],
      phones: [],
      schools: [],
      household: null,
      guardians: [],
      students: [],
      cases: {
        totalCount: 1,
        edges: [
          {
            node: {
              id: 'c1',
              number: 'HR-2026-000123',
              subject: `Refund ${RLO}fdp.exe`,
              status: 'NEW',
              createdAt: '2026-12-01T14:00:00.000Z',
              school: null,
            },
          },
        ],
      },
    },
  };
}

describe("a person's page", () => {
  it('lists their cases with the subjects’ direction controls marked', async () => {
    const apollo = configureApolloTesting([
      provideRouter([]),
      { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.test' } },
    ]);
    const fixture = TestBed.createComponent(PersonPageComponent);
    fixture.componentRef.setInput('id', 'p1');
    fixture.detectChanges();
    apollo.expectOne(PersonPageDocument).flushData(personAnswer());
    await fixture.whenStable();
    const cells = (fixture.nativeElement as HTMLElement).querySelectorAll('tbody td');
    expect(cells[1]?.textContent).toBe('Refund ⟨U+202E⟩fdp.exe');
    expect((fixture.nativeElement as HTMLElement).textContent).not.toContain(RLO);
    fixture.destroy();
  });
});
