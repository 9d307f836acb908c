import {
  fileParts,
  isUtf8,
  setSizeProblem,
  UPLOAD_MAX_BYTES,
  UPLOAD_PART_BYTES,
  UPLOAD_PART_MAX_BYTES,
} from './file-parts';

describe('cutting a file into parts', () => {
  it('cuts at the part size, the last part holding the rest', () => {
    expect(fileParts(10, 4)).toEqual([
      { part: 0, start: 0, end: 4 },
      { part: 1, start: 4, end: 8 },
      { part: 2, start: 8, end: 10 },
    ]);
    expect(fileParts(8, 4)).toEqual([
      { part: 0, start: 0, end: 4 },
      { part: 1, start: 4, end: 8 },
    ]);
  });

  it('sends an empty file as one empty part, so the server sees it', () => {
    expect(fileParts(0, 4)).toEqual([{ part: 0, start: 0, end: 0 }]);
  });

  it('sends parts of 4 MiB by default, within the 8 MiB the API takes, and refuses a size it would not', () => {
    expect(UPLOAD_PART_BYTES).toBe(4 * 1024 * 1024);
    expect(fileParts(UPLOAD_PART_BYTES + 1)).toEqual([
      { part: 0, start: 0, end: UPLOAD_PART_BYTES },
      { part: 1, start: UPLOAD_PART_BYTES, end: UPLOAD_PART_BYTES + 1 },
    ]);
    expect(fileParts(UPLOAD_PART_MAX_BYTES, UPLOAD_PART_MAX_BYTES)).toHaveLength(1);
    expect(() => fileParts(10, UPLOAD_PART_MAX_BYTES + 1)).toThrow(
      'A part holds from 1 to 8388608 bytes, not 8388609',
    );
    expect(() => fileParts(10, 0)).toThrow(RangeError);
  });
});

describe('checking a file is UTF-8, a slice at a time', () => {
  const blob = (...bytes: number[]) => new Blob([new Uint8Array(bytes)]);

  it('takes UTF-8 even when a character is cut between two slices', async () => {
    // "José": é is 0xc3 0xa9, cut by slices of 2 bytes after 0xc3.
    expect(await isUtf8(blob(0x4a, 0x6f, 0x73, 0xc3, 0xa9), 2)).toBe(true);
    expect(await isUtf8(blob(0xef, 0xbb, 0xbf, 0x61), 1)).toBe(true);
    expect(await isUtf8(blob(), 2)).toBe(true);
  });

  it('refuses other encodings, in any slice, and a character left unfinished at the end', async () => {
    expect(await isUtf8(blob(0x61, 0x62, 0x63, 0x4a, 0x6f, 0x73, 0xe9), 2)).toBe(false); // Windows-1252 é
    expect(await isUtf8(blob(0x4a, 0x6f, 0x73, 0xc3), 2)).toBe(false);
  });

  it('reports a file that cannot be read as such, not as another encoding', async () => {
    const unreadable = { size: 4, slice: () => ({ arrayBuffer: () => Promise.reject(new Error('gone')) }) };
    await expect(isUtf8(unreadable as unknown as Blob, 2)).rejects.toThrow('gone');
  });
});

describe('the size of a set', () => {
  it('takes up to 1 GiB, and says what to do with more', () => {
    expect(setSizeProblem(UPLOAD_MAX_BYTES)).toBeNull();
    expect(setSizeProblem(UPLOAD_MAX_BYTES + 1)).toBe(
      'These files come to 1024.1 MB; a set uploaded here holds at most 1 GB. Ask your IT team to load it ' +
        'with the command-line import (npm run import:oneroster).',
    );
  });
});
