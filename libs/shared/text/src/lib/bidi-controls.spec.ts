import { BIDI_CONTROLS, hasBidiControls, removeBidiControls, splitAtBidiControls } from './bidi-controls';

const RLO = BIDI_CONTROLS.get('\u202e')!;
const LRM = BIDI_CONTROLS.get('\u200e')!;

describe('bidi controls', () => {
  it("are exactly Unicode's Bidi_Control characters, each with its code point and name", () => {
    const bidiControl = /^\p{Bidi_Control}$/u;
    const all: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (bidiControl.test(String.fromCodePoint(code))) all.push(String.fromCodePoint(code));
    }
    expect([...BIDI_CONTROLS.keys()]).toEqual(all);
    expect(RLO).toEqual({ character: '\u202e', codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE' });
    expect(BIDI_CONTROLS.get('\u061c')?.codePoint).toBe('U+061C');
  });

  it('finds and removes them, and nothing else', () => {
    expect(hasBidiControls('invoice\u202efdp.exe')).toBe(true);
    expect(hasBidiControls('مرحبا, Rosa: שלום 12')).toBe(false);
    expect(removeBidiControls('\u2067invoice\u202efdp.exe\u2069\u061c')).toBe('invoicefdp.exe');
    // Called again on the same pattern: a global regular expression must not carry state over.
    expect(hasBidiControls('a\u202eb')).toBe(true);
    expect(hasBidiControls('a\u202eb')).toBe(true);
  });

  it('splits text at each control, in order, keeping the rest as it is', () => {
    expect(splitAtBidiControls('invoice\u202efdp.exe')).toEqual(['invoice', RLO, 'fdp.exe']);
    expect(splitAtBidiControls('\u202e\u200eab')).toEqual([RLO, LRM, 'ab']);
    expect(splitAtBidiControls('ab\u202e')).toEqual(['ab', RLO]);
    expect(splitAtBidiControls('Bus 14 was late')).toEqual(['Bus 14 was late']);
    expect(splitAtBidiControls('')).toEqual(['']);
  });
});
