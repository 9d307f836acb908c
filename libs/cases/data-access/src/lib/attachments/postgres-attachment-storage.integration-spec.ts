import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { CASES_MIGRATIONS } from '../migrations';
import { AttachmentBlobMissingError, newStorageKey } from './attachment-storage';
import { FileSystemAttachmentStorage } from './file-system-attachment-storage';
import { PostgresAttachmentStorage } from './postgres-attachment-storage';
import { ReadThroughAttachmentStorage } from './read-through-attachment-storage';

describe('attachment storage in PostgreSQL', () => {
  let database: TestDatabase;
  let storage: PostgresAttachmentStorage;
  const CHUNK = 1000;

  beforeAll(async () => {
    database = await createTestDatabase('attachment_blobs', { migrations: CASES_MIGRATIONS });
    storage = new PostgresAttachmentStorage(database.dataSource, CHUNK);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const chunks = async (key: string) =>
    (
      (await database.dataSource.query(
        'SELECT chunk_index, length(content) AS n FROM case_attachment_blob WHERE storage_key = $1 ORDER BY 1',
        [key],
      )) as { chunk_index: number; n: number }[]
    ).map((row) => row.n);

  it('stores a buffer and a stream in chunks, reads them back byte for byte, and deletes them', async () => {
    const content = randomBytes(2 * CHUNK + 123);
    const [a, b, c] = [newStorageKey(), newStorageKey(), newStorageKey()];
    await storage.put(a, content);
    // Pieces that straddle chunk boundaries, as a socket would deliver them.
    await storage.put(
      b,
      Readable.from([content.subarray(0, 7), content.subarray(7, 1500), content.subarray(1500)]),
    );
    await storage.put(c, randomBytes(CHUNK));
    expect(await chunks(a)).toEqual([CHUNK, CHUNK, 123]);
    expect(await chunks(b)).toEqual([CHUNK, CHUNK, 123]);
    expect(await chunks(c)).toEqual([CHUNK]);
    expect((await buffer(await storage.get(a))).equals(content)).toBe(true);
    expect((await buffer(await storage.get(b))).equals(content)).toBe(true);
    expect(await storage.has(a)).toBe(true);
    await storage.delete(a);
    await storage.delete(a);
    expect(await storage.has(a)).toBe(false);
    await expect(storage.get(a)).rejects.toBeInstanceOf(AttachmentBlobMissingError);
    expect((await buffer(await storage.get(b))).equals(content)).toBe(true);
  });

  it('keeps an empty file as one empty chunk', async () => {
    const key = newStorageKey();
    await storage.put(key, Buffer.alloc(0));
    expect(await chunks(key)).toEqual([0]);
    expect((await buffer(await storage.get(key))).length).toBe(0);
  });

  it('writes all or nothing: a stream that fails half-way leaves no chunk', async () => {
    const key = newStorageKey();
    async function* failing() {
      yield randomBytes(CHUNK * 2);
      throw new Error('connection reset');
    }
    await expect(storage.put(key, Readable.from(failing()))).rejects.toThrow('connection reset');
    expect(await chunks(key)).toEqual([]);
    expect(await storage.has(key)).toBe(false);
  });

  it('reads one chunk per query, only as the consumer asks, and fails a file cut short rather than ending early', async () => {
    const content = randomBytes(5 * CHUNK);
    const key = newStorageKey();
    await storage.put(key, content);
    const queries = jest.spyOn(database.dataSource, 'query');
    const stream = await storage.get(key);
    expect(queries).toHaveBeenCalledTimes(1);
    // Nothing is fetched ahead of the reader: one chunk out, at most one more asked for.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(queries.mock.calls.length).toBeLessThanOrEqual(2);
    expect((await buffer(stream)).equals(content)).toBe(true);
    expect(queries).toHaveBeenCalledTimes(5);
    queries.mockRestore();

    const reading = await storage.get(key);
    await database.dataSource.query(
      'DELETE FROM case_attachment_blob WHERE storage_key = $1 AND chunk_index >= 3',
      [key],
    );
    await expect(buffer(reading)).rejects.toBeInstanceOf(AttachmentBlobMissingError);
  });

  it('refuses a key that is not one of ours before it nears the database', async () => {
    await expect(storage.put('../etc', Buffer.from('x'))).rejects.toThrow(
      'Not a valid attachment storage key',
    );
    await expect(storage.get("x' OR '1'='1")).rejects.toThrow('Not a valid attachment storage key');
  });

  it('reads through to an old directory for what is not in the database, and writes only to the database', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'homeroom-attachments-previous-'));
    try {
      const previous = new FileSystemAttachmentStorage(directory);
      const readThrough = new ReadThroughAttachmentStorage(storage, previous);
      const [oldKey, newKey] = [newStorageKey(), newStorageKey()];
      await previous.put(oldKey, Buffer.from('from before'));
      await readThrough.put(newKey, Buffer.from('new'));
      expect(await previous.has(newKey)).toBe(false);
      expect(await storage.has(newKey)).toBe(true);
      expect((await buffer(await readThrough.get(oldKey))).toString()).toBe('from before');
      expect((await buffer(await readThrough.get(newKey))).toString()).toBe('new');
      expect(await readThrough.has(oldKey)).toBe(true);
      await expect(readThrough.get(newStorageKey())).rejects.toBeInstanceOf(AttachmentBlobMissingError);
      await readThrough.delete(newKey);
      expect(await readThrough.has(newKey)).toBe(false);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
