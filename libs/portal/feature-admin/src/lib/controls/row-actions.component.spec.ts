/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations } from '@homeroom/portal/ui/testing';
import { type RowAction, RowActionsComponent } from './row-actions.component';

type SchoolAction = 'edit' | 'deactivate' | 'keep';

/** A list with one school's row of actions. */
@Component({
  imports: [RowActionsComponent],
  template: `
    <table>
      <tbody>
        <tr>
          <td>Lincoln Elementary</td>
          <td>
            <hr-row-actions
              label="Actions for Lincoln Elementary"
              [actions]="actions()"
              [busy]="busy()"
              (chosen)="chosen.push($event)"
            />
          </td>
        </tr>
      </tbody>
    </table>
  `,
})
class SchoolListComponent {
  readonly busy = signal(false);
  readonly actions = signal<RowAction<SchoolAction>[]>([
    { id: 'edit', label: 'Edit', name: 'Edit Lincoln Elementary', waitsForChanges: false },
    { id: 'deactivate', label: 'Deactivate', name: 'Deactivate Lincoln Elementary' },
    { id: 'keep', label: 'Keep', name: 'Keep Lincoln Elementary', pressed: true },
  ]);
  readonly chosen: SchoolAction[] = [];
}

describe('hr-row-actions', () => {
  let fixture: ComponentFixture<SchoolListComponent>;
  const page = () => fixture.nativeElement as HTMLElement;
  const buttons = () => [...page().querySelectorAll('button')];
  const button = (name: string) => buttons().find((b) => b.getAttribute('aria-label') === name)!;

  beforeEach(() => {
    fixture = TestBed.createComponent(SchoolListComponent);
    fixture.detectChanges();
  });

  it('shows each action as a button named for its row, in a group named for the row', () => {
    expect(buttons().map((b) => [b.textContent!.trim(), b.getAttribute('aria-label')])).toEqual([
      ['Edit', 'Edit Lincoln Elementary'],
      ['Deactivate', 'Deactivate Lincoln Elementary'],
      ['Keep', 'Keep Lincoln Elementary'],
    ]);
    const group = page().querySelector('hr-row-actions')!;
    expect(group.getAttribute('role')).toBe('group');
    expect(group.getAttribute('aria-label')).toBe('Actions for Lincoln Elementary');
  });

  it('tells the page which action was chosen', () => {
    button('Deactivate Lincoln Elementary').click();
    button('Edit Lincoln Elementary').click();
    expect(fixture.componentInstance.chosen).toEqual(['deactivate', 'edit']);
  });

  it('says whether a lasting choice is pressed, and says nothing for plain actions', () => {
    expect(button('Keep Lincoln Elementary').getAttribute('aria-pressed')).toBe('true');
    expect(button('Edit Lincoln Elementary').hasAttribute('aria-pressed')).toBe(false);
  });

  it('holds back the actions that change something while a change runs', () => {
    fixture.componentInstance.busy.set(true);
    fixture.detectChanges();
    expect(buttons().map((b) => b.disabled)).toEqual([false, true, true]);
  });

  it('has no accessibility violations', async () => {
    expect(await axeViolations(page())).toEqual([]);
  });
});
