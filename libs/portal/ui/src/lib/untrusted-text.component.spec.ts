/**
 * @jest-environment jsdom
 */
import { TestBed } from '@angular/core/testing';
import { revealBidiControls, UntrustedTextComponent } from './untrusted-text.component';

function render(text: string): HTMLElement {
  const fixture = TestBed.createComponent(UntrustedTextComponent);
  fixture.componentRef.setInput('text', text);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('hr-untrusted-text', () => {
  it('shows plain text exactly as it came, isolated from the text around it', () => {
    const element = render('  Bus 14   was late\nagain ');
    expect(element.querySelectorAll('bdi')).toHaveLength(1);
    expect(element.textContent).toBe('  Bus 14   was late\nagain ');
    expect(element.querySelector('abbr')).toBeNull();
  });

  it('shows each bidi control as a marker that names it, and applies none', () => {
    const element = render('invoice\u202efdp.exe');
    expect(element.textContent).toBe('invoice⟨U+202E⟩fdp.exe');
    expect(element.textContent).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    const marker = element.querySelector('bdi > abbr.bidi-control')!;
    expect(marker.textContent).toBe('⟨U+202E⟩');
    expect(marker.getAttribute('dir')).toBe('ltr');
    expect(marker.getAttribute('title')).toMatch(/^U\+202E RIGHT-TO-LEFT OVERRIDE: .*not applied/);
  });

  it('marks every control, the marks and isolates as well as the overrides', () => {
    const element = render('\u2067a\u061cb\u200e\u2069');
    expect(element.textContent).toBe('⟨U+2067⟩a⟨U+061C⟩b⟨U+200E⟩⟨U+2069⟩');
    expect([...element.querySelectorAll('abbr')].map((marker) => marker.textContent)).toEqual([
      '⟨U+2067⟩',
      '⟨U+061C⟩',
      '⟨U+200E⟩',
      '⟨U+2069⟩',
    ]);
  });

  it('follows its text when it changes', () => {
    const fixture = TestBed.createComponent(UntrustedTextComponent);
    fixture.componentRef.setInput('text', 'a\u202eb');
    fixture.detectChanges();
    fixture.componentRef.setInput('text', 'plain');
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toBe('plain');
  });

  it('gives attributes, which hold no markup, the same markers', () => {
    expect(revealBidiControls('invoice\u202efdp.exe')).toBe('invoice⟨U+202E⟩fdp.exe');
    expect(revealBidiControls('Lunch account')).toBe('Lunch account');
  });
});
