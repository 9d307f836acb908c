import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import type { RosterReportFragment } from '../operations.generated';
import { alarmsInWords } from './job-words';

let nextId = 0;

/**
 * The decision on a preview: Apply or Cancel. When the set deactivates more than the safeguard allows (a
 * SIS export that stopped halfway looks like that), it says so with the figures, and Apply waits until the
 * administrator ticks the box that confirms the deactivations; Apply then carries that confirmation.
 */
@Component({
  selector: 'hr-roster-confirm',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: grid;
      gap: 0.5rem;
      max-width: 48rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
  `,
  template: `
    @if (alarm(); as alarm) {
      <div role="alert" class="error">
        <p [id]="alarmId">
          <strong>{{ alarm }}</strong>
          A SIS export that stopped halfway looks like this. Check the figures below before applying: the
          people and schools deactivated are no longer offered for new cases.
        </p>
      </div>
      <label>
        <input
          type="checkbox"
          [attr.aria-describedby]="alarmId"
          [checked]="confirmed()"
          [disabled]="busy()"
          (change)="confirmed.set($any($event.target).checked)"
        />
        I have checked the set: deactivate them
      </label>
    }
    <p class="hint">
      Nothing has changed yet. Apply the set to make these changes, or cancel it: its files are then deleted.
    </p>
    <div class="actions">
      <button
        type="button"
        [disabled]="busy() || (alarm() !== null && !confirmed())"
        (click)="apply.emit(alarm() !== null && confirmed())"
      >
        Apply
      </button>
      <button type="button" class="secondary" [disabled]="busy()" (click)="cancel.emit()">Cancel</button>
    </div>
    @if (alarm() !== null && !confirmed()) {
      <p class="hint">Tick the box above to apply this set.</p>
    }
  `,
})
export class RosterConfirmComponent {
  /** The dry run's report: its safeguard figures decide whether Apply needs the box ticked. */
  readonly report = input.required<Pick<RosterReportFragment, 'massDeactivation'>>();
  /** True while a change runs; the buttons wait for it. */
  readonly busy = input(false);
  /** Apply, with true when the deactivations were confirmed (allowMassDeactivation). */
  readonly apply = output<boolean>();
  readonly cancel = output<void>();

  protected readonly alarmId = `roster-alarm-${nextId++}`;
  protected readonly alarm = computed(() => {
    const alarms = this.report().massDeactivation;
    return alarms.length ? alarmsInWords(alarms) : null;
  });
  /** Ticked for this preview only: another preview starts unticked. */
  protected readonly confirmed = linkedSignal({ source: this.report, computation: () => false });
}
