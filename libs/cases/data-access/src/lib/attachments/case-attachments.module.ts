import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_ATTACHMENT_POLICY, type AttachmentPolicy } from '@homeroom/cases/domain';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage';
import { AttachmentUrlSigner } from './attachment-url';
import { ATTACHMENT_SETTINGS, AttachmentService } from './attachment.service';
import { ArticleFileService } from '../knowledge/article-files.service';
import { FileSystemAttachmentStorage } from './file-system-attachment-storage';
import { PostgresAttachmentStorage } from './postgres-attachment-storage';
import { ReadThroughAttachmentStorage } from './read-through-attachment-storage';

/**
 * Where the bytes go (ADR 20). `database`: the service's own PostgreSQL, which every replica shares; with
 * `previousDirectory`, files not in the database yet are read from that old directory (never written).
 * `filesystem`: one directory, for a single-machine install. `custom`: any other `AttachmentStorage` (an
 * object store, a test double).
 */
export type AttachmentStorageChoice =
  | { kind: 'database'; previousDirectory?: string; chunkBytes?: number }
  | { kind: 'filesystem'; directory: string }
  | { kind: 'custom'; storage: AttachmentStorage };

export interface CaseAttachmentsOptions {
  storage: AttachmentStorageChoice;
  policy?: Partial<AttachmentPolicy>;
  /** Signs download links; at least 32 characters. */
  urlSecret: string;
  /** How long a download link works. */
  urlTtlSeconds?: number;
  /** Where clients reach this service's `/attachments` route; empty for a same-origin path. */
  downloadBaseUrl?: string;
}

/** The storage a choice names; the database one needs the service's `DataSource`. */
export function attachmentStorageFor(
  choice: AttachmentStorageChoice,
  dataSource: DataSource,
): AttachmentStorage {
  switch (choice.kind) {
    case 'filesystem':
      return new FileSystemAttachmentStorage(choice.directory);
    case 'custom':
      return choice.storage;
    case 'database': {
      const database = new PostgresAttachmentStorage(dataSource, choice.chunkBytes);
      return choice.previousDirectory
        ? new ReadThroughAttachmentStorage(
            database,
            new FileSystemAttachmentStorage(choice.previousDirectory),
          )
        : database;
    }
  }
}

/**
 * Attachment storage, policy and download-link signing, for every module of the cases service; case files
 * and knowledge-base articles' files.
 */
@Module({})
export class CaseAttachmentsModule {
  static forRoot(options: CaseAttachmentsOptions): DynamicModule {
    const policy = { ...DEFAULT_ATTACHMENT_POLICY, ...options.policy };
    return {
      module: CaseAttachmentsModule,
      global: true,
      providers: [
        { provide: ATTACHMENT_SETTINGS, useValue: { policy } },
        {
          provide: ATTACHMENT_STORAGE,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => attachmentStorageFor(options.storage, dataSource),
        },
        {
          provide: AttachmentUrlSigner,
          useFactory: () =>
            new AttachmentUrlSigner(
              options.urlSecret,
              options.urlTtlSeconds ?? 900,
              options.downloadBaseUrl ?? '',
            ),
        },
        AttachmentService,
        ArticleFileService,
      ],
      exports: [
        ATTACHMENT_SETTINGS,
        ATTACHMENT_STORAGE,
        AttachmentUrlSigner,
        AttachmentService,
        ArticleFileService,
      ],
    };
  }
}
