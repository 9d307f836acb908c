import type { Language } from './language.service';

/** A file as the API's AttachmentInput takes it (the contact form's, an article's). */
export interface AttachmentInput {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

/**
 * The files the portal's forms accept (the contact form's, a help article's), written once for the portal. The server decides: this mirrors
 * ALLOWED_ATTACHMENT_TYPES and DEFAULT_ATTACHMENT_POLICY in libs/cases/domain/src/lib/attachment-policy.ts
 * (and ATTACHMENT_MAX_BYTES in apps/cases/src/config.ts), which the portal may not import (scope:cases).
 * Change both together. The check here only spares a family a long upload that would be refused; the
 * server still checks every file, and its refusals are shown too (`refusedFileProblem`).
 */
export const ACCEPTED_FILE_EXTENSIONS: readonly string[] = [
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'heic',
  'heif',
  'txt',
  'text',
  'log',
  'csv',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'rtf',
];

/** The file input's `accept`: extensions only (a MIME wildcard like image/* would offer SVG, which is refused). */
export const FILE_ACCEPT = ACCEPTED_FILE_EXTENSIONS.map((extension) => `.${extension}`).join(',');

/** The server's default ATTACHMENT_MAX_BYTES: 10 MiB per file. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type FileProblem = 'TOO_LARGE' | 'TYPE_NOT_ACCEPTED' | 'EMPTY' | 'UNREADABLE';

/** Why the server would refuse this file, as far as its name and size tell; null when it may be sent. */
export function fileProblem(file: { name: string; size: number }): FileProblem | null {
  const dot = file.name.lastIndexOf('.');
  const extension = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : '';
  if (!ACCEPTED_FILE_EXTENSIONS.includes(extension)) return 'TYPE_NOT_ACCEPTED';
  if (file.size === 0) return 'EMPTY';
  if (file.size > MAX_FILE_BYTES) return 'TOO_LARGE';
  return null;
}

/** The API's refusal of an attachment (extensions.reason, docs/api/errors.md), as a problem with the file. */
export function refusedFileProblem(error: unknown): FileProblem | null {
  const candidate = error as {
    errors?: { extensions?: { reason?: unknown } }[];
    graphQLErrors?: { extensions?: { reason?: unknown } }[];
  } | null;
  const reason = (candidate?.errors ?? candidate?.graphQLErrors)?.[0]?.extensions?.reason;
  switch (reason) {
    case 'ATTACHMENT_TOO_LARGE':
    case 'ATTACHMENTS_TOO_LARGE':
      return 'TOO_LARGE';
    case 'ATTACHMENT_EMPTY':
      return 'EMPTY';
    case 'ATTACHMENT_TYPE_NOT_ALLOWED':
      return 'TYPE_NOT_ACCEPTED';
    case 'ATTACHMENT_INVALID_BASE64':
      return 'UNREADABLE';
    default:
      return null;
  }
}

/** "850 kB", "2.4 MB" (Spanish: "2,4 MB"). */
export function formatFileSize(bytes: number, language: Language): string {
  const megabytes = bytes / (1024 * 1024);
  const [value, unit] = megabytes >= 1 ? [megabytes, 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** A multiple of 3 bytes, so no chunk but the last has base64 padding and the chunks join as one text. */
const BASE64_CHUNK_BYTES = 3 * 8 * 1024;

/**
 * Standard base64 with padding. Encoded a chunk at a time (`String.fromCharCode` over millions of
 * arguments overflows the stack) and the chunks joined once, rather than one string grown chunk by chunk.
 */
export function base64Of(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let start = 0; start < bytes.length; start += BASE64_CHUNK_BYTES)
    chunks.push(btoa(String.fromCharCode(...bytes.subarray(start, start + BASE64_CHUNK_BYTES))));
  return chunks.join('');
}

/** The file as the API's AttachmentInput; the server decides its type from its name and content. */
export async function attachmentInput(file: File): Promise<AttachmentInput> {
  return {
    fileName: file.name,
    contentType: file.type || 'application/octet-stream',
    contentBase64: base64Of(new Uint8Array(await file.arrayBuffer())),
  };
}
