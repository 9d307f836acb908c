import type { Readable } from 'node:stream';
import { AttachmentBlobMissingError, type AttachmentStorage } from './attachment-storage';

/**
 * The way from one storage to another without a pause: everything new is written to `primary`, and a file
 * not there yet is read from `previous` (the old attachment directory, which this never writes or deletes).
 * `copyAttachments` (the `copy-attachments` command) then moves the old files over at its own pace; once it
 * reports nothing left, `previous` can be unset and the directory removed.
 */
export class ReadThroughAttachmentStorage implements AttachmentStorage {
  constructor(
    readonly primary: AttachmentStorage,
    readonly previous: AttachmentStorage,
  ) {}

  put(key: string, content: Buffer | Readable): Promise<void> {
    return this.primary.put(key, content);
  }

  async get(key: string): Promise<Readable> {
    try {
      return await this.primary.get(key);
    } catch (error) {
      if (!(error instanceof AttachmentBlobMissingError)) throw error;
      return this.previous.get(key);
    }
  }

  async has(key: string): Promise<boolean> {
    return (await this.primary.has(key)) || this.previous.has(key);
  }

  /** Only new keys are ever deleted (a message that did not commit), and those are in `primary`. */
  delete(key: string): Promise<void> {
    return this.primary.delete(key);
  }
}
