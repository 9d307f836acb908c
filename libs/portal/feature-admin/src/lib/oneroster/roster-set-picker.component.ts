import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { formatBytes } from '../formats';
import { isUtf8, readBytes, setSizeProblem } from './file-parts';
import {
  checkSet,
  decodeUtf8,
  inferManifest,
  type Manifest,
  matchFiles,
  ONEROSTER_FILES,
  type OneRosterField,
  readManifest,
} from './oneroster-files';

/** A set ready to send: the files the import reads, in the order of a SIS export, and their size. */
export interface ChosenSet {
  files: { field: OneRosterField; file: File }[];
  bytes: number;
}

/** Enough of users.csv to hold its header line. */
const USERS_HEAD_BYTES = 4096;

const notUtf8 = (name: string) =>
  `${name} is not UTF-8 text: export it from the SIS as UTF-8 (or save it as "CSV UTF-8") and choose it again.`;

/**
 * Choosing a OneRoster CSV set: the files are recognised by their names, checked against the manifest (or,
 * without one, read as a OneRoster 1.0 set) and checked to be UTF-8, as the import will; what would refuse
 * the set is said before anything is sent. Emits the set once it is ready to send, and null otherwise.
 */
@Component({
  selector: 'hr-roster-set-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormFeedbackComponent],
  styles: `
    .picker {
      display: grid;
      gap: 0.3rem;
      max-width: 40rem;
    }
  `,
  template: `
    <div class="picker">
      <label for="oneroster-files">CSV files of the set (choose several at once)</label>
      <input
        #picker
        id="oneroster-files"
        type="file"
        multiple
        accept=".csv,text/csv"
        aria-describedby="oneroster-files-hint"
        [disabled]="disabled()"
        (change)="choose(picker.files)"
      />
      <p id="oneroster-files-hint" class="hint">
        Files are recognised by their names. manifest.csv says which files the set holds; a OneRoster 1.0
        export has none, and then users.csv is required. At most 1 GB in all.
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
          <tr data-testid="roster-set-file">
            <th scope="row">{{ row.fileName }}</th>
            <td>{{ row.brings }}</td>
            <td>{{ row.mode }}</td>
            <td>{{ row.chosen }}</td>
          </tr>
        }
      </tbody>
    </table>
    @if (inferred()) {
      <p class="hint" data-testid="roster-set-hint">
        There is no manifest.csv: the import reads the set as OneRoster 1.0, every file in bulk (a bulk file
        deactivates what the SIS no longer lists).
      </p>
    }
    @if (ignored().length) {
      <p class="hint" data-testid="roster-set-hint">
        Not read by the import, left out: {{ ignored().join(', ') }}.
      </p>
    }
    @if (skipped().length) {
      <p class="hint" data-testid="roster-set-hint">
        The manifest marks these absent, so they are not sent: {{ skipped().join(', ') }}.
      </p>
    }
    @if (checking()) {
      <p role="status">Checking the files…</p>
    }
    <hr-form-feedback [problems]="problems()" lead="The set cannot be imported yet:" />
  `,
})
export class RosterSetPickerComponent {
  /** True while a set is being sent: the choice waits. */
  readonly disabled = input(false);
  /** The set once it is ready to send; null while it is not (or is being checked). */
  readonly chosenSet = output<ChosenSet | null>();

  private readonly chosen = signal<File[]>([]);
  private readonly manifest = signal<Manifest | { problem: string } | null>(null);
  /** Problems found reading the files: their encoding, a file that could not be read. */
  private readonly readProblems = signal<string[]>([]);
  protected readonly checking = signal(false);
  /** Counts the choices, so that a slow check of an earlier one does not overwrite a later one. */
  private choices = 0;

  private readonly matched = computed(() => matchFiles(this.chosen()));
  protected readonly ignored = computed(() => this.matched().ignored.map((file) => file.name));
  private readonly validManifest = computed(() => {
    const manifest = this.manifest();
    return manifest && !('problem' in manifest) ? manifest : null;
  });
  protected readonly inferred = computed(() => this.validManifest()?.inferred ?? false);
  private readonly setCheck = computed(() => {
    const manifest = this.validManifest();
    if (!manifest) return { problems: [], skipped: [] };
    return checkSet(new Set(Object.keys(this.matched().files) as OneRosterField[]), manifest);
  });
  protected readonly skipped = computed(() => this.setCheck().skipped);
  /** The files to send: those chosen that the import reads, less those the manifest marks absent. */
  private readonly toSend = computed(() => {
    const files = this.matched().files;
    const modes = this.validManifest()?.modes;
    return ONEROSTER_FILES.flatMap(({ field }) => {
      const file = files[field];
      if (!file || (field !== 'manifest' && modes?.[field] === 'absent')) return [];
      return [{ field, file }];
    });
  });
  private readonly bytes = computed(() => this.toSend().reduce((sum, { file }) => sum + file.size, 0));
  protected readonly problems = computed(() => {
    if (!this.chosen().length) return [];
    const { files, problems } = this.matched();
    const manifest = this.manifest();
    const size = setSizeProblem(this.bytes());
    return [
      ...problems,
      ...(files.manifest || files.users
        ? []
        : ['Choose manifest.csv, or users.csv for a OneRoster 1.0 set (which has no manifest).']),
      ...(manifest && 'problem' in manifest ? [manifest.problem] : []),
      ...this.setCheck().problems,
      ...(size ? [size] : []),
      ...this.readProblems(),
    ];
  });
  private readonly ready = computed(
    () => !this.checking() && !!this.validManifest() && this.problems().length === 0,
  );
  protected readonly fileRows = computed(() => {
    const files = this.matched().files;
    const manifest = this.validManifest();
    return ONEROSTER_FILES.map((file) => {
      const chosen = files[file.field];
      return {
        ...file,
        mode:
          file.field === 'manifest'
            ? manifest?.inferred
              ? 'none: OneRoster 1.0'
              : '—'
            : (manifest?.modes[file.field] ?? '—'),
        chosen: chosen ? `${chosen.name}, ${formatBytes(chosen.size)}` : 'Not chosen',
      };
    });
  });

  protected async choose(list: FileList | null): Promise<void> {
    const choice = ++this.choices;
    const files = Array.from(list ?? []);
    this.chosen.set(files);
    this.manifest.set(null);
    this.readProblems.set([]);
    this.chosenSet.emit(null);
    if (!files.length) return;
    this.checking.set(true);
    const problems: string[] = [];
    try {
      const manifest = await this.readManifestOf();
      if (choice !== this.choices) return;
      this.manifest.set(manifest);
      // The server refuses a file that is not UTF-8 (INVALID_ENCODING), but only once it has it all; reading
      // the files here, a slice at a time, takes seconds where uploading them takes minutes.
      if (manifest && !('problem' in manifest))
        for (const { file } of this.toSend()) {
          const utf8 = await this.readable(file, () => isUtf8(file), problems);
          if (choice !== this.choices) return;
          if (utf8 === false) problems.push(notUtf8(file.name));
        }
    } finally {
      if (choice === this.choices) {
        this.readProblems.set(problems);
        this.checking.set(false);
        this.chosenSet.emit(this.ready() ? { files: this.toSend(), bytes: this.bytes() } : null);
      }
    }
  }

  /** manifest.csv as the import reads it; without one, the set read as OneRoster 1.0 from users.csv. */
  private async readManifestOf(): Promise<Manifest | { problem: string } | null> {
    const { manifest, users } = this.matched().files;
    const chosen = new Set(Object.keys(this.matched().files) as OneRosterField[]);
    if (manifest) {
      const text = await this.readable(manifest, async () => decodeUtf8(await readBytes(manifest)));
      if (text === undefined) return { problem: couldNotRead(manifest.name) };
      return text === null ? { problem: notUtf8(manifest.name) } : readManifest(text);
    }
    if (!users) return null;
    // The header line only; a character cut at the end of the slice is replaced, not refused.
    const head = await this.readable(users, async () =>
      new TextDecoder().decode(await readBytes(users.slice(0, USERS_HEAD_BYTES))),
    );
    return head === undefined ? { problem: couldNotRead(users.name) } : inferManifest(chosen, head);
  }

  /** What `read` gives, or undefined (with the problem said) when the file cannot be read any more. */
  private async readable<T>(file: File, read: () => Promise<T>, problems?: string[]): Promise<T | undefined> {
    try {
      return await read();
    } catch {
      problems?.push(couldNotRead(file.name));
      return undefined;
    }
  }
}

function couldNotRead(name: string): string {
  return `${name} could not be read: it may have been moved or changed since it was chosen. Choose it again.`;
}
