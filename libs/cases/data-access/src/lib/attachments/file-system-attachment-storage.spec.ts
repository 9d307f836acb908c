import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { AttachmentBlobMissingError, newStorageKey } from './attachment-storage';
import { FileSystemAttachmentStorage } from './file-system-attachment-storage';

describe('FileSystemAttachmentStorage', () => {
  let root: string;
  let storage: FileSystemAttachmentStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'homeroom-attachments-'));
    storage = new FileSystemAttachmentStorage(join(root, 'store'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function filesUnder(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  }

  it('stores a buffer and a stream, reads them back, and deletes them', async () => {
    const [a, b] = [newStorageKey(), newStorageKey()];
    await storage.put(a, Buffer.from('hello'));
    await storage.put(b, Readable.from([Buffer.from('str'), Buffer.from('eam')]));
    expect(await text(await storage.get(a))).toBe('hello');
    expect(await text(await storage.get(b))).toBe('stream');
    expect((await filesUnder(join(root, 'store'))).sort()).toEqual([a, b].sort());
    const { mode } = await stat(join(root, 'store', a.slice(0, 2), a));
    expect(mode & 0o777).toBe(0o600);
    expect(await storage.has(a)).toBe(true);
    await storage.delete(a);
    await storage.delete(a); // Deleting twice is fine.
    expect(await storage.has(a)).toBe(false);
    await expect(storage.get(a)).rejects.toBeInstanceOf(AttachmentBlobMissingError);
    expect(await filesUnder(join(root, 'store'))).toEqual([b]);
  });

  it('leaves nothing behind when a write fails half-way', async () => {
    const key = newStorageKey();
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(storage.put(key, failing)).rejects.toThrow('connection reset');
    await expect(storage.get(key)).rejects.toBeInstanceOf(AttachmentBlobMissingError);
    expect(await filesUnder(join(root, 'store'))).toEqual([]);
  });

  it('replaces the content whole, never showing a reader a mix', async () => {
    const key = newStorageKey();
    await storage.put(key, Buffer.from('first version'));
    await storage.put(key, Buffer.from('second'));
    expect(await readFile(join(root, 'store', key.slice(0, 2), key), 'utf8')).toBe('second');
    expect(await filesUnder(join(root, 'store'))).toEqual([key]);
  });

  it.each([
    '../../etc/passwd',
    '..',
    'a/b',
    'a\\b',
    'short',
    `${'a'.repeat(20)}\u0000`,
    `..${'a'.repeat(20)}`,
    '/absolute/path/to/something',
  ])('refuses the key %j before it nears the filesystem', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow('Not a valid attachment storage key');
    await expect(storage.get(key)).rejects.toThrow('Not a valid attachment storage key');
    await expect(storage.delete(key)).rejects.toThrow('Not a valid attachment storage key');
    expect(await filesUnder(root)).toEqual([]);
  });
});
