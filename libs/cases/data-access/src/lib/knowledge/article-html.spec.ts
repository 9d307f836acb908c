import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFragment } from 'parse5';
import {
  ARTICLE_ATTRIBUTES,
  ARTICLE_TAGS,
  articleFilesOn,
  articleText,
  IMAGE_SCHEMES,
  LINK_SCHEMES,
  sanitizeArticleHtml,
} from './article-html';

/** DOMPurify's published attack payloads (fixtures/README.md). */
const PAYLOADS = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'dompurify-payloads.json'), 'utf8')) as {
  title: string;
  payload: string;
}[];

interface ParsedNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: ParsedNode[];
  content?: ParsedNode;
}

/**
 * Everything in the markup outside the allowlist (elements, attributes, URL schemes), as a browser would
 * parse it: parse5 implements the HTML standard's parsing algorithm.
 */
function outsideAllowlist(html: string): string[] {
  const found: string[] = [];
  const tags = new Set<string>(ARTICLE_TAGS);
  const visit = (node: ParsedNode): void => {
    if (node.attrs) {
      const name = node.nodeName;
      if (!tags.has(name)) found.push(`<${name}>`);
      const allowed = new Set(ARTICLE_ATTRIBUTES[name] ?? []);
      for (const { name: attribute, value } of node.attrs) {
        if (!allowed.has(attribute)) found.push(`<${name} ${attribute}>`);
        if (attribute === 'href' || attribute === 'src') {
          const schemes: readonly string[] = name === 'img' ? IMAGE_SCHEMES : LINK_SCHEMES;
          const scheme = /^([a-z][a-z0-9+.-]*):/.exec(value)?.[1];
          const onThisSite = attribute === 'href' && /^(\/(?!\/)|#)\S*$/.test(value);
          if (!onThisSite && !(scheme && schemes.includes(scheme)))
            found.push(`<${name} ${attribute}="${value}">`);
        }
      }
    }
    for (const child of [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])]) visit(child);
  };
  visit(parseFragment(html) as unknown as ParsedNode);
  return found;
}

describe("an article's HTML", () => {
  it('keeps the structure of an article: headings, lists, links, images, tables', () => {
    const html =
      '<h2>Snow days</h2><p>Check <a href="https://district.example/closures" title="Closures">closures</a> ' +
      'or call <a href="tel:+15555550100">the office</a>.</p><ul><li><strong>Buses</strong> run late</li></ul>' +
      '<img src="https://district.example/map.png" alt="Bus map"><table><tr><th scope="col">Day</th></tr></table>';
    expect(sanitizeArticleHtml(html)).toBe(
      '<h2>Snow days</h2><p>Check <a title="Closures" href="https://district.example/closures" rel="noopener noreferrer">closures</a> ' +
        'or call <a href="tel:+15555550100" rel="noopener noreferrer">the office</a>.</p><ul><li><strong>Buses</strong> run late</li></ul>' +
        '<img alt="Bus map" src="https://district.example/map.png" /><table><tr><th scope="col">Day</th></tr></table>',
    );
  });

  it('shows an image of the article’s own files by its path, and no other path of the site', () => {
    const own = '/attachments/articles/8a3c1f64-2f0b-4a7e-9d0c-6f1e2b3c4d5e/bus%20map.png';
    expect(sanitizeArticleHtml(`<img src="${own}" alt="Bus map">`)).toBe(
      `<img alt="Bus map" src="${own}" />`,
    );
    for (const src of [
      '/attachments/8a3c1f64-2f0b-4a7e-9d0c-6f1e2b3c4d5e?expires=1&signature=x',
      '/attachments/articles/not-an-id/x.png',
      '/attachments/articles/8a3c1f64-2f0b-4a7e-9d0c-6f1e2b3c4d5e/../../graphql',
      '/attachments/articles/8a3c1f64-2f0b-4a7e-9d0c-6f1e2b3c4d5e/x.png?signature=stolen',
      '//attachments/articles/8a3c1f64-2f0b-4a7e-9d0c-6f1e2b3c4d5e/x.png',
      '/api/logout',
    ])
      expect(sanitizeArticleHtml(`<img src="${src}">`)).toBe('<img />');
  });

  it('names its own files on the origin readers reach them at, and nothing else', () => {
    const html = sanitizeArticleHtml(
      '<p>See <a href="/attachments/articles/8a3c1f64-2f0b-4a7e-9d0c-6f1e2b3c4d5e/form.pdf">the form</a> and ' +
        '<a href="/help/snow">snow days</a>.</p><img src="/attachments/articles/8a3c1f64-2f0b-4a7e-9d0c-6f1e2b3c4d5e/map.png" alt="src=&quot;/attachments/articles/">',
    );
    const shown = articleFilesOn(html, 'https://help.district.org');
    expect(shown).toContain(
      'href="https://help.district.org/attachments/articles/8a3c1f64-2f0b-4a7e-9d0c-6f1e2b3c4d5e/form.pdf"',
    );
    expect(shown).toContain(
      'src="https://help.district.org/attachments/articles/8a3c1f64-2f0b-4a7e-9d0c-6f1e2b3c4d5e/map.png"',
    );
    expect(shown).toContain('href="/help/snow"');
    // Words that look like the attribute inside another attribute's value are left as they are.
    expect(shown).toContain('alt="src=&quot;/attachments/articles/"');
    expect(articleFilesOn(html, '')).toBe(html);
  });

  it('drops what runs or restyles, keeping harmless text', () => {
    expect(
      sanitizeArticleHtml(
        '<p onclick="steal()" style="color:red">Hi<script>alert(1)</script></p><a href="javascript:alert(1)">x</a>' +
          '<img src="http://tracker.example/p.gif"><iframe src="https://evil.example"></iframe><div>kept</div>',
      ),
    ).toBe('<p>Hi</p><a rel="noopener noreferrer">x</a><img />kept');
    // Disguised schemes and other sites' protocol-relative links lose their URL; this site's paths keep it.
    expect(
      sanitizeArticleHtml(
        '<a href="\u2028javascript:alert(1)">a</a><a href="JaVaScRiPt&#58;alert(1)">b</a>' +
          '<a href="//evil.example/x">c</a><a href="/help/snow-days#buses">d</a>',
      ),
    ).toBe(
      '<a rel="noopener noreferrer">a</a><a rel="noopener noreferrer">b</a><a rel="noopener noreferrer">c</a>' +
        '<a href="/help/snow-days#buses" rel="noopener noreferrer">d</a>',
    );
  });

  it(`lets nothing outside the allowlist through from DOMPurify's ${PAYLOADS.length} attack payloads`, () => {
    const escaped = PAYLOADS.map(({ title, payload }) => ({
      title,
      found: outsideAllowlist(sanitizeArticleHtml(payload)),
    })).filter(({ found }) => found.length > 0);
    expect(escaped).toEqual([]);
    // The check itself finds what it must: the payloads as given are full of it.
    expect(PAYLOADS.filter(({ payload }) => outsideAllowlist(payload).length > 0).length).toBeGreaterThan(
      150,
    );
  });

  it("gives the words alone, one block's apart from the next", () => {
    expect(
      articleText('<h2>Snow&nbsp;days</h2><p>Buses &amp; vans<br>run <em>late</em>.</p><script>x()</script>'),
    ).toBe('Snow days Buses & vans run late.');
  });
});
