import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { formatWhen } from '../formats';
import type { RosterJobStateFragment } from '../operations.generated';
import { sourceInWords, statusInWords } from './job-words';

/**
 * The latest imports and syncs, newest first: when each started, where its set came from (an upload or the
 * SIS), its status in words, and a button that opens it on the page (its progress, preview or report).
 */
@Component({
  selector: 'hr-roster-jobs-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table>
      <caption class="visually-hidden">
        Recent imports and syncs, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Source</th>
          <th scope="col">Status</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.id) {
          <tr data-testid="roster-job" [attr.aria-current]="row.id === openId() ? 'true' : null">
            <td>{{ row.started }}</td>
            <td>{{ row.source }}</td>
            <td>{{ row.status }}</td>
            <td>
              @if (row.id === openId()) {
                <span class="hint">Shown above</span>
              } @else {
                <button
                  type="button"
                  class="secondary"
                  [disabled]="busy()"
                  [attr.aria-label]="'Open the ' + row.name + ' started ' + row.started"
                  (click)="open.emit(row.id)"
                >
                  Open
                </button>
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class RosterJobsTableComponent {
  readonly jobs = input.required<readonly RosterJobStateFragment[]>();
  /** The job the page shows, marked in the list. */
  readonly openId = input<string | null>(null);
  /** True while the page is busy; Open waits for it. */
  readonly busy = input(false);
  /** The id of the job to open. */
  readonly open = output<string>();

  protected readonly rows = computed(() =>
    this.jobs().map((job) => ({
      id: job.id,
      started: formatWhen(job.createdAt),
      source: sourceInWords(job.source),
      status: statusInWords(job.status, job.step),
      name: job.source === 'SIS_API' ? 'SIS sync' : 'upload',
    })),
  );
}
