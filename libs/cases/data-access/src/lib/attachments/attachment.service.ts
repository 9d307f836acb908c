import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  type AttachmentCandidate,
  type AttachmentPolicy,
  decodeAttachments,
  type EncodedAttachment,
  sortEmailAttachments,
} from '@homeroom/cases/domain';
import { CaseAttachmentEntity } from '../entities';
import { ATTACHMENT_STORAGE, type AttachmentStorage, newStorageKey } from './attachment-storage';
import type { AttachmentRefusal, MessageAttachments, StoredAttachment } from './attachment-types';

export interface AttachmentSettings {
  policy: AttachmentPolicy;
}

export const ATTACHMENT_SETTINGS = Symbol('ATTACHMENT_SETTINGS');

/**
 * Files on case messages. The bytes are written to storage BEFORE the message's transaction and the rows
 * inside it (CaseWriter.message); if the transaction fails, the bytes are removed again. That order is on
 * purpose: a blob write cannot join a database transaction, and doing the (slow) file I/O while holding
 * the case's row lock would stall every other action on the case. Writing first means a crash between the
 * two leaves, at worst, an unreferenced blob (harmless, and removable by a sweep), never a row that points
 * at missing bytes. Keys are random, so removing a failed message's blob can never touch another's.
 */
@Injectable()
export class AttachmentService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(ATTACHMENT_SETTINGS) private readonly settings: AttachmentSettings,
  ) {}

  get policy(): AttachmentPolicy {
    return this.settings.policy;
  }

  /**
   * Base64 uploads (GraphQL): counted and size-checked before decoding, all refused if one breaks the
   * policy (nothing is written then); otherwise stored, and `work` writes the message with them.
   */
  async withUploads<T>(
    uploads: readonly EncodedAttachment[] | null | undefined,
    work: (attachments: MessageAttachments) => Promise<T>,
  ): Promise<T> {
    const files = decodeAttachments(uploads ?? [], this.settings.policy);
    return this.storedDuring(files, [], work);
  }

  /**
   * Files that came with an email or a text message: those the policy refuses are left out and reported
   * (with any the channel could not fetch, `unreceived`), and the message itself is kept.
   */
  async withReceivedAttachments<T>(
    candidates: readonly AttachmentCandidate[],
    work: (attachments: MessageAttachments) => Promise<T>,
    unreceived: readonly AttachmentRefusal[] = [],
  ): Promise<T> {
    const { accepted, refused } = sortEmailAttachments(candidates, this.settings.policy);
    return this.storedDuring(accepted, [...unreceived, ...refused], work);
  }

  /** The attachments of these messages, in one query, oldest first within each message. */
  async forMessages(messageIds: readonly string[]): Promise<Map<string, CaseAttachmentEntity[]>> {
    const byMessage = new Map<string, CaseAttachmentEntity[]>(messageIds.map((id) => [id, []]));
    if (!messageIds.length) return byMessage;
    const rows = await this.dataSource.getRepository(CaseAttachmentEntity).find({
      where: { messageId: In([...new Set(messageIds)]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const row of rows) byMessage.get(row.messageId)?.push(row);
    return byMessage;
  }

  findById(id: string): Promise<CaseAttachmentEntity | null> {
    return this.dataSource.getRepository(CaseAttachmentEntity).findOneBy({ id });
  }

  open(attachment: CaseAttachmentEntity): Promise<Readable> {
    return this.storage.get(attachment.storageKey);
  }

  private async storedDuring<T>(
    files: readonly (AttachmentCandidate & { contentType: string; sizeBytes: number })[],
    refused: readonly AttachmentRefusal[],
    work: (attachments: MessageAttachments) => Promise<T>,
  ): Promise<T> {
    const stored: StoredAttachment[] = [];
    try {
      for (const file of files) {
        const storageKey = newStorageKey();
        const content = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
        await this.storage.put(storageKey, content);
        stored.push({
          id: randomUUID(),
          fileName: file.fileName,
          contentType: file.contentType,
          sizeBytes: file.sizeBytes,
          sha256: createHash('sha256').update(content).digest('hex'),
          storageKey,
        });
      }
      return await work({ stored, refused });
    } catch (error) {
      // The message did not commit: its blobs must not outlive it.
      await Promise.all(
        stored.map(({ storageKey }) => this.storage.delete(storageKey).catch(() => undefined)),
      );
      throw error;
    }
  }
}
