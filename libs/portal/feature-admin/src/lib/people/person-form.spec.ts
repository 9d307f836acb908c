import type { AdminPersonFragment } from '../operations.generated';
import { describePerson, editFormOf, mergePlan, peopleFilter, personUpdate } from './person-form';

const person = (fields: Partial<AdminPersonFragment> = {}): AdminPersonFragment => ({
  id: 'p1',
  displayName: 'Maria Lopez',
  givenName: 'Maria',
  middleName: null,
  familyName: 'Lopez',
  preferredName: null,
  kind: 'GUARDIAN',
  active: true,
  mergedIntoId: null,
  sourcedId: null,
  preferredLanguage: 'es',
  preferredChannel: 'SMS',
  emails: [
    { address: 'old@example.org', primary: false },
    { address: 'maria@example.org', primary: true },
  ],
  phones: [{ number: '+15125550142', type: 'HOME', primary: true }],
  schools: [
    { role: 'GUARDIAN', grade: null, school: { id: 's1', name: 'Lincoln Elementary' } },
    { role: 'GUARDIAN', grade: null, school: { id: 's1', name: 'Lincoln Elementary' } },
  ],
  ...fields,
});

describe('the directory search', () => {
  it('turns empty fields into no condition', () => {
    expect(peopleFilter({ search: '  lopez ', kind: '', schoolId: '', includeInactive: false })).toEqual({
      search: 'lopez',
      kind: null,
      schoolId: null,
      includeInactive: false,
    });
    expect(peopleFilter({ search: '', kind: 'STAFF', schoolId: 's1', includeInactive: true })).toEqual({
      search: null,
      kind: 'STAFF',
      schoolId: 's1',
      includeInactive: true,
    });
  });
});

describe('editing a person', () => {
  it('fills the form with the primary email and phone first', () => {
    expect(editFormOf(person())).toMatchObject({
      middleName: '',
      emails: 'maria@example.org\nold@example.org',
      phones: '+15125550142',
      preferredChannel: 'SMS',
    });
  });

  it('sends only what changed, null to clear an optional field', () => {
    const form = {
      ...editFormOf(person({ preferredName: 'Mari' })),
      preferredName: ' ',
      givenName: 'María ',
    };
    expect(personUpdate(person({ preferredName: 'Mari' }), form)).toEqual({
      input: { givenName: 'María', preferredName: null },
    });
  });

  it('sends the whole email list when it changed, the first line primary, without repeats', () => {
    const form = { ...editFormOf(person()), emails: 'new@example.org\nmaria@example.org\nNEW@example.org' };
    expect(personUpdate(person(), form).input).toEqual({
      emails: [
        { address: 'new@example.org', primary: true },
        { address: 'maria@example.org', primary: false },
      ],
    });
  });

  it('keeps a known number’s type, makes a new one a mobile, and sees a reformatted number as unchanged', () => {
    const same = { ...editFormOf(person()), phones: '(512) 555-0142' };
    expect(personUpdate(person(), same)).toEqual({ problems: ['Nothing has changed.'] });
    const added = { ...editFormOf(person()), phones: '512-555-0199\n(512) 555-0142' };
    expect(personUpdate(person(), added).input).toEqual({
      phones: [
        { number: '512-555-0199', primary: true, type: 'MOBILE' },
        { number: '(512) 555-0142', primary: false, type: 'HOME' },
      ],
    });
  });

  it('says what is wrong instead of sending', () => {
    const form = {
      ...editFormOf(person()),
      givenName: '',
      preferredLanguage: 'Spanish',
      emails: 'maria at example',
      phones: '555',
    };
    expect(personUpdate(person(), form).problems).toEqual([
      'Enter a given name.',
      'Enter the preferred language as a language tag, such as en, es or zh-Hant.',
      'These are not email addresses: maria at example.',
      'These are not phone numbers: 555.',
    ]);
  });
});

describe('people in words', () => {
  it('tells a record apart by kind, contact, schools and state', () => {
    expect(describePerson(person())).toBe('Guardian · maria@example.org · Lincoln Elementary');
    expect(
      describePerson(person({ emails: [], active: false, schools: [], sourcedId: 'G-17', kind: 'STUDENT' })),
    ).toBe('Student · +15125550142 · SIS id G-17 · inactive');
  });
});

describe('merging two records', () => {
  const duplicate = person({ id: 'dup', emails: [{ address: 'm.lopez@example.org', primary: true }] });
  const survivor = person({ id: 'keep' });

  it('says which record survives and which is merged away', () => {
    const plan = mergePlan(duplicate, survivor);
    expect(plan.action).toBe('Merge Maria Lopez into Maria Lopez');
    expect(plan.summary).toMatch(
      /^Maria Lopez \(Guardian · maria@example\.org · Lincoln Elementary\) survives.*Maria Lopez \(Guardian · m\.lopez@example\.org · Lincoln Elementary\) is merged into it/,
    );
  });

  it('refuses the same record twice, records of different kinds and records merged already', () => {
    expect(mergePlan(survivor, survivor).problem).toMatch(/same record/);
    expect(
      mergePlan(person({ id: 'kid', kind: 'STUDENT', displayName: 'Ana Lopez' }), survivor).problem,
    ).toBe('Only records of the same kind can be merged: Ana Lopez is a student, Maria Lopez a guardian.');
    expect(mergePlan(person({ id: 'old', mergedIntoId: 'keep' }), survivor).problem).toMatch(
      /already merged/,
    );
  });
});
