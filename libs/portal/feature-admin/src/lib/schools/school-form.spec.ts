import {
  canonicalTimeZone,
  describeGrades,
  schoolActionName,
  schoolInput,
  schoolTypeName,
  type SchoolForm,
} from './school-form';

const form = (fields: Partial<SchoolForm>): SchoolForm => ({
  name: '',
  code: '',
  type: '',
  lowestGrade: '',
  highestGrade: '',
  timeZone: '',
  phone: '',
  ncesId: '',
  ...fields,
});

describe('the new-school form', () => {
  it('sends the required fields trimmed, and the optional ones only when given', () => {
    expect(
      schoolInput(
        form({
          name: ' Lincoln Elementary ',
          code: ' LIN ',
          type: 'ELEMENTARY',
          timeZone: 'america/chicago',
          lowestGrade: 'PK',
          highestGrade: '05',
          phone: ' 512 555 0142 ',
        }),
      ),
    ).toEqual({
      input: {
        name: 'Lincoln Elementary',
        code: 'LIN',
        type: 'ELEMENTARY',
        timeZone: 'America/Chicago',
        lowestGrade: 'PK',
        highestGrade: '05',
        phone: '512 555 0142',
      },
    });
  });

  it('says what is missing instead of sending', () => {
    expect(schoolInput(form({ name: '  ' }))).toEqual({
      problems: [
        'Enter the school’s name.',
        'Enter the district’s short code for the school.',
        'Choose the type of school.',
        'Enter a time zone such as America/Chicago.',
      ],
    });
  });

  it('refuses an unknown time zone and grades in the wrong order', () => {
    const result = schoolInput(
      form({
        name: 'Oak',
        code: 'OAK',
        type: 'MIDDLE',
        timeZone: 'Mars/Olympus',
        lowestGrade: '08',
        highestGrade: '06',
      }),
    );
    expect(result.problems).toEqual([
      'Enter a time zone such as America/Chicago.',
      'The lowest grade comes after the highest grade.',
    ]);
    expect(canonicalTimeZone('')).toBeNull();
  });
});

describe('schools in words', () => {
  it('names grade ranges as people say them', () => {
    expect(describeGrades('PK', '05')).toBe('PK–5');
    expect(describeGrades('KG', '08')).toBe('K–8');
    expect(describeGrades('09', '09')).toBe('9 only');
    expect(describeGrades('06', null)).toBe('from 6');
    expect(describeGrades(null, '12')).toBe('up to 12');
    expect(describeGrades(null, null)).toBe('Not set');
  });

  it('names school types', () => {
    expect(schoolTypeName('K8')).toBe('K–8');
    expect(schoolTypeName('HIGH')).toBe('High');
  });
});

describe('deactivating and reactivating a school', () => {
  it('names the action for its button', () => {
    expect(schoolActionName('deactivate', 'Lincoln Elementary')).toBe('Deactivate Lincoln Elementary');
    expect(schoolActionName('reactivate', 'Lincoln Elementary')).toBe('Reactivate Lincoln Elementary');
  });
});
