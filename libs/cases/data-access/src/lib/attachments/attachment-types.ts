import type { AttachmentRefusalReason } from '@homeroom/cases/domain';

/** A file whose bytes are in storage, waiting for its row in the message's transaction. */
export interface StoredAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

/** A file that did not pass the policy (email only: uploads are refused whole). */
export interface AttachmentRefusal {
  fileName: string;
  reason: AttachmentRefusalReason;
  message: string;
}

/** What a new message carries: the files kept, and the ones refused, which the timeline records. */
export interface MessageAttachments {
  stored: readonly StoredAttachment[];
  refused: readonly AttachmentRefusal[];
}

export const NO_ATTACHMENTS: MessageAttachments = Object.freeze({ stored: [], refused: [] });
