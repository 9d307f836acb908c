import { decode, encodingExists } from 'iconv-lite';

const ADDRESS_HEADERS = new Set(['from', 'to', 'cc', 'bcc', 'reply-to', 'sender']);

/**
 * Headers sent as raw 8-bit bytes in a legacy charset (GB2312, Big5, Shift_JIS, KOI8-R…) instead of
 * RFC 2047 encoded-words, as some mail programs still do: a parser reads them as UTF-8 and they come out
 * garbled, while the body (which names its charset) reads fine. When the header block is not valid UTF-8,
 * it is decoded with the charset the message declares first (the sender's program writes one charset
 * throughout) and each header holding non-ASCII text is rewritten with UTF-8 encoded-words. The body is
 * left as it is. Headers that are ASCII or valid UTF-8 (RFC 6532) are not touched.
 */
export function repairEightBitHeaders(raw: Buffer): Buffer {
  const end = headerEnd(raw);
  const header = raw.subarray(0, end);
  if (!header.some((byte) => byte >= 0x80) || isUtf8(header)) return raw;
  const charset = declaredCharset(raw);
  if (!charset) return raw;
  const lines = decode(header, charset)
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/);
  const rewritten = lines.map((line) => {
    const colon = line.indexOf(':');
    if (colon < 0 || !/[^\x00-\x7f]/.test(line)) return line;
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    return `${name}: ${ADDRESS_HEADERS.has(name.trim().toLowerCase()) ? encodeRuns(value) : encodedWord(value)}`;
  });
  return Buffer.concat([Buffer.from(rewritten.join('\r\n'), 'utf8'), raw.subarray(end)]);
}

function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const candidates = [crlf, lf].filter((index) => index >= 0);
  return candidates.length ? Math.min(...candidates) : raw.length;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The first `charset=` in the message that iconv knows (and that is not US-ASCII or UTF-8). */
function declaredCharset(raw: Buffer): string | undefined {
  const text = raw.subarray(0, 256 * 1024).toString('latin1');
  for (const match of text.matchAll(/charset\s*=\s*"?([\w.:-]+)"?/gi)) {
    const charset = match[1]!.toLowerCase();
    if (['us-ascii', 'ascii', 'utf-8', 'utf8'].includes(charset)) continue;
    // GB2312 mail is in practice GBK/GB18030 (its superset); decode as that so every character comes out.
    const effective = charset === 'gb2312' ? 'gb18030' : charset;
    if (encodingExists(effective)) return effective;
  }
  return undefined;
}

function encodedWord(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** In an address header only the words with non-ASCII letters are encoded; quotes around them go. */
function encodeRuns(value: string): string {
  return value
    .replace(/"([^"]*[^\x00-\x7f][^"]*)"/g, (_whole, inner: string) => encodedWord(inner))
    .replace(/[^\x00-\x7f\s<>,"]+(?:\s+[^\x00-\x7f\s<>,"]+)*/g, (run) => encodedWord(run));
}
