import axe from 'axe-core';

/**
 * Rules that judge what jsdom cannot show: it lays nothing out and paints nothing, so contrast (of text,
 * and of a link against the text around it) cannot be measured, nor whether a button's text is an icon
 * font's ligature (axe draws it on a canvas, which jsdom lacks). A browser run checks those.
 */
const NEEDS_LAYOUT = ['color-contrast', 'link-in-text-block', 'label-content-name-mismatch'];

/**
 * The accessibility violations axe-core finds in a rendered element (a TestBed fixture's, attached to the
 * document), as `id: help (n nodes)`: an empty list when there are none, so a spec can expect exactly that.
 */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, {
    rules: Object.fromEntries(NEEDS_LAYOUT.map((id) => [id, { enabled: false }])),
    resultTypes: ['violations'],
  });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`,
  );
}
