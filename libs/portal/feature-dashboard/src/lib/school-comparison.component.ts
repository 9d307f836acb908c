import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import {
  formatMinutes,
  formatShare,
  schoolRowsCsv,
  sortSchoolRows,
  type SchoolRow,
  type SchoolSortKey,
  type SortDirection,
} from './dashboard-figures';
import { saveCsv } from './save-file';

const COLUMNS: { key: SchoolSortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'School', numeric: false },
  { key: 'contacts', label: 'Contacts', numeric: true },
  { key: 'medianFirstResponse', label: 'Median first response (business time)', numeric: true },
  { key: 'firstResponseMet', label: 'First responses on time', numeric: true },
  { key: 'resolutionMet', label: 'Resolutions on time', numeric: true },
  { key: 'csatMean', label: 'Satisfaction (1–10)', numeric: true },
];

/** One row per school, side by side; sortable by any column, and exportable as CSV. */
@Component({
  selector: 'hr-school-comparison',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe],
  template: `
    <section class="comparison" aria-labelledby="school-comparison">
      <h2 id="school-comparison">School comparison</h2>
      <div class="table-scroll">
        <table>
          <caption>
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              @for (column of columns; track column.key) {
                <th
                  scope="col"
                  [class.num]="column.numeric"
                  [attr.aria-sort]="sortKey() === column.key ? direction() : null"
                >
                  <button type="button" class="sort" (click)="sortBy(column.key)">
                    {{ column.label
                    }}<span class="arrow" aria-hidden="true">{{
                      sortKey() === column.key ? (direction() === 'ascending' ? '▲' : '▼') : ''
                    }}</span>
                  </button>
                </th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of sorted(); track row.schoolId) {
              <tr>
                <th scope="row">{{ row.name }}</th>
                <td class="num">{{ row.contacts }}</td>
                <td class="num">{{ minutes(row.medianFirstResponse) }}</td>
                <td class="num">{{ share(row.firstResponseMet) }}</td>
                <td class="num">{{ share(row.resolutionMet) }}</td>
                <td class="num">
                  @if (row.withheld) {
                    —<sup aria-hidden="true">*</sup
                    ><span class="visually-hidden"> (withheld: see the notes below the table)</span>
                  } @else {
                    {{ row.csatMean === null ? '—' : (row.csatMean | number: '1.1-1') }}
                  }
                </td>
              </tr>
            } @empty {
              <tr>
                <td [attr.colspan]="columns.length">No schools to compare.</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <div class="notes">
        <p>
          — means there is nothing to measure in the range: no SLA timer ended, or no survey answered. The
          median first response counts business time on each school's calendar, as its SLA does.
        </p>
        @if (anyWithheld()) {
          <p>
            * Satisfaction withheld to protect the people who answered: fewer responses than the district's
            minimum, or withheld alongside the only such small group so it cannot be worked out by
            subtraction.
          </p>
        }
      </div>
      <button type="button" (click)="download()" [disabled]="rows().length === 0">
        Download school comparison CSV
      </button>
    </section>
  `,
})
export class SchoolComparisonComponent {
  readonly rows = input.required<readonly SchoolRow[]>();
  /** The range the figures cover, in words ("November 8 to December 7"), for the caption. */
  readonly period = input.required<string>();
  /** The export's file name. */
  readonly fileName = input('school-comparison.csv');

  protected readonly columns = COLUMNS;
  protected readonly caption = computed(
    () =>
      `Contacts, SLA attainment and satisfaction by school, ${this.period()}. Select a column heading to sort.`,
  );
  protected readonly sortKey = signal<SchoolSortKey>('name');
  protected readonly direction = signal<SortDirection>('ascending');
  protected readonly sorted = computed(() => sortSchoolRows(this.rows(), this.sortKey(), this.direction()));
  protected readonly anyWithheld = computed(() => this.rows().some((row) => row.withheld !== null));

  protected readonly minutes = formatMinutes;
  protected readonly share = formatShare;

  /** The same column again turns the order round; a new one starts A–Z for names, largest first for figures. */
  protected sortBy(key: SchoolSortKey): void {
    if (this.sortKey() === key) {
      this.direction.update((direction) => (direction === 'ascending' ? 'descending' : 'ascending'));
    } else {
      this.sortKey.set(key);
      this.direction.set(key === 'name' ? 'ascending' : 'descending');
    }
  }

  protected download(): void {
    saveCsv(schoolRowsCsv(this.sorted()), this.fileName());
  }
}
