/**
 * The files and plain text inside a TNEF stream (winmail.dat, application/ms-tnef: Outlook's rich-text mail
 * as Exchange sends it outside the organisation), after [MS-OXTNEF]. Only what a case keeps is read: each
 * attachment's name and bytes, and the message's plain-text body when it has one. A compressed-RTF-only
 * body is not converted (the files are still kept). A stream cut short keeps what came before the cut; one
 * that is not TNEF, or whose properties do not parse, throws, and the caller keeps the original file.
 */
export interface TnefContent {
  attachments: { fileName: string; content: Buffer }[];
  body: string | undefined;
  /** The stream ended inside an attribute: what came before it is kept. */
  truncated: boolean;
}

const SIGNATURE = 0x223e9f78;
const LEVEL_ATTACHMENT = 0x02;
const ATT_BODY = 0x0001800c;
const ATT_ATTACH_REND_DATA = 0x00069002;
const ATT_ATTACH_TITLE = 0x00018010;
const ATT_ATTACH_DATA = 0x0006800f;
const ATT_ATTACHMENT = 0x00069005;
const ATT_MSG_PROPS = 0x00069003;
const PR_ATTACH_LONG_FILENAME = 0x3707;
const PR_ATTACH_FILENAME = 0x3704;
const PR_ATTACH_DATA_BIN = 0x3701;
const PR_BODY = 0x1000;
const MAX_ATTACHMENTS = 100;

export function readTnef(data: Buffer): TnefContent {
  if (data.length < 6 || data.readUInt32LE(0) !== SIGNATURE) throw new Error('not a TNEF stream');
  let offset = 6;
  const attachments: { fileName: string; content: Buffer }[] = [];
  let current: { title?: string; longName?: string; content?: Buffer } | undefined;
  let body: string | undefined;
  let truncated = false;
  const finish = () => {
    if (current?.content) {
      attachments.push({
        fileName: current.longName || current.title || 'attachment',
        content: current.content,
      });
    }
    current = undefined;
  };
  while (offset + 9 <= data.length) {
    const level = data.readUInt8(offset);
    const id = data.readUInt32LE(offset + 1);
    const length = data.readUInt32LE(offset + 5);
    const start = offset + 9;
    if (start + length > data.length) {
      truncated = true;
      break;
    }
    const value = data.subarray(start, start + length);
    offset = start + length + 2; // the checksum
    if (id === ATT_ATTACH_REND_DATA) {
      finish();
      if (attachments.length >= MAX_ATTACHMENTS) throw new Error('too many TNEF attachments');
      current = {};
    } else if (level === LEVEL_ATTACHMENT && current) {
      if (id === ATT_ATTACH_TITLE) current.title = cString(value);
      else if (id === ATT_ATTACH_DATA) current.content = Buffer.from(value);
      else if (id === ATT_ATTACHMENT) {
        const props = mapiProperties(value);
        const name = props.get(PR_ATTACH_LONG_FILENAME) ?? props.get(PR_ATTACH_FILENAME);
        if (typeof name === 'string') current.longName = name;
        const bytes = props.get(PR_ATTACH_DATA_BIN);
        if (!current.content && Buffer.isBuffer(bytes)) current.content = bytes;
      }
    } else if (id === ATT_BODY) {
      body = cString(value);
    } else if (id === ATT_MSG_PROPS && body === undefined) {
      const text = mapiProperties(value).get(PR_BODY);
      if (typeof text === 'string') body = text;
    }
  }
  finish();
  return { attachments, body: body?.trim() || undefined, truncated };
}

function cString(value: Buffer): string {
  const end = value.indexOf(0);
  return value.subarray(0, end < 0 ? value.length : end).toString('latin1');
}

const FIXED_SIZES: Record<number, number> = {
  0x0002: 4, // PT_SHORT, padded
  0x0003: 4, // PT_LONG
  0x0004: 4, // PT_FLOAT
  0x0005: 8, // PT_DOUBLE
  0x0006: 8, // PT_CURRENCY
  0x0007: 8, // PT_APPTIME
  0x000a: 4, // PT_ERROR
  0x000b: 4, // PT_BOOLEAN, padded
  0x0014: 8, // PT_I8
  0x0040: 8, // PT_SYSTIME
  0x0048: 16, // PT_CLSID
};
const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;
const PT_OBJECT = 0x000d;
const MULTI = 0x1000;

/** A MAPI property list: strings, binaries and objects by property id (fixed-size values are skipped). */
function mapiProperties(data: Buffer): Map<number, string | Buffer> {
  const found = new Map<number, string | Buffer>();
  let offset = 0;
  const need = (bytes: number) => {
    if (offset + bytes > data.length) throw new Error('MAPI property runs past the end');
  };
  need(4);
  const count = data.readUInt32LE(offset);
  offset += 4;
  for (let i = 0; i < count && offset < data.length; i += 1) {
    need(4);
    const type = data.readUInt16LE(offset);
    const id = data.readUInt16LE(offset + 2);
    offset += 4;
    if (id >= 0x8000) {
      // A named property: its GUID, then a number or a name.
      need(20);
      const kind = data.readUInt32LE(offset + 16);
      offset += 20;
      if (kind === 0) offset += 4;
      else {
        need(4);
        const nameLength = data.readUInt32LE(offset);
        offset += 4 + padded(nameLength);
      }
    }
    const base = type & ~MULTI;
    const values =
      type & MULTI || [PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT].includes(base) ? readCount() : 1;
    for (let v = 0; v < values; v += 1) {
      const size = FIXED_SIZES[base];
      if (size !== undefined) {
        need(size);
        offset += size;
        continue;
      }
      if (![PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT].includes(base))
        throw new Error(`unknown MAPI type ${base}`);
      need(4);
      const length = data.readUInt32LE(offset);
      offset += 4;
      need(length);
      const value = data.subarray(offset, offset + length);
      offset += padded(length);
      if (v > 0 || found.has(id)) continue;
      if (base === PT_STRING8) found.set(id, cString(value));
      else if (base === PT_UNICODE) found.set(id, value.toString('utf16le').replace(/\0+$/, ''));
      else if (base === PT_OBJECT)
        found.set(id, Buffer.from(value.subarray(16))); // after the interface id
      else found.set(id, Buffer.from(value));
    }
  }
  return found;

  function readCount(): number {
    need(4);
    const n = data.readUInt32LE(offset);
    offset += 4;
    return n;
  }
}

function padded(length: number): number {
  return Math.ceil(length / 4) * 4;
}
