import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { runMutation } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { formatBytes } from '../formats';
import { ImportOneRosterDocument, type ImportOneRosterMutation } from '../operations.generated';
import {
  checkSet,
  decodeUtf8,
  type Manifest,
  matchFiles,
  MAX_REQUEST_BYTES,
  ONEROSTER_FILES,
  type OneRosterField,
  readManifest,
  reasonInWords,
  rejectedRowsCsv,
  reportTotals,
  requestBytes,
  sizeProblem,
} from './oneroster-files';

type Report = ImportOneRosterMutation['importOneRoster'];

/** Refused rows shown on the page; all of them are in the CSV download. */
const SHOWN_ROWS = 500;

/**
 * The OneRoster import: a district administrator chooses the CSV files a student information system
 * exported (manifest.csv with orgs, users, roles, enrollments, demographics), the portal checks them
 * against the manifest and the size the API takes, sends them, and shows the report: what each file
 * created, updated, left unchanged or deactivated, and every refused row with its file, line and reason,
 * to fix in the SIS before importing again.
 */
@Component({
  selector: 'hr-oneroster-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormFeedbackComponent],
  styles: `
    .picker {
      display: grid;
      gap: 0.3rem;
      max-width: 40rem;
    }
    td.number,
    th.number {
      text-align: right;
    }
  `,
  template: `
    <h1>OneRoster import</h1>
    <p>
      Bring schools, students, guardians and staff in from the student information system: export a OneRoster
      1.1 or 1.2 CSV set from it and choose its files here. Records are matched by their sourcedId, so
      importing the same files again changes nothing; good rows go in even when others are refused.
    </p>

    <h2>Choose the files</h2>
    <div class="picker">
      <label for="oneroster-files">CSV files of the set (choose several at once)</label>
      <input
        #picker
        id="oneroster-files"
        type="file"
        multiple
        accept=".csv,text/csv"
        aria-describedby="oneroster-files-hint"
        (change)="choose(picker.files)"
      />
      <p id="oneroster-files-hint" class="hint">
        manifest.csv is required, with orgs.csv or users.csv; files are recognised by their names. At most
        {{ limit }} in all.
      </p>
    </div>

    <table>
      <caption class="visually-hidden">
        The files the import reads, and those chosen
      </caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Brings in</th>
          <th scope="col">Manifest says</th>
          <th scope="col">Chosen</th>
        </tr>
      </thead>
      <tbody>
        @for (row of fileRows(); track row.field) {
          <tr>
            <td>{{ row.fileName }}</td>
            <td>{{ row.brings }}</td>
            <td>{{ row.mode }}</td>
            <td>{{ row.chosen }}</td>
          </tr>
        }
      </tbody>
    </table>
    @if (ignored().length) {
      <p class="hint">Not read by the import, left out: {{ ignored().join(', ') }}.</p>
    }
    @if (skipped().length) {
      <p class="hint">
        The manifest marks these absent, so the import skips them: {{ skipped().join(', ') }}.
      </p>
    }
    <hr-form-feedback [problems]="problems()" lead="The set cannot be imported yet:" />
    <p class="hint">
      A large district takes a while. If the portal says it is taking too long, the import may still finish:
      import the same files again to see the report, since nothing is imported twice.
    </p>
    <p>
      <label>
        <input
          type="checkbox"
          [checked]="allowMassDeactivation()"
          (change)="allowMassDeactivation.set($any($event.target).checked)"
        />
        These files deactivate many people or schools on purpose
      </label>
      <span class="hint">
        Without this, a set that would deactivate more than a tenth of the SIS's active people or schools is
        stopped with the figures, and nothing changes (a half-finished export looks like that).
      </span>
    </p>
    <button type="button" [disabled]="!ready() || busy()" (click)="send()">
      {{ busy() ? 'Importing…' : 'Import' }}
    </button>
    @if (busy()) {
      <p role="status">Importing {{ chosenSize() }}; keep this page open.</p>
    }
    <hr-form-feedback [error]="error()" />

    @if (report(); as report) {
      <h2>Import report</h2>
      <p role="status">{{ summary() }}</p>
      <table>
        <caption class="visually-hidden">
          What each file brought in
        </caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Mode</th>
            <th scope="col" class="number">Rows</th>
            <th scope="col" class="number">Created</th>
            <th scope="col" class="number">Updated</th>
            <th scope="col" class="number">Unchanged</th>
            <th scope="col" class="number">Deactivated</th>
            <th scope="col" class="number">Refused</th>
          </tr>
        </thead>
        <tbody>
          @for (file of report.files; track file.file) {
            <tr>
              <td>{{ file.file }}</td>
              <td>{{ file.mode }}</td>
              <td class="number">{{ file.rows }}</td>
              <td class="number">{{ file.created }}</td>
              <td class="number">{{ file.updated }}</td>
              <td class="number">{{ file.unchanged }}</td>
              <td class="number">{{ file.deactivated }}</td>
              <td class="number">{{ file.rejected }}</td>
            </tr>
          }
        </tbody>
      </table>

      <h3>Refused rows</h3>
      @if (report.rejected.length === 0) {
        <p>None: every row went in.</p>
      } @else {
        <p>
          Fix these rows in the student information system, export the set again and import it; the rows that
          went in this time will be left as they are.
        </p>
        <button type="button" class="secondary" (click)="downloadRejected(report.rejected)">
          Download the {{ report.rejected.length }} refused rows (CSV)
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
            @for (row of shownRejected(); track $index) {
              <tr>
                <td>{{ row.file }}</td>
                <td class="number">{{ row.line }}</td>
                <td>{{ row.sourcedId ?? '—' }}</td>
                <td>{{ row.field ?? '—' }}</td>
                <td>
                  {{ row.why }}
                  <span class="hint">({{ row.message }})</span>
                </td>
              </tr>
            }
          </tbody>
        </table>
        @if (report.rejected.length > shownRejected().length) {
          <p class="hint">
            The first {{ shownRejected().length }} of {{ report.rejected.length }} refused rows; the download
            has them all.
          </p>
        }
      }
      @if (report.warnings.length) {
        <h3>Values left out</h3>
        <p>
          These people went in without a value that could not be used (a phone number written as text, an
          address that is not one). Correct it in the student information system; the next import brings it.
        </p>
        <ul>
          @for (warning of report.warnings.slice(0, 100); track $index) {
            <li>
              {{ warning.file }} line {{ warning.line }} ({{ warning.sourcedId ?? '—' }}),
              {{ warning.field ?? '—' }}:
              {{ warning.message }}
            </li>
          }
        </ul>
        @if (report.warnings.length > 100) {
          <p class="hint">The first 100 of {{ report.warnings.length }}.</p>
        }
      }
    }
  `,
})
export class OneRosterPageComponent {
  private readonly apollo = inject(Apollo);
  private readonly document = inject(DOCUMENT);
  protected readonly limit = formatBytes(MAX_REQUEST_BYTES);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly chosen = signal<File[]>([]);
  private readonly manifest = signal<Manifest | { problem: string } | null>(null);
  /** Problems found while reading the files to send (encoding, size as sent). */
  private readonly readProblems = signal<string[]>([]);
  protected readonly report = signal<Report | null>(null);
  protected readonly allowMassDeactivation = signal(false);

  private readonly matched = computed(() => matchFiles(this.chosen()));
  protected readonly ignored = computed(() => this.matched().ignored.map((file) => file.name));
  private readonly rawSize = computed(() => this.chosen().reduce((sum, file) => sum + file.size, 0));
  protected readonly chosenSize = computed(() => formatBytes(this.rawSize()));
  private readonly setCheck = computed(() => {
    const manifest = this.manifest();
    if (!manifest || 'problem' in manifest) return { problems: [], skipped: [] };
    return checkSet(new Set(Object.keys(this.matched().files) as OneRosterField[]), manifest);
  });
  protected readonly skipped = computed(() => this.setCheck().skipped);
  protected readonly problems = computed(() => {
    if (!this.chosen().length) return [];
    const manifest = this.manifest();
    const size = sizeProblem(this.rawSize());
    return [
      ...this.matched().problems,
      ...(this.matched().files.manifest ? [] : ['Choose manifest.csv: it says which files the set holds.']),
      ...(manifest && 'problem' in manifest ? [manifest.problem] : []),
      ...this.setCheck().problems,
      ...(size ? [size] : []),
      ...this.readProblems(),
    ];
  });
  protected readonly ready = computed(
    () => !!this.matched().files.manifest && !!this.manifest() && this.problems().length === 0,
  );
  protected readonly fileRows = computed(() => {
    const files = this.matched().files;
    const manifest = this.manifest();
    const modes = manifest && !('problem' in manifest) ? manifest.modes : null;
    return ONEROSTER_FILES.map((file) => {
      const chosen = files[file.field];
      return {
        ...file,
        mode: file.field === 'manifest' ? '—' : modes ? modes[file.field] : '—',
        chosen: chosen
          ? `${chosen.name}, ${formatBytes(chosen.size)}`
          : file.field === 'manifest'
            ? 'Not chosen (required)'
            : 'Not chosen',
      };
    });
  });
  protected readonly summary = computed(() => {
    const report = this.report();
    if (!report) return '';
    const totals = reportTotals(report.files);
    return (
      `OneRoster ${report.oneRosterVersion} set imported in ${report.seconds.toFixed(1)} seconds: ` +
      `${totals.rows} rows; ${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged, ` +
      `${totals.deactivated} deactivated, ${totals.rejected} refused.`
    );
  });
  protected readonly shownRejected = computed(() =>
    (this.report()?.rejected ?? [])
      .slice(0, SHOWN_ROWS)
      .map((row) => ({ ...row, why: reasonInWords(row.reason) })),
  );

  protected async choose(list: FileList | null): Promise<void> {
    const files = Array.from(list ?? []);
    this.chosen.set(files);
    this.readProblems.set([]);
    this.error.set(null);
    this.manifest.set(null);
    const manifestFile = matchFiles(files).files.manifest;
    if (!manifestFile) return;
    const text = decodeUtf8(new Uint8Array(await manifestFile.arrayBuffer()));
    // Another choice may have been made while this one was read.
    if (this.matched().files.manifest !== manifestFile) return;
    this.manifest.set(text === null ? { problem: this.notUtf8(manifestFile.name) } : readManifest(text));
  }

  protected async send(): Promise<void> {
    if (!this.ready()) return;
    this.report.set(null);
    const texts: Partial<Record<OneRosterField, string>> = {};
    const problems: string[] = [];
    for (const [field, file] of Object.entries(this.matched().files) as [OneRosterField, File][]) {
      const text = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
      if (text === null) problems.push(this.notUtf8(file.name));
      else texts[field] = text;
    }
    const size = problems.length ? null : sizeProblem(requestBytes(texts));
    if (size) problems.push(size);
    this.readProblems.set(problems);
    if (problems.length || texts.manifest === undefined) return;
    const result = await runMutation(
      this.apollo,
      ImportOneRosterDocument,
      { files: { ...texts, manifest: texts.manifest }, allowMassDeactivation: this.allowMassDeactivation() },
      { busy: this.busy, error: this.error },
      [],
    );
    if (result) this.report.set(result.importOneRoster);
  }

  protected downloadRejected(rows: Report['rejected']): void {
    const url = URL.createObjectURL(new Blob([rejectedRowsCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = 'oneroster-refused-rows.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private notUtf8(name: string): string {
    return `${name} is not UTF-8 text: export it from the SIS as UTF-8 (or save it as "CSV UTF-8") and choose it again.`;
  }
}
