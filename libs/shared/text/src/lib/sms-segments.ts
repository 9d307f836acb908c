/**
 * How long a text message is as the carrier bills it: staff see it while they type a reply to a case
 * that came by text, so that a reply does not arrive as four messages, or in UCS-2 at less than half the
 * room, without anyone meaning it to. Shared, so that the portal's count and the services' never disagree.
 */
export interface SmsLength {
  /** GSM-7 while every character is in the GSM 03.38 tables; one character outside them makes it all UCS-2. */
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** Text messages it is sent as; 0 for no text. */
  segments: number;
  /** Units one of those messages holds: less once there are several (the concatenation header takes room). */
  perSegment: number;
  /** Units still free in the last message before another one starts. */
  remaining: number;
}

/**
 * The GSM 7-bit default alphabet, 3GPP TS 23.038 §6.2.1, one row of 16 code positions a line, so each can
 * be read against the standard's table by its position (0x00–0x7F). Position 0x1B is the escape to the
 * extension table, not a character, so it stands here as a space that `GSM_BASIC` leaves out.
 */
const GSM_BASIC_TABLE = [
  '@£$¥èéùìòÇ\nØø\rÅå', // 0x00 (0x0A line feed, 0x0D carriage return)
  'Δ_ΦΓΛΩΠΨΣΘΞ ÆæßÉ', // 0x10 (0x1B escape)
  ' !"#¤%&\'()*+,-./', // 0x20 (0x24 is ¤, not $: $ is 0x02)
  '0123456789:;<=>?', // 0x30
  '¡ABCDEFGHIJKLMNO', // 0x40
  'PQRSTUVWXYZÄÖÑÜ§', // 0x50
  '¿abcdefghijklmno', // 0x60
  'pqrstuvwxyzäöñüà', // 0x70
].join('');
const GSM_BASIC = new Set([...GSM_BASIC_TABLE].filter((_, code) => code !== 0x1b));

/**
 * The default alphabet extension table, 3GPP TS 23.038 §6.2.1.1: each is sent as the escape (0x1B) and
 * its own position, two septets, which is why "€" costs as much as "ab".
 */
const GSM_EXTENSION = new Set(['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€']);

/** 3GPP TS 23.040: 140 octets a message, less a 6-octet user data header once messages are joined. */
const LIMITS = {
  'GSM-7': { single: 160, joined: 153 },
  'UCS-2': { single: 70, joined: 67 },
} as const;

export function smsSegments(text: string): SmsLength {
  const characters = [...text];
  const gsm = characters.every((character) => GSM_BASIC.has(character) || GSM_EXTENSION.has(character));
  const encoding = gsm ? 'GSM-7' : 'UCS-2';
  // A character's units travel in one message: phones cannot rejoin an escape or a surrogate half that
  // the sender split from its character, so a message closes early rather than split one.
  const widths = characters.map((character) =>
    gsm ? (GSM_EXTENSION.has(character) ? 2 : 1) : character.length,
  );
  const units = widths.reduce((sum, width) => sum + width, 0);
  const { single, joined } = LIMITS[encoding];
  if (units <= single) {
    return { encoding, units, segments: units ? 1 : 0, perSegment: single, remaining: single - units };
  }
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > joined) {
      segments += 1;
      used = 0;
    }
    used += width;
  }
  return { encoding, units, segments, perSegment: joined, remaining: joined - used };
}
