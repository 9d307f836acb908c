import type { RosterImportStatus } from '../operations.generated';
import {
  actionInWords,
  alarmInWords,
  alarmsInWords,
  causedByInWords,
  changeSchoolInWords,
  failureInWords,
  hasReport,
  isActive,
  jobHeading,
  kindInWords,
  phaseInWords,
  progressBar,
  progressLine,
  sourceInWords,
  statusInWords,
} from './job-words';

const job = (
  status: RosterImportStatus,
  progress: { phase: string; done: number; total: number } | null = null,
  step = 'DRY_RUN',
  source = 'UPLOAD',
) => ({ status, step, source, progress });

describe('a job in words', () => {
  it('polls only a job the server is working on, and shows reports of one waiting or done', () => {
    const statuses: RosterImportStatus[] = [
      'UPLOADING',
      'QUEUED',
      'RUNNING',
      'AWAITING_CONFIRMATION',
      'SUCCEEDED',
      'FAILED',
      'CANCELLED',
    ];
    expect(statuses.filter(isActive)).toEqual(['QUEUED', 'RUNNING']);
    expect(statuses.filter(hasReport)).toEqual(['AWAITING_CONFIRMATION', 'SUCCEEDED']);
  });

  it('says each status, telling the check from the import', () => {
    expect(statusInWords('UPLOADING', 'DRY_RUN')).toBe('Uploading');
    expect(statusInWords('QUEUED', 'DRY_RUN')).toBe('Waiting to be checked');
    expect(statusInWords('QUEUED', 'APPLY')).toBe('Waiting to be applied');
    expect(statusInWords('RUNNING', 'DRY_RUN')).toBe('Checking');
    expect(statusInWords('RUNNING', 'APPLY')).toBe('Applying');
    expect(statusInWords('AWAITING_CONFIRMATION', 'DRY_RUN')).toBe('Checked, waiting for confirmation');
    expect(statusInWords('SUCCEEDED', 'APPLY')).toBe('Applied');
    expect(statusInWords('FAILED', 'DRY_RUN')).toBe('Check failed');
    expect(statusInWords('FAILED', 'APPLY')).toBe('Import failed');
    expect(statusInWords('CANCELLED', 'DRY_RUN')).toBe('Cancelled');
    expect(sourceInWords('UPLOAD')).toBe('Upload');
    expect(sourceInWords('SIS_API')).toBe('SIS');
  });

  it('says each phase, reading from the SIS for a sync', () => {
    expect(phaseInWords('reading', 'UPLOAD')).toBe('reading the files');
    expect(phaseInWords('reading', 'SIS_API')).toBe('reading from the SIS');
    expect(phaseInWords('checking', 'UPLOAD')).toBe('checking each row');
    expect(phaseInWords('planning', 'UPLOAD')).toBe('comparing with the directory');
    expect(phaseInWords('writing', 'UPLOAD')).toBe('writing');
    expect(phaseInWords('publishing', 'UPLOAD')).toBe('telling the other services');
    expect(phaseInWords('indexing', 'UPLOAD')).toBe('indexing');
  });

  it('gives the bar its value and max while a job runs with a total, and none otherwise', () => {
    expect(progressBar(job('RUNNING', { phase: 'planning', done: 1200, total: 5000 }))).toEqual({
      value: 1200,
      max: 5000,
    });
    expect(progressBar(job('RUNNING', { phase: 'writing', done: 12, total: 10 }))).toEqual({
      value: 10,
      max: 10,
    });
    expect(progressBar(job('RUNNING', { phase: 'reading', done: 0, total: 0 }))).toEqual({
      value: null,
      max: null,
    });
    expect(progressBar(job('QUEUED'))).toEqual({ value: null, max: null });
  });

  it('says how far a job is', () => {
    expect(progressLine(job('RUNNING', { phase: 'planning', done: 1200, total: 5000 }))).toBe(
      'Checking the set: comparing with the directory, 1,200 of 5,000.',
    );
    expect(progressLine(job('RUNNING', { phase: 'publishing', done: 3, total: 9 }, 'APPLY'))).toBe(
      'Applying the set: telling the other services, 3 of 9.',
    );
    expect(progressLine(job('RUNNING', { phase: 'reading', done: 0, total: 0 }, 'DRY_RUN', 'SIS_API'))).toBe(
      'Checking the set: reading from the SIS.',
    );
    expect(progressLine(job('RUNNING'))).toBe('Checking the set.');
    expect(progressLine(job('QUEUED'))).toBe(
      'Waiting to check the set; it starts when the import before it is done.',
    );
    expect(progressLine(job('QUEUED', null, 'APPLY'))).toBe(
      'Waiting to apply the set; it starts when the import before it is done.',
    );
    expect(progressLine(job('CANCELLED'))).toBe('Cancelled.');
  });

  it('heads the job by what it is and where it stands', () => {
    expect(jobHeading({ status: 'RUNNING', source: 'UPLOAD' })).toBe('Import in progress');
    expect(jobHeading({ status: 'QUEUED', source: 'SIS_API' })).toBe('SIS sync in progress');
    expect(jobHeading({ status: 'AWAITING_CONFIRMATION', source: 'UPLOAD' })).toBe(
      'Preview: what the set would change',
    );
    expect(jobHeading({ status: 'SUCCEEDED', source: 'UPLOAD' })).toBe('Import applied');
    expect(jobHeading({ status: 'FAILED', source: 'SIS_API' })).toBe('SIS sync failed');
    expect(jobHeading({ status: 'CANCELLED', source: 'UPLOAD' })).toBe('Import cancelled');
  });

  it('says why a job failed, with the reason in words and the server account', () => {
    expect(
      failureInWords(
        { code: 'BAD_USER_INPUT', reason: 'INVALID_ENCODING', message: 'users.csv is not UTF-8 (line 3)' },
        'DRY_RUN',
      ),
    ).toEqual({
      lead: 'The check stopped: the file is not UTF-8 text. Nothing was changed.',
      detail: 'users.csv is not UTF-8 (line 3)',
    });
    expect(
      failureInWords(
        {
          code: 'UPSTREAM_UNAVAILABLE',
          reason: 'SIS_UNAVAILABLE',
          message: '/users timed out after 4 attempts',
        },
        'APPLY',
      ).lead,
    ).toBe(
      'The import stopped: the SIS did not answer after several tries (try again later). Nothing was changed.',
    );
    expect(
      failureInWords({ code: 'INTERNAL', reason: null, message: 'An unexpected error' }, 'APPLY'),
    ).toEqual({
      lead: 'The import stopped. Nothing was changed.',
      detail: 'An unexpected error',
    });
  });
});

describe('a report in words', () => {
  it('gives the safeguard figures with their share', () => {
    expect(alarmInWords({ what: 'people', deactivated: 110, active: 120 })).toBe(
      '110 of 120 active people (92 %)',
    );
    expect(
      alarmsInWords([
        { what: 'people', deactivated: 1500, active: 2000 },
        { what: 'schools', deactivated: 2, active: 3 },
      ]),
    ).toBe('This set deactivates 1,500 of 2,000 active people (75 %) and 2 of 3 active schools (67 %).');
  });

  it('says which row caused another to be set aside', () => {
    expect(causedByInWords('users.csv line 7')).toBe('because of users.csv line 7');
    expect(causedByInWords(null)).toBeNull();
  });

  it('names the changes: what a preview would do and what an import did', () => {
    expect(actionInWords('CREATED', true)).toBe('Create');
    expect(actionInWords('DEACTIVATED', true)).toBe('Deactivate');
    expect(actionInWords('UPDATED', false)).toBe('Updated');
    expect(kindInWords('GUARDIAN')).toBe('Guardians');
    expect(kindInWords('COMMUNITY')).toBe('Community members');
    expect(changeSchoolInWords({ kind: 'STUDENT', schoolName: 'Lincoln Elementary' })).toBe(
      'Lincoln Elementary',
    );
    expect(changeSchoolInWords({ kind: 'STUDENT', schoolName: null })).toBe('No school');
    expect(changeSchoolInWords({ kind: 'SCHOOL', schoolName: null })).toBe('—');
  });
});
