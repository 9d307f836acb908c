/**
 * TNEF streams (winmail.dat) for tests, written as [MS-OXTNEF] lays them out: the signature and key, then
 * attributes (level, id, length, data, checksum). Each attachment has its rendering data, short title, bytes
 * and, when given, a MAPI property list with its long file name (as Outlook writes names over 8.3).
 */
export interface TnefFile {
  title: string;
  longName?: string;
  content: Buffer;
}

const SIGNATURE = 0x223e9f78;

function attribute(level: number, id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.writeUInt8(level, 0);
  head.writeUInt32LE(id, 1);
  head.writeUInt32LE(data.length, 5);
  const checksum = Buffer.alloc(2);
  checksum.writeUInt16LE(
    data.reduce((sum, byte) => (sum + byte) & 0xffff, 0),
    0,
  );
  return Buffer.concat([head, data, checksum]);
}

function padded(data: Buffer): Buffer {
  return Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
}

/** A MAPI property list with one PT_UNICODE PR_ATTACH_LONG_FILENAME (0x3707) and one PT_LONG before it. */
function longNameProperties(name: string): Buffer {
  const text = Buffer.from(`${name}\0`, 'utf16le');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(2, 0);
  const long = Buffer.alloc(8);
  long.writeUInt16LE(0x0003, 0); // PT_LONG
  long.writeUInt16LE(0x0e21, 2); // PR_ATTACH_NUM
  long.writeUInt32LE(1, 4);
  const unicode = Buffer.alloc(12);
  unicode.writeUInt16LE(0x001f, 0); // PT_UNICODE
  unicode.writeUInt16LE(0x3707, 2); // PR_ATTACH_LONG_FILENAME
  unicode.writeUInt32LE(1, 4); // one value
  unicode.writeUInt32LE(text.length, 8);
  return Buffer.concat([header, long, unicode, padded(text)]);
}

export function tnefStream({ body, files }: { body?: string; files: TnefFile[] }): Buffer {
  const start = Buffer.alloc(6);
  start.writeUInt32LE(SIGNATURE, 0);
  start.writeUInt16LE(0x1234, 4);
  const parts = [start, attribute(0x01, 0x00089006, Buffer.from([0x00, 0x00, 0x01, 0x00]))]; // attTnefVersion
  if (body !== undefined) parts.push(attribute(0x01, 0x0001800c, Buffer.from(`${body}\0`, 'latin1')));
  for (const file of files) {
    parts.push(attribute(0x02, 0x00069002, Buffer.alloc(14))); // attAttachRendData starts an attachment
    parts.push(attribute(0x02, 0x00018010, Buffer.from(`${file.title}\0`, 'latin1')));
    parts.push(attribute(0x02, 0x0006800f, file.content));
    if (file.longName) parts.push(attribute(0x02, 0x00069005, longNameProperties(file.longName)));
  }
  return Buffer.concat(parts);
}
