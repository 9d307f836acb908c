import { mergeTags, normalizeTag } from './case-tags';

describe('case tags', () => {
  it('spells a tag one way however it was typed', () => {
    expect(normalizeTag('  Bus 14 ')).toBe('bus-14');
    expect(normalizeTag('Transporte_Escolar')).toBe('transporte-escolar');
    expect(normalizeTag('Niño')).toBe('niño');
  });

  it('refuses what is not a tag, with a stable reason', () => {
    for (const bad of ['', '   ', '#urgent', 'a'.repeat(41), '-lead']) {
      expect(() => normalizeTag(bad)).toThrow(expect.objectContaining({ reason: 'INVALID_TAG' }));
    }
  });

  it('adds and removes without duplicates, keeping order', () => {
    expect(mergeTags(['bus-14', 'late'], ['Late', 'Route 9'], ['bus-14'])).toEqual(['late', 'route-9']);
  });

  it('caps the number of tags on a case', () => {
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(() => mergeTags([], many)).toThrow(expect.objectContaining({ reason: 'TOO_MANY_TAGS' }));
  });
});
