import { type ParsedMail, simpleParser } from 'mailparser';
import { repairEightBitHeaders } from './eight-bit-headers';

/** What the SMTP transaction said, beside the message: MAIL FROM and RCPT TO. */
export interface InboundEnvelope {
  /** MAIL FROM's address; `''` for the null reverse path `<>` (bounces, auto-replies). */
  sender?: string;
  /** RCPT TO, which a Bcc or a forwarding hop leaves out of the headers. */
  recipients?: string[];
}

/**
 * The message as mailparser reads it (HTML read as text, no images inlined, no text turned into HTML), its
 * raw 8-bit headers in a legacy charset first made readable.
 */
export function parseInboundMail(raw: Buffer): Promise<ParsedMail> {
  return simpleParser(repairEightBitHeaders(normalizeLineEnds(raw)), {
    skipHtmlToText: false,
    skipImageLinks: true,
    skipTextToHtml: true,
  });
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A byte-order mark before the first header (some Windows tools write one) and old Mac line ends (CR alone)
 * hide every header from the parser; both are put right. Anything else is left byte for byte.
 */
export function normalizeLineEnds(raw: Buffer): Buffer {
  const unmarked = raw.subarray(0, 3).equals(BOM) ? raw.subarray(3) : raw;
  const head = unmarked.subarray(0, 64 * 1024);
  if (head.includes(0x0a) || !head.includes(0x0d)) return unmarked;
  return Buffer.from(unmarked.toString('latin1').replace(/\r/g, '\r\n'), 'latin1');
}

const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/**
 * Whom to answer: the From address, else (a From missing or unreadable) the envelope's sender, which
 * every server that relayed the message vouched for. Lower case; undefined when neither is an address.
 */
export function senderOf(mail: ParsedMail, envelope: InboundEnvelope): string | undefined {
  const candidates = [mail.from?.value[0]?.address, envelope.sender];
  for (const candidate of candidates) {
    const address = candidate?.trim().toLowerCase();
    if (address && ADDRESS.test(address)) return address;
  }
  return undefined;
}
