import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { UntrustedTextComponent } from '@homeroom/portal/ui';
import type { RosterReportFragment } from '../operations.generated';
import { actionInWords, causedByInWords, changeSchoolInWords, count, kindInWords } from './job-words';
import { reasonInWords, rejectedRowsCsv, reportTotals } from './oneroster-files';

/** Refused rows and warnings shown on the page; all the refused rows are in the CSV download. */
const SHOWN_ROWS = 500;
const SHOWN_WARNINGS = 100;

/**
 * A OneRoster report, the preview of a dry run or what an import did: what it changes by action, kind and
 * school; what each file's rows came to; every row refused, set aside or link not made (with the row that
 * caused it), downloadable as CSV for whoever fixes them in the SIS; and the warnings. The words from the
 * SIS (record ids, school names, messages quoting values) are shown as untrusted text.
 */
@Component({
  selector: 'hr-roster-report',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UntrustedTextComponent],
  styles: `
    td.number,
    th.number {
      text-align: right;
    }
  `,
  template: `
    <p>{{ summary() }}</p>

    <h3>{{ report().dryRun ? 'What the set would change' : 'What the import changed' }}</h3>
    @if (changes().length === 0) {
      <p>Nothing: the directory already matches the set.</p>
    } @else {
      <table>
        <caption class="visually-hidden">
          {{
            report().dryRun ? 'What the set would change' : 'What the import changed'
          }}, by action, kind and school
        </caption>
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">Records</th>
            <th scope="col">School</th>
            <th scope="col" class="number">How many</th>
          </tr>
        </thead>
        <tbody>
          @for (change of changes(); track $index) {
            <tr data-testid="roster-change">
              <td>{{ change.action }}</td>
              <td>{{ change.kind }}</td>
              <td><hr-untrusted-text [text]="change.school" /></td>
              <td class="number">{{ change.count }}</td>
            </tr>
          }
        </tbody>
      </table>
    }

    <h3>Files</h3>
    <table>
      <caption class="visually-hidden">
        What each file's rows came to
      </caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Mode</th>
          <th scope="col" class="number">Rows</th>
          <th scope="col" class="number">{{ action('CREATED') }}</th>
          <th scope="col" class="number">{{ action('UPDATED') }}</th>
          <th scope="col" class="number">Unchanged</th>
          <th scope="col" class="number">{{ action('DEACTIVATED') }}</th>
          <th scope="col" class="number">Refused</th>
          <th scope="col" class="number">Skipped</th>
          <th scope="col" class="number">Links refused</th>
        </tr>
      </thead>
      <tbody>
        @for (file of report().files; track file.file) {
          <tr data-testid="roster-file">
            <th scope="row">{{ file.file }}</th>
            <td>{{ file.mode }}</td>
            <td class="number">{{ file.rows }}</td>
            <td class="number">{{ file.created }}</td>
            <td class="number">{{ file.updated }}</td>
            <td class="number">{{ file.unchanged }}</td>
            <td class="number">{{ file.deactivated }}</td>
            <td class="number">{{ file.rejected }}</td>
            <td class="number">{{ file.skipped }}</td>
            <td class="number">{{ file.linksRefused }}</td>
          </tr>
        }
      </tbody>
    </table>
    <p class="hint">
      Refused: rows with a problem of their own. Skipped: rows set aside because the row they depend on was
      refused. Links refused: links of rows taken that could not be made (a guardian who is not there).
    </p>

    <h3>Refused rows</h3>
    @if (report().rejected.length === 0) {
      <p>None: every row {{ report().dryRun ? 'can go' : 'went' }} in.</p>
    } @else {
      <p>
        Fix these rows in the student information system (where a row was set aside because of another, fix
        that one), export the set again and import it; the rows taken are left as they are.
      </p>
      <button type="button" class="secondary" (click)="download()">
        Download the {{ report().rejected.length }} refused rows (CSV)
      </button>
      <table>
        <caption class="visually-hidden">
          Refused rows, by file and line
        </caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" class="number">Line</th>
            <th scope="col">Record (sourcedId)</th>
            <th scope="col">Field</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rejected(); track $index) {
            <tr data-testid="roster-refused">
              <td>{{ row.file }}</td>
              <td class="number">{{ row.line }}</td>
              <td><hr-untrusted-text [text]="row.sourcedId ?? '—'" /></td>
              <td>{{ row.field ?? '—' }}</td>
              <td>
                <div>{{ row.why }}{{ row.cause ? ', ' + row.cause : '' }}</div>
                <div class="hint"><hr-untrusted-text [text]="row.message" /></div>
              </td>
            </tr>
          }
        </tbody>
      </table>
      @if (report().rejected.length > rejected().length) {
        <p class="hint">
          The first {{ rejected().length }} of {{ report().rejected.length }} refused rows; the download has
          them all.
        </p>
      }
    }

    @if (report().warnings.length) {
      <h3>Warnings</h3>
      <p>
        Rows taken with a value left out (a phone number written as text, an address that is not one), and
        notes on the set. Correct them in the student information system; the next import brings them.
      </p>
      <ul>
        @for (warning of warnings(); track $index) {
          <li data-testid="roster-warning">
            {{ warning.file }} line {{ warning.line }} (<hr-untrusted-text
              [text]="warning.sourcedId ?? '—'"
            />), {{ warning.field ?? '—' }}: {{ warning.why }}
            <span class="hint">(<hr-untrusted-text [text]="warning.message" />)</span>
          </li>
        }
      </ul>
      @if (report().warnings.length > warnings().length) {
        <p class="hint">The first {{ warnings().length }} of {{ report().warnings.length }}.</p>
      }
    }
  `,
})
export class RosterReportComponent {
  readonly report = input.required<RosterReportFragment>();
  private readonly document = inject(DOCUMENT);

  protected readonly summary = computed(() => {
    const report = this.report();
    const totals = reportTotals(report.files);
    const [created, updated, deactivated] = report.dryRun
      ? ['to create', 'to update', 'to deactivate']
      : ['created', 'updated', 'deactivated'];
    return (
      `OneRoster ${report.oneRosterVersion} set, ${report.dryRun ? 'checked' : 'imported'} in ` +
      `${report.seconds.toFixed(1)} seconds: ${count(totals.rows)} rows; ${count(totals.created)} ${created}, ` +
      `${count(totals.updated)} ${updated}, ${count(totals.unchanged)} unchanged, ` +
      `${count(totals.deactivated)} ${deactivated}; ${count(totals.rejected)} refused, ` +
      `${count(totals.skipped)} skipped, ${count(totals.linksRefused)} links refused.`
    );
  });
  protected readonly changes = computed(() => {
    const dryRun = this.report().dryRun;
    return this.report().changes.map((change) => ({
      action: actionInWords(change.action, dryRun),
      kind: kindInWords(change.kind),
      school: changeSchoolInWords(change),
      count: count(change.count),
    }));
  });
  protected readonly rejected = computed(() =>
    this.report()
      .rejected.slice(0, SHOWN_ROWS)
      .map((row) => ({ ...row, why: reasonInWords(row.reason), cause: causedByInWords(row.causedBy) })),
  );
  protected readonly warnings = computed(() =>
    this.report()
      .warnings.slice(0, SHOWN_WARNINGS)
      .map((row) => ({ ...row, why: reasonInWords(row.reason) })),
  );

  protected action(action: string): string {
    return actionInWords(action, this.report().dryRun);
  }

  protected download(): void {
    const csv = rejectedRowsCsv(this.report().rejected);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = this.report().dryRun
      ? 'oneroster-refused-rows-preview.csv'
      : 'oneroster-refused-rows.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
