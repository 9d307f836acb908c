/**
 * A OneRoster set travels to the API in parts: each file cut into slices of bytes, each slice sent as
 * base64 in its own request (`addRosterImportFilePart`), numbered from 0 per file. Nothing here holds a
 * whole file in memory: a 200 MB users.csv is read, checked and encoded one slice at a time.
 */
import { formatBytes } from '../formats';

/** The most a part may hold: the API refuses larger ones (UPLOAD_PART_MAX_BYTES of the directory). */
export const UPLOAD_PART_MAX_BYTES = 8 * 1024 * 1024;

/**
 * The part the portal sends: half the most the API takes, so that one request (5.6 MB as base64) stays well
 * within the gateway's 15 seconds on a school's slower uplink, and the progress bar moves more often.
 */
export const UPLOAD_PART_BYTES = 4 * 1024 * 1024;

/** The most a set may hold in all (UPLOAD_MAX_BYTES of the directory). */
export const UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;

/** One part of a file: its number and the bytes it covers, `start` to `end` (exclusive). */
export interface FilePart {
  part: number;
  start: number;
  end: number;
}

/**
 * The parts a file of `size` bytes is sent in. An empty file is still one (empty) part: the server must see
 * the file, which it refuses if bulk (EMPTY_BULK_FILE) rather than taking it for missing.
 */
export function fileParts(size: number, partBytes: number = UPLOAD_PART_BYTES): FilePart[] {
  if (!Number.isInteger(partBytes) || partBytes < 1 || partBytes > UPLOAD_PART_MAX_BYTES)
    throw new RangeError(`A part holds from 1 to ${UPLOAD_PART_MAX_BYTES} bytes, not ${partBytes}`);
  const parts: FilePart[] = [];
  for (let start = 0, part = 0; start < size || part === 0; start += partBytes, part += 1)
    parts.push({ part, start, end: Math.min(start + partBytes, size) });
  return parts;
}

/** The bytes of a slice of a file. */
export async function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** How much of a file is read at once to check its encoding. */
export const CHECK_SLICE_BYTES = 4 * 1024 * 1024;

/**
 * True when the whole file is UTF-8 text. The server refuses a file that is not (INVALID_ENCODING), but only
 * after the upload; reading the file here takes a second where sending it takes minutes, so the portal checks
 * first. It reads a slice at a time through a streaming decoder, which carries a character cut between two
 * slices over to the next: memory stays at one slice, whatever the file's size.
 */
export async function isUtf8(blob: Blob, sliceBytes: number = CHECK_SLICE_BYTES): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decodes = (bytes?: Uint8Array) => {
    try {
      // Without bytes: the end, where a character left unfinished is an error too.
      if (bytes) decoder.decode(bytes, { stream: true });
      else decoder.decode();
      return true;
    } catch {
      return false;
    }
  };
  // A file that cannot be read (changed or removed since it was chosen) throws: it is not an encoding problem.
  for (let start = 0; start < blob.size; start += sliceBytes)
    if (!decodes(await readBytes(blob.slice(start, start + sliceBytes)))) return false;
  return decodes();
}

/** Why a set of this size cannot be uploaded, or null when it can. */
export function setSizeProblem(bytes: number): string | null {
  if (bytes <= UPLOAD_MAX_BYTES) return null;
  return (
    `These files come to ${formatBytes(bytes)}; a set uploaded here holds at most 1 GB. Ask your IT team to ` +
    'load it with the command-line import (npm run import:oneroster).'
  );
}
