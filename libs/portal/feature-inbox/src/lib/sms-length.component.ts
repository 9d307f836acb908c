import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { smsSegments } from '@homeroom/shared/text';

const ENCODING_NAMES = { 'GSM-7': 'GSM-7', 'UCS-2': 'Unicode (UCS-2)' } as const;

/**
 * How a reply by text message will arrive: its characters, the messages it is split into and their
 * encoding, under the reply box while staff type. The count of characters changes at every key, so only
 * the messages and encoding are announced: a screen reader hears when the reply costs another message
 * or turns to Unicode, not each keystroke; the whole line is the reply box's description.
 */
@Component({
  selector: 'hr-sms-length',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'hint' },
  template: `{{ characters() }} · <span aria-live="polite" aria-atomic="true">{{ messages() }}</span>`,
})
export class SmsLengthComponent {
  /** The reply as typed so far. */
  readonly text = input.required<string>();
  private readonly length = computed(() => smsSegments(this.text()));
  protected readonly characters = computed(() => {
    // What staff count as characters: an emoji or "€" is one, whatever it costs the carrier.
    const count = [...this.text()].length;
    return count === 1 ? '1 character' : `${count} characters`;
  });
  protected readonly messages = computed(() => {
    const { segments, encoding } = this.length();
    const count = segments === 1 ? '1 text message' : `${segments} text messages`;
    return `${count} · ${ENCODING_NAMES[encoding]}`;
  });
}
