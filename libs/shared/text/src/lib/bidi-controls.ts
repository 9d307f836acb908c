/** One of the characters that change the order text is displayed in, as staff should read it named. */
export interface BidiControl {
  /** The character itself. */
  character: string;
  /** `U+202E`. */
  codePoint: string;
  /** Unicode's name, `RIGHT-TO-LEFT OVERRIDE`. */
  name: string;
}

/**
 * Unicode's Bidi_Control characters: the marks, the embeddings and overrides, the isolates. In text that
 * comes from outside they make "invoice‮fdp.exe" look like "invoiceexe.pdf" (the "Trojan Source" trick,
 * CVE-2021-42574): the server takes them out of file names, and the portal shows them, never applies them,
 * wherever a requester's words reach staff. One list for both, so the two never disagree.
 */
export const BIDI_CONTROLS: ReadonlyMap<string, BidiControl> = new Map(
  (
    [
      [0x061c, 'ARABIC LETTER MARK'],
      [0x200e, 'LEFT-TO-RIGHT MARK'],
      [0x200f, 'RIGHT-TO-LEFT MARK'],
      [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
      [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
      [0x202c, 'POP DIRECTIONAL FORMATTING'],
      [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
      [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
      [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
      [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
      [0x2068, 'FIRST STRONG ISOLATE'],
      [0x2069, 'POP DIRECTIONAL ISOLATE'],
    ] as const
  ).map(([code, name]) => {
    const character = String.fromCodePoint(code);
    const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return [character, { character, codePoint, name }];
  }),
);

const ANY_BIDI_CONTROL = new RegExp(`[${[...BIDI_CONTROLS.keys()].join('')}]`, 'g');

export function hasBidiControls(text: string): boolean {
  return text.search(ANY_BIDI_CONTROL) >= 0;
}

export function removeBidiControls(text: string): string {
  return text.replace(ANY_BIDI_CONTROL, '');
}

/** The text in order, each bidi control apart as itself, for a display that names them. */
export function splitAtBidiControls(text: string): (string | BidiControl)[] {
  const parts: (string | BidiControl)[] = [];
  let start = 0;
  for (const match of text.matchAll(ANY_BIDI_CONTROL)) {
    if (match.index > start) parts.push(text.slice(start, match.index));
    parts.push(BIDI_CONTROLS.get(match[0])!);
    start = match.index + 1;
  }
  if (start < text.length || parts.length === 0) parts.push(text.slice(start));
  return parts;
}
