/**
 * @jest-environment jsdom
 */
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CasePageQuery } from './operations.generated';
import { RequesterCardComponent } from './requester-card.component';

type PageCase = NonNullable<CasePageQuery['case']>;

const RLO = '\u202e';

function render(supportCase: Partial<PageCase>): HTMLElement {
  TestBed.configureTestingModule({ providers: [provideRouter([])] });
  const fixture = TestBed.createComponent(RequesterCardComponent);
  fixture.componentRef.setInput('supportCase', {
    id: 'c1',
    anonymous: false,
    requester: null,
    requesterCandidate: null,
    contact: { name: null, email: null, phone: null },
    ...supportCase,
  } as PageCase);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe("the case's requester card", () => {
  it('shows the name an unmatched sender gave with its direction controls marked', () => {
    const card = render({ contact: { name: `Principal${RLO} Office`, email: 'x@family.test', phone: null } });
    const name = card.querySelector('hr-untrusted-text')!;
    expect(name.textContent).toBe('Principal⟨U+202E⟩ Office');
    expect(card.textContent).toContain('x@family.test');
    expect(card.textContent).not.toContain(RLO);
  });

  it("marks them in the subjects of the requester's other cases", () => {
    const card = render({
      requester: {
        id: 'p1',
        displayName: 'Sam Lee',
        kind: 'GUARDIAN',
        preferredLanguage: 'en',
        emails: [],
        phones: [],
        household: null,
        cases: {
          totalCount: 2,
          edges: [
            {
              node: { id: 'c1', number: 'HR-1', subject: 'This one', status: 'NEW', createdAt: '2026-12-01' },
            },
            {
              node: {
                id: 'c2',
                number: 'HR-2',
                subject: `Bus ${RLO}etal`,
                status: 'RESOLVED',
                createdAt: '2026-11-01',
              },
            },
          ],
        },
      } as PageCase['requester'],
    });
    const others = [...card.querySelectorAll('li hr-untrusted-text')].map((item) => item.textContent);
    expect(others).toEqual(['Bus ⟨U+202E⟩etal']);
    expect(card.textContent).not.toContain(RLO);
  });

  it('names an unconfirmed match as such, without their record', () => {
    const card = render({
      contact: { name: 'Ana', email: 'ana.ruiz@family.test', phone: null },
      requesterCandidate: { id: 'p9', displayName: 'Ana Ruiz' } as PageCase['requesterCandidate'],
    });
    const candidate = card.querySelector('[data-testid="requester-candidate"]')!;
    expect(candidate.textContent).toContain('Ana Ruiz');
    expect(candidate.textContent).toContain('not confirmed');
    expect(card.querySelector('[data-testid="requester-name"]')).toBeNull();
  });
});
