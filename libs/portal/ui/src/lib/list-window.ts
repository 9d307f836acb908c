/**
 * Which rows of a long list of equal-height rows to render: those on screen and a margin either side.
 * The rest are stood in for by two spacers of the same height, so the page scrolls as if all were there
 * while the DOM holds a few dozen rows whatever the list's length.
 */
export interface ListWindow {
  /** The first row rendered. */
  start: number;
  /** One past the last row rendered. */
  end: number;
}

export interface ListGeometry {
  /** How far the page is scrolled (window.scrollY). */
  scrollTop: number;
  /** The viewport's height. */
  viewportHeight: number;
  /** Where the list's first row starts on the page (its top plus scrollY). */
  listTop: number;
  rowHeight: number;
  total: number;
  /** Rows rendered beyond each edge of the screen, so fast scrolling does not show blanks. */
  overscan: number;
}

export function listWindow(geometry: ListGeometry): ListWindow {
  const { scrollTop, viewportHeight, listTop, rowHeight, total, overscan } = geometry;
  if (total === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const firstOnScreen = Math.floor((scrollTop - listTop) / rowHeight);
  const lastOnScreen = Math.ceil((scrollTop + viewportHeight - listTop) / rowHeight);
  const start = clamp(firstOnScreen - overscan, 0, total);
  const end = clamp(lastOnScreen + overscan, start, total);
  return { start, end };
}

/** The scroll position that brings row `index` on screen with `margin` rows above it, or null if it is already. */
export function scrollToShow(
  index: number,
  geometry: Omit<ListGeometry, 'total' | 'overscan'>,
): number | null {
  const { scrollTop, viewportHeight, listTop, rowHeight } = geometry;
  const top = listTop + index * rowHeight;
  if (top >= scrollTop && top + rowHeight <= scrollTop + viewportHeight) return null;
  return top < scrollTop ? top - rowHeight : top + 2 * rowHeight - viewportHeight;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
