/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations } from '@homeroom/portal/ui/testing';
import { deflectionView, HelpCenterDeflectionComponent } from './help-center-deflection.component';
import type { DashboardQuery } from './operations.generated';

type Rows = DashboardQuery['helpCenterDeflection'];

const rows: Rows = [
  { topic: { id: 't2', name: 'Enrollment' }, answered: 2, opened: 8, deflectionRate: 0.2 },
  { topic: { id: 't1', name: 'Transportation' }, answered: 9, opened: 3, deflectionRate: 0.75 },
  // Asked about nothing in the range: left out rather than shown as a row of zeros.
  { topic: { id: 't3', name: 'Lunch' }, answered: 0, opened: 0, deflectionRate: null },
  // Articles of no topic, and cases of none.
  { topic: null, answered: 1, opened: 0, deflectionRate: 1 },
];

describe('help center deflection', () => {
  it('orders topics by questions answered and totals them, the rate of all from the counts', () => {
    expect(deflectionView(rows)).toEqual({
      rows: [
        { key: 't1', name: 'Transportation', answered: 9, opened: 3, rate: 0.75 },
        { key: 't2', name: 'Enrollment', answered: 2, opened: 8, rate: 0.2 },
        { key: 'none', name: 'No topic', answered: 1, opened: 0, rate: 1 },
      ],
      // 12 of 23, not the mean of the rates.
      total: { answered: 12, opened: 11, rate: 12 / 23 },
    });
    expect(deflectionView([])).toEqual({ rows: [], total: { answered: 0, opened: 0, rate: null } });
  });

  describe('the panel', () => {
    let fixture: ComponentFixture<HelpCenterDeflectionComponent>;
    const page = () => fixture.nativeElement as HTMLElement;
    const cells = () =>
      [...page().querySelectorAll('tr')].map((tr) =>
        [...tr.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
      );

    function render(given: Rows): void {
      fixture = TestBed.createComponent(HelpCenterDeflectionComponent);
      fixture.componentRef.setInput('rows', given);
      fixture.componentRef.setInput('period', 'November 8 to December 7');
      fixture.detectChanges();
    }

    afterEach(() => fixture.destroy());

    it('shows each topic, what the help center answered beside the cases opened, and the total', async () => {
      render(rows);
      expect(page().querySelector('h2')!.textContent).toBe('Questions the help center answered');
      expect(page().querySelector('.hint')!.textContent).toContain('November 8 to December 7');
      expect(cells()).toEqual([
        ['Topic', 'Answered by an article', 'Cases opened', 'Answered by the help center'],
        ['Transportation', '9', '3', '75%'],
        ['Enrollment', '2', '8', '20%'],
        ['No topic', '1', '0', '100%'],
        ['All topics', '12', '11', '52%'],
      ]);
      expect(await axeViolations(page())).toEqual([]);
    });

    it('says so when nothing was asked in the period', () => {
      render([{ topic: { id: 't3', name: 'Lunch' }, answered: 0, opened: 0, deflectionRate: null }]);
      expect(page().querySelector('table')).toBeNull();
      expect(page().querySelector('section')!.textContent).toContain(
        'No questions answered and no cases opened',
      );
    });
  });
});
