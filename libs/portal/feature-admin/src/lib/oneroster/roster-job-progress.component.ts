import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { RosterJobStateFragment } from '../operations.generated';
import { progressBar, progressLine } from './job-words';

let nextId = 0;

/**
 * How far a queued or running job is: a `<progress>` bar (its value and max are what assistive technology
 * reads as the progress bar's value; without a total yet the bar says only that work goes on) and, beside
 * it, the phase and the count in words as a status, read out as it changes.
 */
@Component({
  selector: 'hr-roster-job-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: grid;
      gap: 0.3rem;
      max-width: 40rem;
    }
    progress {
      width: 100%;
    }
  `,
  template: `
    <label [for]="id">{{ label() }}</label>
    <progress
      [id]="id"
      [attr.value]="bar().value"
      [attr.max]="bar().max"
      [attr.aria-describedby]="id + '-line'"
    ></progress>
    <p [id]="id + '-line'" role="status">{{ line() }}</p>
  `,
})
export class RosterJobProgressComponent {
  readonly job = input.required<Pick<RosterJobStateFragment, 'status' | 'step' | 'source' | 'progress'>>();

  protected readonly id = `roster-job-progress-${nextId++}`;
  protected readonly label = computed(() => {
    const job = this.job();
    const what = job.step === 'DRY_RUN' ? 'check' : 'import';
    return `Progress of the ${job.source === 'SIS_API' ? 'SIS ' : ''}${what}`;
  });
  protected readonly bar = computed(() => progressBar(this.job()));
  protected readonly line = computed(() => progressLine(this.job()));
}
