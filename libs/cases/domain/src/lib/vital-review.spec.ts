import { assertMayReview, returnReason, reviewCategoryOf, type OutgoingReply } from './vital-review';

const reply = (overrides: Partial<OutgoingReply>): OutgoingReply => ({
  templateCategory: null,
  caseCategory: null,
  machineTranslated: false,
  language: 'es',
  staffLanguage: 'en',
  ...overrides,
});

describe('which replies wait for a qualified translator', () => {
  it.each([
    [
      'a suspension notice from the discipline template, in Spanish',
      { templateCategory: 'DISCIPLINE' },
      'DISCIPLINE',
    ],
    [
      'an IEP meeting template in Vietnamese',
      { templateCategory: 'SPECIAL_EDUCATION', language: 'vi' },
      'SPECIAL_EDUCATION',
    ],
    [
      'the enrollment template in English to an English-speaking family',
      { templateCategory: 'ENROLLMENT', language: 'en' },
      null,
    ],
    ['the same, the case tagged en-US', { templateCategory: 'ENROLLMENT', language: 'en-US' }, null],
    ['an ordinary template in Spanish', {}, null],
    [
      'a machine-translated follow-up on a discipline case',
      { caseCategory: 'DISCIPLINE', machineTranslated: true },
      'DISCIPLINE',
    ],
    ['a reply typed by hand in Spanish on a discipline case', { caseCategory: 'DISCIPLINE' }, null],
    ['a machine-translated reply on an ordinary case', { machineTranslated: true }, null],
    [
      'a vital template on a case of another category: the template says',
      { templateCategory: 'ENROLLMENT', caseCategory: 'DISCIPLINE' },
      'ENROLLMENT',
    ],
  ] as const)('%s', (_, overrides, expected) => {
    expect(reviewCategoryOf(reply(overrides))).toBe(expected);
  });
});

describe('who may review a held message', () => {
  const author = 'agent-1';
  const attempt = {
    status: 'PENDING' as const,
    language: 'es',
    authorId: author,
    reviewerId: 'translator-1',
    reviewerLanguages: ['es', 'vi'],
  };

  it('lets a translator qualified in its language review it', () => {
    expect(() => assertMayReview(attempt)).not.toThrow();
    expect(() => assertMayReview({ ...attempt, language: 'es-MX' })).not.toThrow();
  });

  it('refuses its author, even a qualified one', () => {
    expect(() => assertMayReview({ ...attempt, reviewerId: author })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'REVIEWER_IS_AUTHOR' }),
    );
  });

  it('refuses a translator of other languages, and staff who translate none', () => {
    for (const reviewerLanguages of [['vi'], []])
      expect(() => assertMayReview({ ...attempt, reviewerLanguages })).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_A_QUALIFIED_TRANSLATOR' }),
      );
  });

  it('refuses a second review, and a message that was never held', () => {
    for (const status of ['APPROVED', 'RETURNED', null] as const)
      expect(() => assertMayReview({ ...attempt, status })).toThrow(
        expect.objectContaining({ code: 'CONFLICT', reason: 'ALREADY_REVIEWED' }),
      );
  });

  it('says it is reviewed before saying who may not review it', () => {
    expect(() => assertMayReview({ ...attempt, status: 'APPROVED', reviewerLanguages: [] })).toThrow(
      expect.objectContaining({ reason: 'ALREADY_REVIEWED' }),
    );
  });

  it('asks for a reason to send a message back', () => {
    expect(returnReason('  "Expulsión" is wrong here: it is a suspension. ')).toBe(
      '"Expulsión" is wrong here: it is a suspension.',
    );
    expect(() => returnReason('   ')).toThrow(expect.objectContaining({ reason: 'REASON_REQUIRED' }));
    expect(() => returnReason('x'.repeat(1_001))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});
