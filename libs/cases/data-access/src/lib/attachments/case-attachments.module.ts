import { type DynamicModule, Module } from '@nestjs/common';
import { DEFAULT_ATTACHMENT_POLICY, type AttachmentPolicy } from '@homeroom/cases/domain';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage';
import { AttachmentUrlSigner } from './attachment-url';
import { ATTACHMENT_SETTINGS, AttachmentService } from './attachment.service';
import { FileSystemAttachmentStorage } from './file-system-attachment-storage';

export interface CaseAttachmentsOptions {
  /** The filesystem storage's directory; ignored when `storage` is given. */
  directory: string;
  /** Another backend (an object store); the filesystem under `directory` when absent. */
  storage?: AttachmentStorage;
  policy?: Partial<AttachmentPolicy>;
  /** Signs download links; at least 32 characters. */
  urlSecret: string;
  /** How long a download link works. */
  urlTtlSeconds?: number;
  /** Where clients reach this service's `/attachments` route; empty for a same-origin path. */
  downloadBaseUrl?: string;
}

/** Attachment storage, policy and download-link signing, for every module of the cases service. */
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
          useFactory: () => options.storage ?? new FileSystemAttachmentStorage(options.directory),
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
      ],
      exports: [ATTACHMENT_SETTINGS, ATTACHMENT_STORAGE, AttachmentUrlSigner, AttachmentService],
    };
  }
}
