/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { browserFileApis } from '@homeroom/portal/ui/testing';
import { type ChosenSet, RosterSetPickerComponent } from './roster-set-picker.component';

const MANIFEST_12 =
  'propertyName,value\n' +
  'manifest.version,1.0\n' +
  'oneroster.version,1.2\n' +
  'file.orgs,bulk\n' +
  'file.users,bulk\n' +
  'file.roles,delta\n' +
  'file.demographics,absent\n';
const USERS_12 =
  'sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName\nu1,active,,true,ana,Ana,Ruiz\n';
const ORGS = 'sourcedId,status,name,type\no1,active,Lincoln,school\n';
const ROLES = 'sourcedId,userSourcedId\nr1,u1\n';
const USERS_10 =
  '"sourcedId","status","role","orgSourcedIds","username","givenName"\nu1,active,student,o1,ana,Ana\n';

describe('choosing a OneRoster set', () => {
  let fixture: ComponentFixture<RosterSetPickerComponent>;
  let emitted: (ChosenSet | null)[];
  const element = () => fixture.nativeElement as HTMLElement;
  const input = () => element().querySelector<HTMLInputElement>('input[type="file"]')!;
  const rows = () =>
    [...element().querySelectorAll('[data-testid="roster-set-file"]')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()),
    );
  const hints = () =>
    [...element().querySelectorAll('[data-testid="roster-set-hint"]')].map((p) =>
      p.textContent!.replace(/\s+/g, ' ').trim(),
    );
  const problems = () =>
    [...element().querySelectorAll('[role="alert"] li')].map((li) => li.textContent!.trim());
  const last = () => emitted.at(-1);

  /** Chooses the files as the picker would, and waits for them to be checked. */
  async function choose(...files: File[]): Promise<void> {
    const before = emitted.length;
    Object.defineProperty(input(), 'files', { value: files, configurable: true });
    input().dispatchEvent(new Event('change'));
    fixture.detectChanges();
    while (emitted.length < before + 2) await new Promise((resolve) => setTimeout(resolve, 1));
    fixture.detectChanges();
  }

  beforeAll(browserFileApis);

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [RosterSetPickerComponent] });
    fixture = TestBed.createComponent(RosterSetPickerComponent);
    emitted = [];
    fixture.componentInstance.chosenSet.subscribe((set) => emitted.push(set));
    fixture.detectChanges();
  });

  afterEach(() => fixture.destroy());

  it('lists the files the import reads, none chosen yet', () => {
    expect(rows().map((row) => [row[0], row[2], row[3]])).toEqual([
      ['manifest.csv', '—', 'Not chosen'],
      ['orgs.csv', '—', 'Not chosen'],
      ['users.csv', '—', 'Not chosen'],
      ['roles.csv', '—', 'Not chosen'],
      ['enrollments.csv', '—', 'Not chosen'],
      ['demographics.csv', '—', 'Not chosen'],
    ]);
    expect(input().getAttribute('aria-describedby')).toBe('oneroster-files-hint');
  });

  it('reads the manifest, sets aside what the import does not read, and gives a ready set in export order', async () => {
    const files = [
      new File([USERS_12], 'users.csv'),
      new File(['sourcedId\n'], 'classes.csv'),
      new File([ORGS], 'orgs.csv'),
      new File([ROLES], 'roles.csv'),
      new File(['sourcedId\n'], 'demographics.csv'),
      new File([MANIFEST_12], 'manifest.csv'),
    ];
    await choose(...files);
    expect(rows().map((row) => [row[0], row[2], row[3]])).toEqual([
      ['manifest.csv', '—', `manifest.csv, ${MANIFEST_12.length} bytes`],
      ['orgs.csv', 'bulk', 'orgs.csv, 52 bytes'],
      ['users.csv', 'bulk', `users.csv, ${USERS_12.length} bytes`],
      ['roles.csv', 'delta', 'roles.csv, 30 bytes'],
      ['enrollments.csv', 'absent', 'Not chosen'],
      ['demographics.csv', 'absent', 'demographics.csv, 10 bytes'],
    ]);
    expect(hints()).toEqual([
      'Not read by the import, left out: classes.csv.',
      'The manifest marks these absent, so they are not sent: demographics.csv.',
    ]);
    expect(problems()).toEqual([]);
    expect(last()).toEqual({
      files: [
        { field: 'manifest', file: files[5] },
        { field: 'orgs', file: files[2] },
        { field: 'users', file: files[0] },
        { field: 'roles', file: files[3] },
      ],
      bytes: MANIFEST_12.length + ORGS.length + USERS_12.length + ROLES.length,
    });
  });

  it('says what would refuse the set, and gives none', async () => {
    await choose(new File([MANIFEST_12], 'manifest.csv'), new File([USERS_12], 'users.csv'));
    expect(problems()).toEqual([
      'The manifest lists orgs.csv (bulk), but it was not chosen.',
      'The manifest lists roles.csv (delta), but it was not chosen.',
    ]);
    expect(element().querySelector('[role="alert"] p')!.textContent).toBe('The set cannot be imported yet:');
    expect(last()).toBeNull();
    await choose(new File(['sourcedId\n'], 'orgs.csv'));
    expect(problems()).toEqual([
      'Choose manifest.csv, or users.csv for a OneRoster 1.0 set (which has no manifest).',
    ]);
    expect(last()).toBeNull();
  });

  it('reads a set without a manifest as OneRoster 1.0 when users.csv is one', async () => {
    const users = new File([USERS_10], 'users.csv');
    await choose(users);
    expect(hints()).toEqual([
      'There is no manifest.csv: the import reads the set as OneRoster 1.0, every file in bulk (a bulk file deactivates what the SIS no longer lists).',
    ]);
    expect(rows().map((row) => row[2])).toEqual([
      'none: OneRoster 1.0',
      'absent',
      'bulk',
      'absent',
      'absent',
      'absent',
    ]);
    expect(last()).toEqual({ files: [{ field: 'users', file: users }], bytes: USERS_10.length });
    await choose(new File([USERS_12], 'users.csv'));
    expect(problems()).toEqual([
      "Without manifest.csv the set is read as OneRoster 1.0, but users.csv does not have 1.0's role and orgSourcedIds columns: choose the manifest.csv of the export too.",
    ]);
    expect(last()).toBeNull();
  });

  it('refuses a file that is not UTF-8 before anything is sent', async () => {
    await choose(
      new File(
        [
          MANIFEST_12.replace('file.roles,delta', 'file.roles,absent').replace(
            'file.orgs,bulk',
            'file.orgs,absent',
          ),
        ],
        'manifest.csv',
      ),
      // "José" as Windows-1252 writes it.
      new File(['sourcedId,givenName\nu1,Jos', new Uint8Array([0xe9])], 'users.csv'),
    );
    expect(problems()).toEqual([
      'users.csv is not UTF-8 text: export it from the SIS as UTF-8 (or save it as "CSV UTF-8") and choose it again.',
    ]);
    expect(last()).toBeNull();
  });
});
