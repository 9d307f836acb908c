import sanitizeHtml from 'sanitize-html';

/**
 * What an article's HTML may hold: text structure, links and images, nothing that runs or restyles the
 * help center. Everything else is dropped (its text kept where that is harmless), so a pasted page or a
 * crafted payload becomes plain, safe markup. sanitize-html parses with htmlparser2 and rebuilds the
 * markup from this allowlist; it is not a filter over the input's text.
 */
export const ARTICLE_TAGS = [
  'h2',
  'h3',
  'h4',
  'p',
  'br',
  'hr',
  'strong',
  'em',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'blockquote',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'caption',
] as const;

export const ARTICLE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'width', 'height'],
  th: ['scope', 'colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
};

/** Links may go to web pages, mail and phones; images only come from the web over HTTPS. */
export const LINK_SCHEMES = ['https', 'http', 'mailto', 'tel'] as const;
export const IMAGE_SCHEMES = ['https'] as const;

/** Whose content is dropped with its element, not kept as text. */
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'math',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ARTICLE_TAGS],
  allowedAttributes: Object.fromEntries(
    Object.entries(ARTICLE_ATTRIBUTES).map(([tag, names]) => [tag, [...names]]),
  ),
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: [...IMAGE_SCHEMES] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  nonTextTags: DROPPED_WITH_CONTENT,
  disallowedTagsMode: 'discard',
  transformTags: {
    // A link leaves the help center without handing it the opener.
    a: (tagName, { href, ...attribs }) => ({
      tagName,
      attribs: { ...attribs, ...withUrl('href', href, LINK_SCHEMES, SITE_PATH), rel: 'noopener noreferrer' },
    }),
    img: (tagName, { src, ...attribs }) => ({
      tagName,
      attribs: { ...attribs, ...withUrl('src', src, IMAGE_SCHEMES, ARTICLE_FILE_PATH) },
    }),
  },
};

/** A path or a fragment on the district's site: where a link may also go. */
const SITE_PATH = /^(?:\/(?!\/)|#)/;
/** An article's own file (`articleFilePath`): the one site path an image may come from. */
const ARTICLE_FILE_PATH =
  /^\/attachments\/articles\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[^/?#]+$/i;

/**
 * The attribute, when its URL is one the help center may follow: absolute with an allowed scheme (as a
 * browser's URL parser reads it), or a path on this site of the kind allowed. Anything else is dropped,
 * however it was disguised (Unicode spaces, entities, mixed case): sanitize-html's own scheme check lets
 * some such values through as "relative".
 */
function withUrl(
  name: string,
  value: string | undefined,
  schemes: readonly string[],
  sitePaths: RegExp,
): Record<string, string> {
  const url = value?.trim();
  if (!url) return {};
  if (sitePaths.test(url) && !/[\s\\]/.test(url)) return { [name]: url };
  try {
    const parsed = new URL(url);
    if (schemes.includes(parsed.protocol.slice(0, -1))) return { [name]: parsed.href };
  } catch {
    // Not an absolute URL.
  }
  return {};
}

/** The article's HTML as the help center may show it. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Where one block of text ends in sanitized markup: its words are not run into the next block's. */
const BLOCK_END = /<\/(?:h2|h3|h4|p|li|td|th|caption|blockquote|pre)>|<br \/>|<hr \/>/g;

/** The article's words alone, for search and for the summary under its title. */
export function articleText(html: string): string {
  const spaced = sanitizeArticleHtml(html).replace(BLOCK_END, '$& ');
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The article's own files (`/attachments/articles/…`, the one site path its images may name) on the origin
 * clients reach them at: the portal and other readers are not always served from the API's origin. The
 * markup is the sanitizer's, whose attributes are always double-quoted; without an origin it is unchanged.
 */
export function articleFilesOn(html: string, origin: string): string {
  if (!origin) return html;
  return html.replace(
    /(\s(?:src|href)=")(\/attachments\/articles\/)/g,
    (_match, attribute: string, path: string) => `${attribute}${origin}${path}`,
  );
}
