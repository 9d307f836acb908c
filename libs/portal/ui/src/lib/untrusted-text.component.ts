import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type BidiControl, splitAtBidiControls } from '@homeroom/shared/text';

/** How a bidi control shows in text from outside: `⟨U+202E⟩`. */
export function bidiControlMarker(control: BidiControl): string {
  return `⟨${control.codePoint}⟩`;
}

/** The text with each bidi control shown as its marker, for attributes (a cell's title) that hold no markup. */
export function revealBidiControls(text: string): string {
  return splitAtBidiControls(text)
    .map((part) => (typeof part === 'string' ? part : bidiControlMarker(part)))
    .join('');
}

interface Part {
  text: string;
  control: { marker: string; explanation: string } | null;
}

/**
 * Words a requester wrote (a subject, a message, a file name, a comment) as staff should read them: isolated
 * from the text around them (`<bdi>`), and with each character that changes the order text is shown in
 * (Unicode's bidi controls, `@homeroom/shared/text`) shown as a marker, never applied. So "invoice‮fdp.exe"
 * cannot pass for "invoiceexe.pdf", and a right-to-left subject cannot reorder the row it sits in. The marker's
 * title says what the character is and why it shows.
 */
@Component({
  selector: 'hr-untrusted-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .bidi-control {
      font:
        600 0.8em ui-monospace,
        monospace;
      color: var(--danger, #a4201a);
      background: #fdecea;
      border-radius: 3px;
      padding: 0 0.15em;
      text-decoration: none;
      cursor: help;
    }
  `,
  // Each part is an element (or ng-container), so that the template's own whitespace is dropped, never shown.
  template: `<bdi>
    @for (part of parts(); track $index) {
      @if (part.control; as control) {
        <abbr class="bidi-control" dir="ltr" [title]="control.explanation">{{ control.marker }}</abbr>
      } @else {
        <ng-container>{{ part.text }}</ng-container>
      }
    }
  </bdi>`,
})
export class UntrustedTextComponent {
  readonly text = input.required<string>();
  protected readonly parts = computed<Part[]>(() =>
    splitAtBidiControls(this.text()).map((part) =>
      typeof part === 'string'
        ? { text: part, control: null }
        : {
            text: '',
            control: {
              marker: bidiControlMarker(part),
              explanation:
                `${part.codePoint} ${part.name}: a character that changes the order text is shown in. ` +
                'It is shown here and not applied, so the text reads in the order it was written.',
            },
          },
    ),
  );
}
