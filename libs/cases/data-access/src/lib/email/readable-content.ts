import type { Attachment, ParsedMail } from 'mailparser';
import { parseInboundMail } from './inbound-mail';
import { readTnef } from './tnef';

export interface EmailFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Forwarded messages inside forwarded messages: enough for any real thread, bounded for hostile mail. */
const MAX_FORWARD_DEPTH = 3;

/**
 * What a message says, as text a case can keep, and its files. A forwarded message (message/rfc822) is
 * read into the text under a "Forwarded message" heading, with its own files kept; a calendar invitation
 * (text/calendar) becomes its title, time, place and description, and Outlook's winmail.dat (TNEF) gives up
 * the files inside it. All three would otherwise be attachments the attachment policy refuses, and their
 * words and files lost.
 */
export async function readableContent(
  mail: ParsedMail,
  depth = 0,
): Promise<{ text: string; files: EmailFile[] }> {
  const parts = [(mail.text ?? '').trim()];
  const files: EmailFile[] = [];
  for (const attachment of mail.attachments) {
    const type = typeof attachment.contentType === 'string' ? attachment.contentType.toLowerCase() : '';
    if (type === 'message/rfc822' && depth < MAX_FORWARD_DEPTH) {
      const forwarded = await parseInboundMail(attachment.content);
      const inner = await readableContent(forwarded, depth + 1);
      parts.push(forwardedHeading(forwarded), inner.text);
      files.push(...inner.files);
    } else if (type === 'application/ms-tnef' || attachment.filename?.toLowerCase() === 'winmail.dat') {
      const tnef = tnefContent(attachment);
      if (tnef) {
        if (tnef.body && !parts[0]) parts.push(tnef.body);
        files.push(...tnef.files);
      } else files.push(asFile(attachment));
    } else if (type === 'text/calendar' || attachment.filename?.toLowerCase().endsWith('.ics')) {
      const invitation = calendarText(attachment.content.toString('utf8'));
      if (invitation) parts.push(invitation);
      else files.push(asFile(attachment));
    } else {
      files.push(asFile(attachment));
    }
  }
  return { text: parts.filter(Boolean).join('\n\n'), files };
}

/** Outlook's winmail.dat: its files (typed by name; the policy checks the bytes) and plain body, if readable. */
function tnefContent(attachment: Attachment): { body: string | undefined; files: EmailFile[] } | undefined {
  try {
    const { attachments, body } = readTnef(attachment.content);
    return {
      body,
      files: attachments.map(({ fileName, content }) => ({
        fileName,
        contentType: 'application/octet-stream',
        content,
      })),
    };
  } catch {
    return undefined;
  }
}

function asFile(attachment: Attachment): EmailFile {
  return {
    fileName: attachment.filename ?? 'attachment',
    // An empty `Content-Type: ; name="x.jpg"` arrives as false: the policy then judges by the name and bytes.
    contentType:
      typeof attachment.contentType === 'string' ? attachment.contentType : 'application/octet-stream',
    content: attachment.content,
  };
}

function forwardedHeading(mail: ParsedMail): string {
  const lines = ['---------- Forwarded message ----------'];
  if (mail.from?.text) lines.push(`From: ${mail.from.text}`);
  if (mail.date) lines.push(`Date: ${mail.date.toISOString()}`);
  if (mail.subject) lines.push(`Subject: ${mail.subject}`);
  return lines.join('\n');
}

/**
 * An iCalendar invitation's first event as text (RFC 5545: unfolded lines, escaped text values). Undefined
 * when it has no event.
 */
export function calendarText(ics: string): string | undefined {
  const lines = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim().toUpperCase() === 'BEGIN:VEVENT');
  if (start < 0) return undefined;
  const event = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (line.trim().toUpperCase() === 'END:VEVENT') break;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).split(';')[0]!.toUpperCase();
    if (!event.has(name)) event.set(name, unescapeText(line.slice(colon + 1)));
  }
  const described = [
    `Invitation: ${event.get('SUMMARY') ?? '(untitled)'}`,
    event.get('DTSTART') &&
      `When: ${calendarTime(event.get('DTSTART')!)}${event.get('DTEND') ? ` – ${calendarTime(event.get('DTEND')!)}` : ''}`,
    event.get('LOCATION') && `Where: ${event.get('LOCATION')}`,
    event.get('ORGANIZER') && `Organizer: ${event.get('ORGANIZER')!.replace(/^mailto:/i, '')}`,
    event.get('DESCRIPTION'),
  ];
  return described.filter(Boolean).join('\n');
}

function unescapeText(value: string): string {
  return value
    .replace(/\\n/gi, '\n')
    .replace(/\\([,;\\])/g, '$1')
    .trim();
}

/** `20261210T150000Z` → `2026-12-10 15:00 UTC`; a local or all-day value is shown as written. */
function calendarTime(value: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})\d{2}(Z?))?$/.exec(value.trim());
  if (!match) return value;
  const [, year, month, day, hour, minute, utc] = match;
  return hour ? `${year}-${month}-${day} ${hour}:${minute}${utc ? ' UTC' : ''}` : `${year}-${month}-${day}`;
}
