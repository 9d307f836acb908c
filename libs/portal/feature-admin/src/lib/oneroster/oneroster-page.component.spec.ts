/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { Subject } from 'rxjs';
import { browserFileApis, buttonNamed, configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import { OneRosterPageComponent } from './oneroster-page.component';
import {
  AddRosterImportFilePartDocument,
  CancelRosterImportDocument,
  ConfirmRosterImportDocument,
  type RosterImportStatus,
  RosterImportJobDocument,
  RosterImportJobsDocument,
  RosterImportJobStateDocument,
  type RosterReportFragment,
  StartRosterImportDocument,
  StartRosterSyncDocument,
  SubmitRosterImportDocument,
} from '../operations.generated';
import { ROSTER_JOB_POLL, ROSTER_UPLOAD_PART_BYTES } from './roster-import.tokens';

/** The part size in this spec: users.csv below is sent in two parts. */
const PART_BYTES = 64;
const MANIFEST = 'propertyName,value\noneroster.version,1.2\nfile.users,bulk\n';
const USERS =
  'sourcedId,status,enabledUser,username,givenName,familyName\n' +
  'u1,active,true,ana,Ana,Ruiz\n' +
  'u2,active,true,li,Li,Wei\n';
/** The test's files are ASCII, which btoa takes as it is. */
const base64 = (text: string) => btoa(text);

type Report = RosterReportFragment;

/** Apollo's cache keeps a record by __typename and id, which the operation types leave out. */
const state = (id: string, status: RosterImportStatus, overrides: Record<string, unknown> = {}) => ({
  __typename: 'RosterImportJob',
  id,
  source: 'UPLOAD',
  status,
  step: 'DRY_RUN',
  createdAt: '2026-12-01T14:00:00.000Z',
  updatedAt: '2026-12-01T14:00:00.000Z',
  finishedAt: null,
  progress: null,
  error: null,
  ...overrides,
});

const report = (overrides: Partial<Report> = {}) => ({
  __typename: 'OneRosterImportReport',
  oneRosterVersion: '1.2',
  dryRun: true,
  seconds: 2.5,
  changes: [
    {
      __typename: 'OneRosterChangeCount',
      action: 'DEACTIVATED',
      kind: 'STUDENT',
      schoolId: 's1',
      schoolName: 'Lincoln Elementary',
      count: 110,
    },
  ],
  massDeactivation: [
    { __typename: 'OneRosterDeactivationAlarm', what: 'people', deactivated: 110, active: 120 },
  ],
  files: [
    {
      __typename: 'OneRosterFileSummary',
      file: 'users.csv',
      mode: 'bulk',
      rows: 2,
      created: 0,
      updated: 0,
      unchanged: 2,
      deactivated: 110,
      rejected: 0,
      skipped: 0,
      linksRefused: 0,
    },
  ],
  rejected: [],
  warnings: [],
  ...overrides,
});

const full = (job: ReturnType<typeof state>, reports: { dryRunReport?: unknown; report?: unknown } = {}) => ({
  rosterImportJob: {
    ...job,
    files: [{ __typename: 'RosterImportFile', name: 'users', bytes: USERS.length }],
    dryRunReport: null,
    report: null,
    ...reports,
  },
});

const progress = (phase: string, done: number, total: number) => ({
  __typename: 'RosterImportProgress',
  phase,
  done,
  total,
});

describe('the OneRoster import page', () => {
  let fixture: ComponentFixture<OneRosterPageComponent>;
  let apollo: ApolloTestingController;
  let ticks: Subject<number>;
  const page = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element | null) => element?.textContent!.replace(/\s+/g, ' ').trim() ?? null;
  const button = (name: string) => buttonNamed(page(), name) ?? null;
  const heading = () => text(page().querySelector('#roster-job-heading'));
  const alerts = () => [...page().querySelectorAll('[role="alert"]')].map(text);

  /** The recent jobs, asked for as the page opens (or again after a job started), answered. */
  async function listJobs(...jobs: ReturnType<typeof state>[]): Promise<void> {
    const operation = apollo.expectOne(RosterImportJobsDocument);
    expect(operation.operation.variables).toEqual({ first: 10 });
    operation.flushData({ rosterImportJobs: jobs });
    await settle(fixture, 3);
  }

  /** One tick of the poll: the job's state asked for, and answered. */
  async function poll(id: string, answer: ReturnType<typeof state>): Promise<void> {
    ticks.next(0);
    await settle(fixture, 3);
    const operation = apollo.expectOne(RosterImportJobStateDocument);
    expect(operation.operation.variables).toEqual({ id });
    operation.flushData({ rosterImportJob: answer });
    await settle(fixture, 3);
  }

  async function chooseFiles(...files: File[]): Promise<void> {
    const input = page().querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    for (let i = 0; i < 50 && button('Upload and check')!.disabled; i += 1) await settle(fixture, 3);
    expect(button('Upload and check')!.disabled).toBe(false);
  }

  /** A part of the upload: its variables checked, then answered (or not, as `answer` says). */
  function expectPart(name: string, part: number, content: string) {
    const operation = apollo.expectOne(AddRosterImportFilePartDocument);
    expect(operation.operation.variables).toEqual({ jobId: 'j1', name, part, base64: base64(content) });
    return operation;
  }
  const partAnswer = {
    addRosterImportFilePart: { __typename: 'RosterImportJob', id: 'j1', status: 'UPLOADING' },
  };

  beforeAll(browserFileApis);

  beforeEach(() => {
    ticks = new Subject<number>();
    apollo = configureApolloTesting([
      { provide: ROSTER_JOB_POLL, useValue: ticks },
      { provide: ROSTER_UPLOAD_PART_BYTES, useValue: PART_BYTES },
    ]);
    fixture = TestBed.createComponent(OneRosterPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('uploads a set in parts, follows its check, and applies it once the mass deactivation is confirmed', async () => {
    await listJobs();
    expect(text(page())).toContain('No imports or syncs yet.');
    expect(button('Upload and check')!.disabled).toBe(true);
    await chooseFiles(new File([MANIFEST], 'manifest.csv'), new File([USERS], 'users.csv'));

    button('Upload and check')!.click();
    await settle(fixture, 3);
    apollo.expectOne(StartRosterImportDocument).flushData({ startRosterImport: state('j1', 'UPLOADING') });
    await settle(fixture, 3);
    expectPart('manifest', 0, MANIFEST).flushData(partAnswer);
    await settle(fixture, 3);
    const bar = page().querySelector('#roster-upload-progress')!;
    const total = MANIFEST.length + USERS.length;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual([`${MANIFEST.length}`, `${total}`]);
    expect(text(page().querySelector('#roster-upload-line'))).toBe(
      `Uploading: ${MANIFEST.length} bytes of ${total} bytes sent. Keep this page open until the upload is done; the check then goes on without it.`,
    );
    expect(bar.getAttribute('aria-describedby')).toBe('roster-upload-line');
    expect(page().querySelector('#roster-upload-line')!.getAttribute('role')).toBe('status');
    expectPart('users', 0, USERS.slice(0, PART_BYTES)).flushData(partAnswer);
    await settle(fixture, 3);
    expect(bar.getAttribute('value')).toBe(`${MANIFEST.length + PART_BYTES}`);
    expectPart('users', 1, USERS.slice(PART_BYTES)).flushData(partAnswer);
    await settle(fixture, 3);

    const submit = apollo.expectOne(SubmitRosterImportDocument);
    expect(submit.operation.variables).toEqual({ jobId: 'j1' });
    submit.flushData({ submitRosterImport: state('j1', 'QUEUED') });
    await settle(fixture, 3);
    await listJobs(state('j1', 'QUEUED'));
    expect(page().querySelector('#roster-upload-progress')).toBeNull();
    expect(heading()).toBe('Import in progress');
    expect(text(page().querySelector('hr-roster-job-progress [role="status"]'))).toBe(
      'Waiting to check the set; it starts when the import before it is done.',
    );

    await poll('j1', state('j1', 'RUNNING', { progress: progress('planning', 40, 100) }));
    const jobBar = page().querySelector('hr-roster-job-progress progress')!;
    expect([jobBar.getAttribute('value'), jobBar.getAttribute('max')]).toEqual(['40', '100']);
    expect(text(page().querySelector('hr-roster-job-progress [role="status"]'))).toBe(
      'Checking the set: comparing with the directory, 40 of 100.',
    );
    expect(text(page().querySelector('[data-testid="roster-job"] td:nth-child(3)'))).toBe('Checking');

    await poll('j1', state('j1', 'AWAITING_CONFIRMATION'));
    const preview = apollo.expectOne(RosterImportJobDocument);
    expect(preview.operation.variables).toEqual({ id: 'j1' });
    expect(text(page().querySelector('#roster-job-heading + p'))).toBe('Loading the preview…');
    preview.flushData(full(state('j1', 'AWAITING_CONFIRMATION'), { dryRunReport: report() }));
    await settle(fixture, 3);
    expect(heading()).toBe('Preview: what the set would change');
    expect(text(page().querySelector('hr-roster-confirm [role="alert"] strong'))).toBe(
      'This set deactivates 110 of 120 active people (92 %).',
    );
    expect([...page().querySelectorAll('[data-testid="roster-change"] td')].map(text)).toEqual([
      'Deactivate',
      'Students',
      'Lincoln Elementary',
      '110',
    ]);
    ticks.next(0);
    await settle(fixture, 3);
    apollo.expectNone(RosterImportJobStateDocument);

    expect(button('Apply')!.disabled).toBe(true);
    page().querySelector<HTMLInputElement>('hr-roster-confirm input[type="checkbox"]')!.click();
    await settle(fixture, 3);
    expect(button('Apply')!.disabled).toBe(false);
    button('Apply')!.click();
    await settle(fixture, 3);
    const confirm = apollo.expectOne(ConfirmRosterImportDocument);
    expect(confirm.operation.variables).toEqual({ jobId: 'j1', allowMassDeactivation: true });
    confirm.flushData({ confirmRosterImport: state('j1', 'QUEUED', { step: 'APPLY' }) });
    await settle(fixture, 3);
    expect(text(page().querySelector('hr-roster-job-progress [role="status"]'))).toBe(
      'Waiting to apply the set; it starts when the import before it is done.',
    );

    await poll('j1', state('j1', 'RUNNING', { step: 'APPLY', progress: progress('publishing', 5, 8) }));
    expect(text(page().querySelector('hr-roster-job-progress [role="status"]'))).toBe(
      'Applying the set: telling the other services, 5 of 8.',
    );
    const done = state('j1', 'SUCCEEDED', { step: 'APPLY', finishedAt: '2026-12-01T14:03:00.000Z' });
    await poll('j1', done);
    apollo
      .expectOne(RosterImportJobDocument)
      .flushData(full(done, { dryRunReport: report(), report: report({ dryRun: false, seconds: 9 }) }));
    await settle(fixture, 3);
    expect(heading()).toBe('Import applied');
    expect(text(page().querySelector('#roster-job-heading + p'))).toBe('The set was applied.');
    expect(text(page().querySelector('hr-roster-report p'))).toBe(
      'OneRoster 1.2 set, imported in 9.0 seconds: 2 rows; 0 created, 0 updated, 2 unchanged, 110 deactivated; ' +
        '0 refused, 0 skipped, 0 links refused.',
    );
    expect(text(page().querySelector('[data-testid="roster-job"] td:nth-child(3)'))).toBe('Applied');
    ticks.next(0);
    await settle(fixture, 3);
    apollo.expectNone(RosterImportJobStateDocument);
  });

  it('sends a part again when the network lost it, and drops the upload when a part is refused', async () => {
    await listJobs();
    await chooseFiles(new File([MANIFEST], 'manifest.csv'), new File([USERS], 'users.csv'));
    button('Upload and check')!.click();
    await settle(fixture, 3);
    apollo.expectOne(StartRosterImportDocument).flushData({ startRosterImport: state('j1', 'UPLOADING') });
    await settle(fixture, 3);
    expectPart('manifest', 0, MANIFEST).networkError(new Error('connection reset'));
    await settle(fixture, 3);
    expectPart('manifest', 0, MANIFEST).flushData(partAnswer);
    await settle(fixture, 3);
    expectPart('users', 0, USERS.slice(0, PART_BYTES)).graphqlErrors([
      new GraphQLError('A set holds at most 1073741824 bytes', {
        extensions: {
          code: 'BAD_USER_INPUT',
          details: [{ path: 'content', message: 'the set is too large' }],
        },
      }),
    ]);
    await settle(fixture, 3);
    const cancel = apollo.expectOne(CancelRosterImportDocument);
    expect(cancel.operation.variables).toEqual({ jobId: 'j1' });
    cancel.flushData({ cancelRosterImport: state('j1', 'CANCELLED') });
    await settle(fixture, 3);
    apollo.expectNone(SubmitRosterImportDocument);
    expect(alerts()).toEqual([
      'users.csv could not be sent (part 1): Please check what you entered. content: the set is too large.',
    ]);
    expect(heading()).toBe('Import cancelled');
    expect(text(page().querySelector('#roster-job-heading + p'))).toBe(
      'Cancelled: nothing was changed, and the files were deleted.',
    );
    expect(page().querySelector('#roster-upload-progress')).toBeNull();
  });

  it('stops an upload when asked, and drops what was sent', async () => {
    await listJobs();
    await chooseFiles(new File([MANIFEST], 'manifest.csv'), new File([USERS], 'users.csv'));
    button('Upload and check')!.click();
    await settle(fixture, 3);
    apollo.expectOne(StartRosterImportDocument).flushData({ startRosterImport: state('j1', 'UPLOADING') });
    await settle(fixture, 3);
    expect(heading()).toBe('Import in progress');
    expect(text(page().querySelector('#roster-job-heading + p'))).toBe(
      'The files are being uploaded; the check starts once they are all sent.',
    );
    const part = expectPart('manifest', 0, MANIFEST);
    button('Stop the upload')!.click();
    part.flushData(partAnswer);
    await settle(fixture, 3);
    apollo.expectNone(AddRosterImportFilePartDocument);
    const cancel = apollo.expectOne(CancelRosterImportDocument);
    expect(cancel.operation.variables).toEqual({ jobId: 'j1' });
    cancel.flushData({ cancelRosterImport: state('j1', 'CANCELLED') });
    await settle(fixture, 3);
    apollo.expectNone(SubmitRosterImportDocument);
    expect(heading()).toBe('Import cancelled');
    expect(button('Stop the upload')).toBeNull();
    expect(button('Upload and check')!.disabled).toBe(false);
  });

  it('checks the SIS, says so when none is configured, and says in words why a sync failed', async () => {
    await listJobs();
    button('Check the SIS now')!.click();
    await settle(fixture, 3);
    apollo.expectOne(StartRosterSyncDocument).graphqlErrors([
      new GraphQLError('No SIS REST API is configured (ONEROSTER_SYNC_URL)', {
        extensions: { code: 'FEATURE_DISABLED' },
      }),
    ]);
    await settle(fixture, 3);
    expect(alerts()).toEqual(['No SIS REST API is configured; ask IT to set ONEROSTER_SYNC_URL.']);

    button('Check the SIS now')!.click();
    await settle(fixture, 3);
    const sync = state('j2', 'QUEUED', { source: 'SIS_API' });
    apollo.expectOne(StartRosterSyncDocument).flushData({ startRosterSync: sync });
    await settle(fixture, 3);
    await listJobs(sync);
    expect(alerts()).toEqual([]);
    expect(heading()).toBe('SIS sync in progress');
    await poll('j2', state('j2', 'RUNNING', { source: 'SIS_API', progress: progress('reading', 0, 0) }));
    const bar = page().querySelector('hr-roster-job-progress progress')!;
    expect(bar.hasAttribute('value')).toBe(false);
    expect(text(page().querySelector('hr-roster-job-progress [role="status"]'))).toBe(
      'Checking the set: reading from the SIS.',
    );
    await poll(
      'j2',
      state('j2', 'FAILED', {
        source: 'SIS_API',
        error: {
          __typename: 'RosterImportError',
          code: 'BAD_USER_INPUT',
          reason: 'SIS_UNAUTHORIZED',
          message: 'https://sis.example.org/token answered 401 invalid_client',
        },
      }),
    );
    expect(heading()).toBe('SIS sync failed');
    expect([...page().querySelectorAll('[data-testid="roster-failure"] p')].map((p) => text(p))).toEqual([
      "The check stopped: the SIS refused Homeroom's client id and secret, or does not let it read the rosters. Nothing was changed.",
      'https://sis.example.org/token answered 401 invalid_client',
    ]);
    ticks.next(0);
    await settle(fixture, 3);
    apollo.expectNone(RosterImportJobStateDocument);
  });

  it('opens a job from the list, says why the API refused Apply, and cancels the preview', async () => {
    const waiting = state('j3', 'AWAITING_CONFIRMATION', { createdAt: '2026-11-30T08:00:00.000Z' });
    await listJobs(waiting, state('j4', 'FAILED'));
    page().querySelector<HTMLButtonElement>('[data-testid="roster-job"] button')!.click();
    await settle(fixture, 3);
    const opened = apollo.expectOne(RosterImportJobDocument);
    expect(opened.operation.variables).toEqual({ id: 'j3' });
    opened.flushData(full(waiting, { dryRunReport: report({ massDeactivation: [] }) }));
    await settle(fixture, 3);
    expect(heading()).toBe('Preview: what the set would change');
    expect(page().querySelector('hr-roster-confirm input[type="checkbox"]')).toBeNull();
    expect(page().querySelector('[data-testid="roster-job"][aria-current="true"] td')!.textContent).toBe(
      page().querySelector('[data-testid="roster-job"] td')!.textContent,
    );

    button('Apply')!.click();
    await settle(fixture, 3);
    const confirm = apollo.expectOne(ConfirmRosterImportDocument);
    expect(confirm.operation.variables).toEqual({ jobId: 'j3', allowMassDeactivation: false });
    confirm.graphqlErrors([
      new GraphQLError('The dry run deactivates more than the safeguard allows', {
        extensions: { code: 'BAD_USER_INPUT', reason: 'MASS_DEACTIVATION' },
      }),
    ]);
    await settle(fixture, 3);
    expect(alerts()).toEqual([
      'This set deactivates more than the safeguard allows: tick the box confirming the deactivations to apply it.',
    ]);

    button('Cancel')!.click();
    await settle(fixture, 3);
    const cancel = apollo.expectOne(CancelRosterImportDocument);
    expect(cancel.operation.variables).toEqual({ jobId: 'j3' });
    cancel.flushData({
      cancelRosterImport: state('j3', 'CANCELLED', { createdAt: '2026-11-30T08:00:00.000Z' }),
    });
    await settle(fixture, 3);
    expect(alerts()).toEqual([]);
    expect(heading()).toBe('Import cancelled');
    expect(text(page().querySelector('[data-testid="roster-job"] td:nth-child(3)'))).toBe('Cancelled');
  });

  it('shows a failed check of a set in words', async () => {
    const failed = state('j4', 'FAILED', {
      error: {
        __typename: 'RosterImportError',
        code: 'BAD_USER_INPUT',
        reason: 'EMPTY_BULK_FILE',
        message: 'orgs.csv is bulk and has no rows',
      },
    });
    await listJobs(failed);
    page().querySelector<HTMLButtonElement>('[data-testid="roster-job"] button')!.click();
    await settle(fixture, 3);
    apollo.expectOne(RosterImportJobDocument).flushData(full(failed));
    await settle(fixture, 3);
    expect(heading()).toBe('Import failed');
    expect(page().querySelector('[data-testid="roster-failure"]')!.getAttribute('role')).toBe('alert');
    expect([...page().querySelectorAll('[data-testid="roster-failure"] p')].map((p) => text(p))).toEqual([
      'The check stopped: a bulk file has no rows (it would deactivate everything it covers). Nothing was changed.',
      'orgs.csv is bulk and has no rows',
    ]);
    apollo.expectNone(RosterImportJobStateDocument);
  });

  it('stops asking about a job once the page is gone', async () => {
    await listJobs(state('j5', 'RUNNING'));
    page().querySelector<HTMLButtonElement>('[data-testid="roster-job"] button')!.click();
    await settle(fixture, 3);
    apollo.expectOne(RosterImportJobDocument).flushData(full(state('j5', 'RUNNING')));
    await settle(fixture, 3);
    await poll('j5', state('j5', 'RUNNING', { progress: progress('writing', 1, 2) }));
    fixture.destroy();
    ticks.next(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    apollo.expectNone(RosterImportJobStateDocument);
    expect(ticks.observed).toBe(false);
  });
});
