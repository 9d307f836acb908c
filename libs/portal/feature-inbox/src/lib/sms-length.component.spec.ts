/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations } from '@homeroom/portal/ui/testing';
import { SmsLengthComponent } from './sms-length.component';

/** The reply box, described by the line under it, as the case page has them. */
@Component({
  imports: [SmsLengthComponent],
  template: `
    <label for="reply-body">Reply to the requester</label>
    <textarea id="reply-body" aria-describedby="reply-sms-length">{{ text() }}</textarea>
    <hr-sms-length id="reply-sms-length" [text]="text()" />
  `,
})
class ReplyBoxComponent {
  readonly text = signal('');
}

describe('the length of a reply by text message', () => {
  let fixture: ComponentFixture<ReplyBoxComponent>;
  const page = () => fixture.nativeElement as HTMLElement;
  const line = () => page().querySelector('hr-sms-length')!.textContent!.replace(/\s+/g, ' ').trim();
  const announced = () => page().querySelector('[aria-live="polite"]')!.textContent!.trim();

  function type(text: string): void {
    fixture.componentInstance.text.set(text);
    fixture.detectChanges();
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(ReplyBoxComponent);
    fixture.detectChanges();
  });

  it('counts characters, text messages and the encoding as staff type', () => {
    expect(line()).toBe('0 characters · 0 text messages · GSM-7');
    type('a'.repeat(142));
    expect(line()).toBe('142 characters · 1 text message · GSM-7');
    type('a'.repeat(161));
    expect(line()).toBe('161 characters · 2 text messages · GSM-7');
    // One Vietnamese letter outside the GSM alphabet turns the whole reply to Unicode: 67 a message.
    type(`Cảm ơn ${'a'.repeat(68)}`);
    expect(line()).toBe('75 characters · 2 text messages · Unicode (UCS-2)');
  });

  it('counts "€" and an emoji as one character each, whatever room they take in the message', () => {
    type('€');
    expect(line()).toBe('1 character · 1 text message · GSM-7');
    // 158 letters and "€" take 160 septets, a whole message; one more "€" needs a second.
    type(`${'a'.repeat(158)}€`);
    expect(line()).toBe('159 characters · 1 text message · GSM-7');
    type(`${'a'.repeat(158)}€€`);
    expect(line()).toBe('160 characters · 2 text messages · GSM-7');
    type('On our way 🚌');
    expect(line()).toBe('12 characters · 1 text message · Unicode (UCS-2)');
  });

  it('announces the messages and encoding politely, not each keystroke', async () => {
    type('Hello');
    const region = page().querySelector('[aria-live="polite"]')!;
    expect(announced()).toBe('1 text message · GSM-7');
    type('Hello, the bus is late');
    expect(page().querySelector('[aria-live="polite"]')).toBe(region);
    expect(announced()).toBe('1 text message · GSM-7');
    type('Hello, the bus is late 🚌');
    expect(announced()).toBe('1 text message · Unicode (UCS-2)');
    expect(region.getAttribute('aria-atomic')).toBe('true');
    expect(await axeViolations(page())).toEqual([]);
  });
});
