import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { AttachmentBlobMissingError, type AttachmentStorage, assertStorageKey } from './attachment-storage';

/** 1 MiB: a 100 MiB file (the configurable ceiling) is 100 rows, and a download holds about one at a time. */
export const DEFAULT_ATTACHMENT_CHUNK_BYTES = 1024 * 1024;

/**
 * Attachments in the cases service's own database (`case_attachment_blob`), so every replica reads what
 * any other wrote, backups cover them with the rows that point at them, and a district runs nothing new.
 *
 * A file is cut into chunks of `chunkBytes`, one row each, written in one transaction: a reader sees all of
 * them or none. A download reads chunk by chunk, each with its own short query, so it holds about one chunk
 * in memory and no pooled connection while the client is slow to take the bytes. The first chunk is read
 * before `get` returns (a missing file is known before any header is sent) with the index of the last, so
 * a file whose rows vanish mid-read (deleted meanwhile) ends in an error, never in a silently short file.
 */
export class PostgresAttachmentStorage implements AttachmentStorage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly chunkBytes = DEFAULT_ATTACHMENT_CHUNK_BYTES,
  ) {
    if (!Number.isInteger(chunkBytes) || chunkBytes < 1)
      throw new Error('chunkBytes must be a positive integer');
  }

  async put(key: string, content: Buffer | Readable): Promise<void> {
    assertStorageKey(key);
    await this.dataSource.transaction(async (manager) => {
      let index = 0;
      for await (const chunk of chunksOf(content, this.chunkBytes)) {
        await manager.query(
          'INSERT INTO case_attachment_blob (storage_key, chunk_index, content) VALUES ($1, $2, $3)',
          [key, index++, chunk],
        );
      }
      // An empty file still exists: one empty chunk says so.
      if (index === 0)
        await manager.query(
          'INSERT INTO case_attachment_blob (storage_key, chunk_index, content) VALUES ($1, 0, $2)',
          [key, Buffer.alloc(0)],
        );
    });
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    const [first] = (await this.dataSource.query(
      `SELECT content,
              (SELECT max(chunk_index) FROM case_attachment_blob WHERE storage_key = $1) AS last
         FROM case_attachment_blob
        WHERE storage_key = $1 AND chunk_index = 0`,
      [key],
    )) as { content: Buffer; last: number }[];
    if (!first) throw new AttachmentBlobMissingError(key);
    return new ChunkReader(first.content, first.last, async (index) => {
      const [row] = (await this.dataSource.query(
        'SELECT content FROM case_attachment_blob WHERE storage_key = $1 AND chunk_index = $2',
        [key, index],
      )) as { content: Buffer }[];
      if (!row) throw new AttachmentBlobMissingError(key);
      return row.content;
    });
  }

  async has(key: string): Promise<boolean> {
    assertStorageKey(key);
    const rows = (await this.dataSource.query(
      'SELECT 1 FROM case_attachment_blob WHERE storage_key = $1 AND chunk_index = 0',
      [key],
    )) as unknown[];
    return rows.length > 0;
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.dataSource.query('DELETE FROM case_attachment_blob WHERE storage_key = $1', [key]);
  }
}

/** The chunks of a file, one after the other; the next is fetched only when the consumer wants more. */
class ChunkReader extends Readable {
  private next = 0;

  constructor(
    private first: Buffer | null,
    private readonly last: number,
    private readonly fetch: (index: number) => Promise<Buffer>,
  ) {
    // One chunk is already more than the buffer wants, so `_read` is not called again until it is taken.
    super({ highWaterMark: 1 });
  }

  override _read(): void {
    const index = this.next++;
    if (index > this.last) {
      this.push(null);
      return;
    }
    const deliver = (chunk: Buffer) => {
      if (this.destroyed) return;
      if (chunk.length) this.push(chunk);
      if (index === this.last) this.push(null);
    };
    if (index === 0 && this.first) {
      const first = this.first;
      this.first = null;
      deliver(first);
      return;
    }
    this.fetch(index).then(deliver, (error: unknown) => this.destroy(error as Error));
  }
}

/** Exactly `size`-byte pieces (the last may be shorter) of a buffer, without copying, or of a stream. */
async function* chunksOf(content: Buffer | Readable, size: number): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(content)) {
    for (let offset = 0; offset < content.length; offset += size)
      yield content.subarray(offset, offset + size);
    return;
  }
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of content) {
    let buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as string);
    while (buffer.length) {
      const take = Math.min(size - pendingBytes, buffer.length);
      pending.push(buffer.subarray(0, take));
      pendingBytes += take;
      buffer = buffer.subarray(take);
      if (pendingBytes === size) {
        yield Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (pendingBytes) yield Buffer.concat(pending, pendingBytes);
}
