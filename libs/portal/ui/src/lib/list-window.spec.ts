import { listWindow, scrollToShow } from './list-window';

describe('list window', () => {
  const geometry = { viewportHeight: 900, listTop: 300, rowHeight: 40, total: 10_000, overscan: 5 };

  it('renders the rows on screen and a margin either side', () => {
    // At the top the list starts 300 px down: rows 0–15 are on screen.
    expect(listWindow({ ...geometry, scrollTop: 0 })).toEqual({ start: 0, end: 20 });
    // 4,300 px down: rows 100 to 123 are on screen.
    expect(listWindow({ ...geometry, scrollTop: 4_300 })).toEqual({ start: 95, end: 128 });
  });

  it('stops at the ends of the list', () => {
    expect(listWindow({ ...geometry, scrollTop: 1_000_000 })).toEqual({ start: 10_000, end: 10_000 });
    expect(listWindow({ ...geometry, total: 7, scrollTop: 0 })).toEqual({ start: 0, end: 7 });
    expect(listWindow({ ...geometry, total: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('holds a few dozen rows whatever the length of the list', () => {
    for (const scrollTop of [0, 12_345, 200_000, 399_000]) {
      const { start, end } = listWindow({ ...geometry, scrollTop });
      expect(end - start).toBeLessThanOrEqual(900 / 40 + 2 + 2 * 5);
    }
  });

  it('scrolls a row into view only when it is off screen, keeping a row of context', () => {
    const at = { viewportHeight: 900, listTop: 300, rowHeight: 40 };
    expect(scrollToShow(3, { ...at, scrollTop: 0 })).toBeNull();
    // Row 50 (top 2,300) is below the screen: bring it up with one row below it.
    expect(scrollToShow(50, { ...at, scrollTop: 0 })).toBe(2_300 + 80 - 900);
    // Row 10 (top 700) is above a page scrolled to 2,000: bring it down with one row above it.
    expect(scrollToShow(10, { ...at, scrollTop: 2_000 })).toBe(660);
  });
});
