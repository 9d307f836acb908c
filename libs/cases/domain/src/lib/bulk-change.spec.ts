import { refusal } from './testing/refusal';
import { checkBulkRequest, MAX_BULK_CASES } from './bulk-change';

describe('a bulk request', () => {
  it('keeps what is to change, tags normalized and given once', () => {
    expect(
      checkBulkRequest(['a', 'b'], {
        priority: 'HIGH',
        addTags: ['Snow day', 'snow-day'],
        topicId: undefined,
      }),
    ).toEqual({
      priority: 'HIGH',
      addTags: ['snow-day'],
    });
    expect(checkBulkRequest(['a'], { assignment: { assigneeId: null, teamId: null } })).toEqual({
      assignment: { assigneeId: null, teamId: null },
    });
  });

  it(`refuses no cases, more than ${MAX_BULK_CASES}, a case twice, or nothing to change`, () => {
    expect(refusal(() => checkBulkRequest([], { priority: 'LOW' })).details).toEqual([
      { path: 'caseIds', message: 'none given' },
    ]);
    expect(
      refusal(() =>
        checkBulkRequest(
          Array.from({ length: MAX_BULK_CASES + 1 }, (_, i) => `c${i}`),
          { priority: 'LOW' },
        ),
      ).reason,
    ).toBe('TOO_MANY_CASES');
    expect(refusal(() => checkBulkRequest(['a', 'a'], { priority: 'LOW' })).message).toBe(
      'A case is given twice',
    );
    expect(refusal(() => checkBulkRequest(['a'], { addTags: [] })).reason).toBe('NOTHING_TO_CHANGE');
  });
});
