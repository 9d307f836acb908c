import { InvalidInputException } from '@homeroom/shared/errors';
import { removeBidiControls } from '@homeroom/shared/text';

/**
 * What a file must be to join a case message. Pure: the byte-level checks read only the first bytes of
 * the content. Every intake path (email, the public form, staff replies) applies the same rules; a
 * GraphQL upload that breaks one is refused with `InvalidInputException` (nothing is written), an email
 * attachment that breaks one is skipped and the refusal is put on the case's timeline.
 */
export interface AttachmentPolicy {
  /** Bytes per file. */
  maxBytes: number;
  /** Files per message. */
  maxFiles: number;
  /** Bytes of all of one message's files together. */
  maxTotalBytes: number;
}

/** The largest `maxBytes` a deployment may configure (ATTACHMENT_MAX_BYTES). */
export const MAX_CONFIGURABLE_ATTACHMENT_BYTES = 100 * 1024 * 1024;

/**
 * The longest base64 text any configuration could accept for one file: the API's bound on the string, so
 * that the policy (which checks the configured size from the length before decoding) has the last word.
 */
export const MAX_ATTACHMENT_BASE64_LENGTH = Math.ceil(MAX_CONFIGURABLE_ATTACHMENT_BYTES / 3) * 4;

export const DEFAULT_ATTACHMENT_POLICY: AttachmentPolicy = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 10,
  maxTotalBytes: 25 * 1024 * 1024,
});

export const ATTACHMENT_REFUSALS = {
  TOO_LARGE: 'ATTACHMENT_TOO_LARGE',
  TOTAL_TOO_LARGE: 'ATTACHMENTS_TOO_LARGE',
  TOO_MANY: 'TOO_MANY_ATTACHMENTS',
  TYPE_NOT_ALLOWED: 'ATTACHMENT_TYPE_NOT_ALLOWED',
  EMPTY: 'ATTACHMENT_EMPTY',
  INVALID_BASE64: 'ATTACHMENT_INVALID_BASE64',
  /** A text message's file the provider would not hand over (or not in time): the message is kept without it. */
  NOT_RECEIVED: 'ATTACHMENT_NOT_RECEIVED',
} as const;

export type AttachmentRefusalReason = (typeof ATTACHMENT_REFUSALS)[keyof typeof ATTACHMENT_REFUSALS];

type Signature = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'heic' | 'zip' | 'ole' | 'rtf';

interface AllowedType {
  extensions: readonly string[];
  /** The content must start like this; absent for text, which must merely be text. */
  signature?: Signature;
}

/**
 * The allow-list, by content type. The stored (and later served) type is always the one this list gives
 * for the file's extension, never the type the sender claimed: a sender cannot make us serve `text/html`.
 */
export const ALLOWED_ATTACHMENT_TYPES: Readonly<Record<string, AllowedType>> = Object.freeze({
  'application/pdf': { extensions: ['pdf'], signature: 'pdf' },
  'image/png': { extensions: ['png'], signature: 'png' },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], signature: 'jpeg' },
  'image/gif': { extensions: ['gif'], signature: 'gif' },
  'image/webp': { extensions: ['webp'], signature: 'webp' },
  'image/heic': { extensions: ['heic', 'heif'], signature: 'heic' },
  'text/plain': { extensions: ['txt', 'text', 'log'] },
  'text/csv': { extensions: ['csv'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: ['docx'],
    signature: 'zip',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extensions: ['xlsx'],
    signature: 'zip',
  },
  'application/msword': { extensions: ['doc'], signature: 'ole' },
  'application/vnd.ms-excel': { extensions: ['xls'], signature: 'ole' },
  'application/rtf': { extensions: ['rtf'], signature: 'rtf' },
});

/** Named so the refusal can say why; anything not on the allow-list is refused anyway. */
export const DANGEROUS_EXTENSIONS: ReadonlySet<string> = new Set([
  'exe', 'dll', 'com', 'scr', 'pif', 'cpl', 'sys', 'msi', 'msp', 'bat', 'cmd', 'ps1', 'psm1', 'vbs',
  'vbe', 'js', 'jse', 'mjs', 'cjs', 'wsf', 'wsh', 'hta', 'jar', 'lnk', 'reg', 'sh', 'app', 'apk', 'dmg',
  'iso', 'html', 'htm', 'xhtml', 'shtml', 'mht', 'mhtml', 'svg', 'svgz', 'xml', 'swf', 'php', 'py',
  'docm', 'dotm', 'xlsm', 'xltm', 'pptm',
]); // prettier-ignore

const TYPE_BY_EXTENSION = new Map(
  Object.entries(ALLOWED_ATTACHMENT_TYPES).flatMap(([type, { extensions }]) =>
    extensions.map((extension) => [extension, type] as const),
  ),
);

const TYPE_ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/heif': 'image/heic',
  'text/rtf': 'application/rtf',
  'application/x-pdf': 'application/pdf',
};

export const MAX_FILE_NAME_LENGTH = 200;

/**
 * A name safe to store and to put in a Content-Disposition header: the last path segment only, no
 * control, bidirectional-control or reserved characters, no leading dots, at most 200 characters with
 * the extension kept.
 *
 * A name with bidi controls (which make "invoice‮fdp.exe" look like "invoiceexe.pdf") is renamed, not
 * refused: without them it reads as what it is, and the policy's type checks judge that name. Refusing
 * would lose real files: some systems put direction marks in names they make (dates formatted for
 * right-to-left languages), and a mail is never refused over an attachment anyway.
 */
export function sanitizeFileName(name: string): string {
  const lastSegment = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let clean = removeBidiControls(lastSegment)
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[<>:"|?*;]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (clean.length > MAX_FILE_NAME_LENGTH) {
    const dot = clean.lastIndexOf('.');
    const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, MAX_FILE_NAME_LENGTH - extension.length).trimEnd() + extension;
  }
  return clean || 'attachment';
}

export function fileExtension(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : null;
}

/** The content type without parameters, lower case, aliases resolved. */
export function normalizeContentType(contentType: string | null | undefined | false): string | null {
  // Mail parsers give `false` for an empty `Content-Type: ; name="x.jpg"` (seen in published mail).
  if (typeof contentType !== 'string') return null;
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  if (!type) return null;
  return TYPE_ALIASES[type] ?? type;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((byte, i) => bytes[offset + i] === byte);
}

const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** What the first bytes say the content is, for the signatures this policy knows. */
export function sniffSignature(bytes: Uint8Array): Signature | 'executable' | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (HEIC_BRANDS.has(brand)) return 'heic';
  }
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, ascii('{\\rtf'))) return 'rtf';
  if (
    startsWith(bytes, ascii('MZ')) || // Windows PE
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || // Mach-O 64
    startsWith(bytes, [0xce, 0xfa, 0xed, 0xfe]) || // Mach-O 32
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe]) || // Mach-O universal, Java class
    startsWith(bytes, ascii('#!')) // a script
  ) {
    return 'executable';
  }
  return null;
}

/** Text has no NUL bytes (every executable and binary format the allow-list excludes has some). */
function looksLikeText(bytes: Uint8Array): boolean {
  return !bytes.subarray(0, 64 * 1024).includes(0);
}

export interface AttachmentCandidate {
  fileName: string;
  /** What the sender claimed; only consulted when the name has no extension. */
  contentType?: string | null;
  content: Uint8Array;
}

export type AttachmentVerdict =
  | { ok: true; fileName: string; contentType: string; sizeBytes: number }
  | { ok: false; fileName: string; reason: AttachmentRefusalReason; message: string };

/** One file against the policy: its sanitised name and the type it will be stored and served as, or why not. */
export function evaluateAttachment(
  candidate: AttachmentCandidate,
  policy: AttachmentPolicy = DEFAULT_ATTACHMENT_POLICY,
): AttachmentVerdict {
  const fileName = sanitizeFileName(candidate.fileName);
  const refuse = (reason: AttachmentRefusalReason, message: string): AttachmentVerdict => ({
    ok: false,
    fileName,
    reason,
    message,
  });
  const sizeBytes = candidate.content.byteLength;
  if (sizeBytes > policy.maxBytes)
    return refuse(ATTACHMENT_REFUSALS.TOO_LARGE, `${fileName} is larger than ${policy.maxBytes} bytes`);
  if (sizeBytes === 0) return refuse(ATTACHMENT_REFUSALS.EMPTY, `${fileName} is empty`);
  const extension = fileExtension(fileName);
  if (extension && DANGEROUS_EXTENSIONS.has(extension))
    return refuse(ATTACHMENT_REFUSALS.TYPE_NOT_ALLOWED, `.${extension} files are not accepted`);
  const sniffed = sniffSignature(candidate.content);
  if (sniffed === 'executable')
    return refuse(ATTACHMENT_REFUSALS.TYPE_NOT_ALLOWED, `${fileName} is a program, which is not accepted`);
  const claimed = normalizeContentType(candidate.contentType);
  const contentType = extension
    ? TYPE_BY_EXTENSION.get(extension)
    : claimed && ALLOWED_ATTACHMENT_TYPES[claimed]
      ? claimed
      : undefined;
  if (!contentType)
    return refuse(
      ATTACHMENT_REFUSALS.TYPE_NOT_ALLOWED,
      `${extension ? `.${extension}` : 'This kind of'} files are not accepted`,
    );
  const { signature } = ALLOWED_ATTACHMENT_TYPES[contentType]!;
  if (signature ? sniffed !== signature : !looksLikeText(candidate.content))
    return refuse(
      ATTACHMENT_REFUSALS.TYPE_NOT_ALLOWED,
      `The content of ${fileName} is not what its name says (${contentType})`,
    );
  return { ok: true, fileName, contentType, sizeBytes };
}

/** The number of bytes a base64 string decodes to, from its length alone (no decoding). */
export function base64DecodedLength(base64: string): number {
  const length = base64.length;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((length * 3) / 4) - padding);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface EncodedAttachment {
  fileName: string;
  contentType?: string | null;
  contentBase64: string;
}

/**
 * Uploads sent as base64 (GraphQL): the count and the sizes are checked from the strings' lengths before
 * anything is decoded, then each file is decoded and evaluated. Any refusal refuses them all.
 */
export function decodeAttachments(
  uploads: readonly EncodedAttachment[],
  policy: AttachmentPolicy = DEFAULT_ATTACHMENT_POLICY,
  path = 'attachments',
): (AttachmentCandidate & { contentType: string; sizeBytes: number })[] {
  if (uploads.length > policy.maxFiles) {
    throw new InvalidInputException(
      `At most ${policy.maxFiles} attachments per message`,
      [{ path, message: `at most ${policy.maxFiles}` }],
      ATTACHMENT_REFUSALS.TOO_MANY,
    );
  }
  let total = 0;
  uploads.forEach((upload, i) => {
    const size = base64DecodedLength(upload.contentBase64);
    if (size > policy.maxBytes) {
      throw new InvalidInputException(
        `${sanitizeFileName(upload.fileName)} is larger than ${policy.maxBytes} bytes`,
        [{ path: `${path}.${i}.contentBase64`, message: `at most ${policy.maxBytes} bytes` }],
        ATTACHMENT_REFUSALS.TOO_LARGE,
      );
    }
    total += size;
  });
  if (total > policy.maxTotalBytes) {
    throw new InvalidInputException(
      `The attachments together are larger than ${policy.maxTotalBytes} bytes`,
      [{ path, message: `at most ${policy.maxTotalBytes} bytes in all` }],
      ATTACHMENT_REFUSALS.TOTAL_TOO_LARGE,
    );
  }
  return uploads.map((upload, i) => {
    if (upload.contentBase64.length % 4 !== 0 || !BASE64.test(upload.contentBase64)) {
      throw new InvalidInputException(
        'An attachment is not valid base64',
        [{ path: `${path}.${i}.contentBase64`, message: 'not base64' }],
        ATTACHMENT_REFUSALS.INVALID_BASE64,
      );
    }
    const content: Uint8Array = Buffer.from(upload.contentBase64, 'base64');
    const verdict = evaluateAttachment({ ...upload, content }, policy);
    if (!verdict.ok) {
      throw new InvalidInputException(
        verdict.message,
        [{ path: `${path}.${i}`, message: verdict.message }],
        verdict.reason,
      );
    }
    return {
      fileName: verdict.fileName,
      contentType: verdict.contentType,
      sizeBytes: verdict.sizeBytes,
      content,
    };
  });
}

/**
 * Files that arrived by email: each is kept or refused on its own (the mail itself is never lost). Past
 * the count or the total size, the rest are refused.
 */
export function sortEmailAttachments(
  candidates: readonly AttachmentCandidate[],
  policy: AttachmentPolicy = DEFAULT_ATTACHMENT_POLICY,
): {
  accepted: (AttachmentCandidate & { contentType: string; sizeBytes: number })[];
  refused: { fileName: string; reason: AttachmentRefusalReason; message: string }[];
} {
  const accepted: (AttachmentCandidate & { contentType: string; sizeBytes: number })[] = [];
  const refused: { fileName: string; reason: AttachmentRefusalReason; message: string }[] = [];
  let total = 0;
  for (const candidate of candidates) {
    const verdict = evaluateAttachment(candidate, policy);
    if (!verdict.ok) {
      refused.push({ fileName: verdict.fileName, reason: verdict.reason, message: verdict.message });
    } else if (accepted.length >= policy.maxFiles) {
      refused.push({
        fileName: verdict.fileName,
        reason: ATTACHMENT_REFUSALS.TOO_MANY,
        message: `At most ${policy.maxFiles} attachments per message`,
      });
    } else if (total + verdict.sizeBytes > policy.maxTotalBytes) {
      refused.push({
        fileName: verdict.fileName,
        reason: ATTACHMENT_REFUSALS.TOTAL_TOO_LARGE,
        message: `The attachments together are larger than ${policy.maxTotalBytes} bytes`,
      });
    } else {
      total += verdict.sizeBytes;
      accepted.push({
        fileName: verdict.fileName,
        contentType: verdict.contentType,
        sizeBytes: verdict.sizeBytes,
        content: candidate.content,
      });
    }
  }
  return { accepted, refused };
}
