/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { RosterReportFragment } from '../operations.generated';
import { RosterReportComponent } from './roster-report.component';

type Row = RosterReportFragment['rejected'][number];

const file = (name: string, counts: Partial<RosterReportFragment['files'][number]>) => ({
  file: name,
  mode: 'bulk',
  rows: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  deactivated: 0,
  rejected: 0,
  skipped: 0,
  linksRefused: 0,
  ...counts,
});

const refused = (row: Partial<Row>): Row => ({
  file: 'users.csv',
  line: 7,
  sourcedId: 'u7',
  field: 'givenName',
  reason: 'MISSING_VALUE',
  message: 'givenName is empty',
  causedBy: null,
  ...row,
});

const preview = (overrides: Partial<RosterReportFragment> = {}): RosterReportFragment => ({
  oneRosterVersion: '1.2',
  dryRun: true,
  seconds: 3.24,
  changes: [
    { action: 'CREATED', kind: 'SCHOOL', schoolId: 's1', schoolName: 'Lincoln Elementary', count: 1 },
    { action: 'CREATED', kind: 'STUDENT', schoolId: 's1', schoolName: 'Lincoln Elementary', count: 1200 },
    { action: 'DEACTIVATED', kind: 'GUARDIAN', schoolId: null, schoolName: null, count: 3 },
  ],
  massDeactivation: [],
  files: [
    file('orgs.csv', { rows: 1, created: 1 }),
    file('users.csv', {
      rows: 1210,
      created: 1200,
      unchanged: 5,
      deactivated: 3,
      rejected: 1,
      linksRefused: 1,
    }),
    file('roles.csv', { rows: 4, created: 3, skipped: 1 }),
  ],
  rejected: [
    refused({}),
    refused({
      file: 'roles.csv',
      line: 4,
      sourcedId: 'r4',
      field: 'userSourcedId',
      reason: 'REFUSED_USER',
      message: 'set aside: its user u7 was refused',
      causedBy: 'users.csv line 7',
    }),
  ],
  warnings: [
    refused({
      line: 9,
      sourcedId: 'u9',
      field: 'role',
      reason: 'EXTENSION_ROLE',
      message: '"ext:coach" is an extension role',
    }),
  ],
  ...overrides,
});

describe('a OneRoster report', () => {
  let fixture: ComponentFixture<RosterReportComponent>;
  const element = () => fixture.nativeElement as HTMLElement;
  const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
  /** Each row's cells, a cell's parts (why a row was refused, and the server's message) told apart. */
  const cells = (testId: string) =>
    [...element().querySelectorAll(`[data-testid="${testId}"]`)].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) =>
        cell.querySelector('div') ? [...cell.children].map(text).join(' | ') : text(cell),
      ),
    );
  const headers = (table: Element) =>
    [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());

  function render(report: RosterReportFragment): void {
    fixture.componentRef.setInput('report', report);
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [RosterReportComponent] });
    fixture = TestBed.createComponent(RosterReportComponent);
  });

  afterEach(() => fixture.destroy());

  it('sums up a preview and what it would change, by action, kind and school', () => {
    render(preview());
    expect(element().querySelector('p')!.textContent).toBe(
      'OneRoster 1.2 set, checked in 3.2 seconds: 1,215 rows; 1,204 to create, 0 to update, 5 unchanged, ' +
        '3 to deactivate; 1 refused, 1 skipped, 1 links refused.',
    );
    expect(element().querySelector('h3')!.textContent).toBe('What the set would change');
    expect(cells('roster-change')).toEqual([
      ['Create', 'Schools', 'Lincoln Elementary', '1'],
      ['Create', 'Students', 'Lincoln Elementary', '1,200'],
      ['Deactivate', 'Guardians', 'No school', '3'],
    ]);
    const [changes] = element().querySelectorAll('table');
    expect(changes!.querySelector('caption')!.textContent!.trim()).toBe(
      'What the set would change, by action, kind and school',
    );
  });

  it('counts each file, with the rows skipped and the links refused', () => {
    render(preview());
    const files = element().querySelectorAll('table')[1]!;
    expect(headers(files)).toEqual([
      'File',
      'Mode',
      'Rows',
      'Create',
      'Update',
      'Unchanged',
      'Deactivate',
      'Refused',
      'Skipped',
      'Links refused',
    ]);
    expect(cells('roster-file')).toEqual([
      ['orgs.csv', 'bulk', '1', '1', '0', '0', '0', '0', '0', '0'],
      ['users.csv', 'bulk', '1210', '1200', '0', '5', '3', '1', '0', '1'],
      ['roles.csv', 'bulk', '4', '3', '0', '0', '0', '0', '1', '0'],
    ]);
  });

  it('lists refused rows with why in words and the row that caused a row to be set aside', () => {
    render(preview());
    expect(cells('roster-refused')).toEqual([
      ['users.csv', '7', 'u7', 'givenName', 'a required value is empty | givenName is empty'],
      [
        'roles.csv',
        '4',
        'r4',
        'userSourcedId',
        'the person (user) it depends on was refused, because of users.csv line 7 | set aside: its user u7 was refused',
      ],
    ]);
    expect([...element().querySelectorAll('[data-testid="roster-warning"]')].map(text)).toEqual([
      'users.csv line 9 (u9), role: the role is one the SIS added to OneRoster (an extension): it gives no school membership ("ext:coach" is an extension role)',
    ]);
  });

  it('downloads every refused row as CSV', async () => {
    const created: Blob[] = [];
    const clicked: HTMLAnchorElement[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => (created.push(blob), 'blob:refused'),
      revokeObjectURL: () => undefined,
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    render(preview());
    const button = element().querySelector('button')!;
    expect(button.textContent!.trim()).toBe('Download the 2 refused rows (CSV)');
    button.click();
    expect(clicked.map((link) => [link.href, link.download])).toEqual([
      ['blob:refused', 'oneroster-refused-rows-preview.csv'],
    ]);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(created[0]!);
    });
    expect(text).toBe(
      'file,line,sourcedId,field,reason,message,causedBy\r\n' +
        'users.csv,7,u7,givenName,MISSING_VALUE,givenName is empty,\r\n' +
        'roles.csv,4,r4,userSourcedId,REFUSED_USER,set aside: its user u7 was refused,users.csv line 7\r\n',
    );
    click.mockRestore();
  });

  it('says what an import did, and when nothing was refused or changes', () => {
    render(
      preview({
        dryRun: false,
        seconds: 61,
        changes: [],
        files: [file('users.csv', { rows: 2, unchanged: 2 })],
        rejected: [],
        warnings: [],
      }),
    );
    expect(element().querySelector('p')!.textContent).toBe(
      'OneRoster 1.2 set, imported in 61.0 seconds: 2 rows; 0 created, 0 updated, 2 unchanged, ' +
        '0 deactivated; 0 refused, 0 skipped, 0 links refused.',
    );
    expect([...element().querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'What the import changed',
      'Files',
      'Refused rows',
    ]);
    expect(element().textContent).toContain('Nothing: the directory already matches the set.');
    expect(element().textContent).toContain('None: every row went in.');
    expect(headers(element().querySelector('table')!).slice(3, 7)).toEqual([
      'Created',
      'Updated',
      'Unchanged',
      'Deactivated',
    ]);
    expect(element().querySelector('button')).toBeNull();
  });

  it('shows the first 500 refused rows and says the download has them all', () => {
    const rows = Array.from({ length: 501 }, (_, i) => refused({ line: i + 2, sourcedId: `u${i}` }));
    render(preview({ rejected: rows }));
    expect(element().querySelectorAll('[data-testid="roster-refused"]')).toHaveLength(500);
    expect(element().textContent!.replace(/\s+/g, ' ')).toContain(
      'The first 500 of 501 refused rows; the download has them all.',
    );
  });
});
