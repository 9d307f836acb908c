import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { AttachmentBlobMissingError, type AttachmentStorage, assertStorageKey } from './attachment-storage';

/**
 * Attachments as files under one directory, sharded by the key's first two characters. A write goes to a
 * temporary file beside the target, is flushed to disk, then renamed into place (atomic on one
 * filesystem), so a crash leaves either the whole file or a stray `.tmp`, never a truncated attachment.
 * Keys are checked against a strict pattern and the resolved path must stay under the root, so no key can
 * reach outside it.
 */
export class FileSystemAttachmentStorage implements AttachmentStorage {
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
  }

  async put(key: string, content: Buffer | Readable): Promise<void> {
    const target = this.pathOf(key);
    const folder = resolve(target, '..');
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const temporary = join(folder, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temporary, 'wx', 0o600);
      try {
        if (Buffer.isBuffer(content)) await handle.writeFile(content);
        else for await (const chunk of content) await handle.write(chunk as Buffer);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AttachmentBlobMissingError(key);
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    const path = resolve(this.root, key.slice(0, 2), key);
    if (!path.startsWith(this.root + sep)) throw new Error('Attachment path outside the storage directory');
    return path;
  }
}
