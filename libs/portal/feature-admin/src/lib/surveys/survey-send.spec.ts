import {
  describeAudience,
  describeSendResult,
  recipientKinds,
  sendRequest,
  sendState,
  type SendForm,
} from './survey-send';

const now = new Date('2026-03-01T12:00:00Z');
const form: SendForm = { kinds: [], roles: [], schoolIds: [], languages: '', later: false, at: '' };
const everyone = ['FAMILIES', 'STUDENTS', 'STAFF', 'COMMUNITY'] as const;

describe('sending a survey', () => {
  it('sends now to everyone the survey was written for when nothing narrows it', () => {
    expect(sendRequest(form, now, 'OPEN', everyone)).toEqual({
      audience: { kinds: [], roles: [], schoolIds: [], languages: [] },
      at: null,
    });
  });

  it('narrows by kind, role, school and language, and plans a send for later', () => {
    expect(
      sendRequest(
        {
          kinds: ['STAFF'],
          roles: ['AGENT'],
          schoolIds: ['s1'],
          languages: 'es, es-mx, es',
          later: true,
          at: '2026-03-02T08:00:00Z',
        },
        now,
        'DRAFT',
        everyone,
      ),
    ).toEqual({
      audience: { kinds: ['STAFF'], roles: ['AGENT'], schoolIds: ['s1'], languages: ['es', 'es-MX'] },
      at: '2026-03-02T08:00:00.000Z',
    });
  });

  it('refuses what cannot be sent', () => {
    expect(sendRequest(form, now, 'CLOSED', everyone)).toEqual({
      problem: 'The survey is closed: reopen it to send it.',
    });
    expect(sendRequest(form, now, 'DRAFT', everyone)).toEqual({
      problem: 'Open the survey before sending it now, or plan the send for after you open it.',
    });
    expect(sendRequest({ ...form, languages: 'es, ??' }, now, 'OPEN', everyone)).toEqual({
      problem: '?? is not a language tag such as es or vi.',
    });
    expect(sendRequest({ ...form, kinds: ['GUARDIAN'], roles: ['AGENT'] }, now, 'OPEN', everyone)).toEqual({
      problem: 'Roles choose among staff: add Staff to the people, or clear the roles.',
    });
    expect(sendRequest({ ...form, later: true, at: '' }, now, 'OPEN', everyone)).toEqual({
      problem: 'Choose when to send it.',
    });
    expect(sendRequest({ ...form, later: true, at: '2026-03-01T11:00:00Z' }, now, 'OPEN', everyone)).toEqual({
      problem: 'That time has passed: choose a later one, or send now.',
    });
  });

  it('offers, and sends to, only the kinds of people the survey is written for', () => {
    expect(recipientKinds(['STAFF', 'FAMILIES']).map(({ kind }) => kind)).toEqual(['GUARDIAN', 'STAFF']);
    expect(recipientKinds(everyone).map(({ name }) => name)).toEqual([
      'Families (guardians)',
      'Students',
      'Staff',
      'Community members',
    ]);
    expect(sendRequest({ ...form, kinds: ['GUARDIAN'] }, now, 'OPEN', ['FAMILIES', 'STAFF'])).toEqual({
      audience: { kinds: ['GUARDIAN'], roles: [], schoolIds: [], languages: [] },
      at: null,
    });
    expect(
      sendRequest({ ...form, kinds: ['STUDENT', 'COMMUNITY', 'STAFF'] }, now, 'OPEN', ['STAFF']),
    ).toEqual({ problem: 'The survey is not written for students and community members.' });
    expect(sendRequest({ ...form, roles: ['AGENT'] }, now, 'OPEN', ['FAMILIES'])).toEqual({
      problem: 'The survey is not written for staff: clear the roles.',
    });
  });

  it('describes who a send reaches and where it stands', () => {
    const schools = new Map([['s1', 'Lincoln Elementary']]);
    expect(
      describeAudience(
        { kinds: ['GUARDIAN', 'STAFF'], roles: ['AGENT'], schoolIds: ['s1', 'gone'], languages: ['es'] },
        schools,
      ),
    ).toBe(
      'Families (guardians) and Staff (agents) at Lincoln Elementary and a school no longer listed, preferring es',
    );
    expect(describeAudience({ kinds: [], roles: [], schoolIds: [], languages: [] }, schools)).toBe(
      'Everyone the survey was written for',
    );
    expect(sendState({ sentAt: null, invited: null, failure: 'SURVEY_NOT_OPEN' })).toBe(
      'Not sent: the survey was not open',
    );
    expect(sendState({ sentAt: '2026-03-02T14:00:00Z', invited: 40, failure: null }, 'America/Chicago')).toBe(
      'Sent Mar 2, 2026, 8:00 AM to 40 people',
    );
    expect(sendState({ sentAt: null, invited: null, failure: null })).toBe('Waiting');
  });

  it('reports what a send did', () => {
    expect(describeSendResult({ invited: 120, alreadyInvited: 8, scheduledFor: null })).toBe(
      'Invited 120 people, each with a personal link. 8 had been invited before and were not invited again.',
    );
    expect(describeSendResult({ invited: 1, alreadyInvited: 0, scheduledFor: null })).toBe(
      'Invited 1 person, each with a personal link.',
    );
    expect(
      describeSendResult(
        { invited: 0, alreadyInvited: 0, scheduledFor: '2026-03-02T14:00:00Z' },
        'America/Chicago',
      ),
    ).toBe('Planned for Mar 2, 2026, 8:00 AM. You can cancel it until then.');
  });
});
