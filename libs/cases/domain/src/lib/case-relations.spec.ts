import { assertLinkable, assertMergeable, type MergeCandidate } from './case-relations';

const open = (id: string, extra: Partial<MergeCandidate> = {}): MergeCandidate => ({
  id,
  status: 'OPEN',
  confidential: false,
  mergedIntoId: null,
  ...extra,
});

describe('merging and linking cases', () => {
  it('merges an ordinary case into another open one', () => {
    expect(() => assertMergeable(open('a'), open('b'))).not.toThrow();
    expect(() => assertMergeable(open('a', { status: 'RESOLVED' }), open('b'))).not.toThrow();
  });

  it('refuses self-merges, chains, closed targets and the confidentiality line', () => {
    const reason = (source: MergeCandidate, target: MergeCandidate) => {
      try {
        assertMergeable(source, target);
        return 'none';
      } catch (error) {
        return (error as { reason?: string }).reason;
      }
    };
    expect(reason(open('a'), open('a'))).toBe('MERGE_INTO_SELF');
    expect(reason(open('a', { mergedIntoId: 'c' }), open('b'))).toBe('ALREADY_MERGED');
    expect(reason(open('a'), open('b', { mergedIntoId: 'c' }))).toBe('TARGET_MERGED');
    expect(reason(open('a'), open('b', { status: 'CLOSED' }))).toBe('TARGET_CLOSED');
    expect(reason(open('a', { confidential: true }), open('b'))).toBe('CONFIDENTIALITY_MISMATCH');
  });

  it('refuses a link from a case to itself', () => {
    expect(() => assertLinkable('a', 'a')).toThrow(expect.objectContaining({ reason: 'LINK_TO_SELF' }));
    expect(() => assertLinkable('a', 'b')).not.toThrow();
  });
});
