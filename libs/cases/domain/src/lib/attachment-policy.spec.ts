import { InvalidInputException } from '@homeroom/shared/errors';
import {
  base64DecodedLength,
  decodeAttachments,
  evaluateAttachment,
  sanitizeFileName,
  sniffSignature,
  sortEmailAttachments,
  type AttachmentPolicy,
} from './attachment-policy';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

const PDF = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF');
const GIF = bytes('GIF89a', [1, 0, 1, 0]);
const WEBP = bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 ');
const HEIC = bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic');
const DOCX = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0]);
const DOC = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const RTF = bytes('{\\rtf1\\ansi Hello}');
const EXE = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], 'This program cannot be run in DOS mode');
const ELF = bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);

const policy: AttachmentPolicy = { maxBytes: 1_000, maxFiles: 3, maxTotalBytes: 1_500 };

describe('attachment policy', () => {
  it.each([
    ['scan.pdf', PDF, 'application/pdf'],
    ['photo.PNG', PNG, 'image/png'],
    ['photo.jpg', JPEG, 'image/jpeg'],
    ['photo.jpeg', JPEG, 'image/jpeg'],
    ['animation.gif', GIF, 'image/gif'],
    ['picture.webp', WEBP, 'image/webp'],
    ['IMG_0042.HEIC', HEIC, 'image/heic'],
    ['notes.txt', bytes('Bus 14 was late.\n'), 'text/plain'],
    ['roster.csv', bytes('name,grade\nRosa,3\n'), 'text/csv'],
    ['letter.docx', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['sheet.xlsx', DOCX, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['letter.doc', DOC, 'application/msword'],
    ['sheet.xls', DOC, 'application/vnd.ms-excel'],
    ['letter.rtf', RTF, 'application/rtf'],
  ])('accepts %s as %s', (fileName, content, contentType) => {
    expect(
      evaluateAttachment({ fileName, content, contentType: 'application/octet-stream' }, policy),
    ).toEqual({
      ok: true,
      fileName,
      contentType,
      sizeBytes: content.byteLength,
    });
  });

  it('stores the type the extension gives, never the type the sender claimed', () => {
    const verdict = evaluateAttachment({
      fileName: 'notes.txt',
      content: bytes('hi'),
      contentType: 'text/html',
    });
    expect(verdict).toMatchObject({ ok: true, contentType: 'text/plain' });
  });

  it('takes an allowed claimed type when the name has no extension, and checks the content', () => {
    expect(
      evaluateAttachment({ fileName: 'scan', content: PDF, contentType: 'application/pdf; name=scan' }),
    ).toMatchObject({
      ok: true,
      contentType: 'application/pdf',
    });
    expect(
      evaluateAttachment({ fileName: 'scan', content: PNG, contentType: 'application/pdf' }),
    ).toMatchObject({
      ok: false,
      reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
    });
    expect(
      evaluateAttachment({ fileName: 'blob', content: PDF, contentType: 'application/octet-stream' }),
    ).toMatchObject({
      ok: false,
      reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
    });
  });

  it.each([
    ['setup.exe', EXE],
    ['invoice.pdf.exe', EXE],
    ['script.js', bytes('alert(1)')],
    ['run.bat', bytes('@echo off')],
    ['run.cmd', bytes('@echo off')],
    ['screen.scr', EXE],
    ['macro.vbs', bytes('MsgBox 1')],
    ['script.ps1', bytes('Write-Host 1')],
    ['app.jar', DOCX],
    ['install.msi', DOC],
    ['command.com', EXE],
    ['page.html', bytes('<html></html>')],
    ['page.htm', bytes('<html></html>')],
    ['logo.svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['archive.zip', DOCX],
    ['macro.docm', DOCX],
  ])('refuses %s', (fileName, content) => {
    expect(evaluateAttachment({ fileName, content }, policy)).toMatchObject({
      ok: false,
      reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
    });
  });

  it.each([
    ['report.pdf', 'a Windows program', EXE],
    ['report.pdf', 'a PNG image', PNG],
    ['photo.png', 'an ELF binary', ELF],
    ['photo.jpg', 'a PDF', PDF],
    ['notes.txt', 'a Windows program', EXE],
    ['notes.txt', 'binary', bytes('abc', [0], 'def')],
    ['letter.docx', 'a PDF', PDF],
    ['run.txt', 'a shell script', bytes('#!/bin/sh\nrm -rf /\n')],
  ])('refuses %s when it is really %s', (fileName, _what, content) => {
    expect(evaluateAttachment({ fileName, content, contentType: 'application/pdf' }, policy)).toMatchObject({
      ok: false,
      reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
    });
  });

  it('refuses files over the size limit, and empty ones', () => {
    const big = Buffer.concat([PDF, Buffer.alloc(1_001 - PDF.length)]);
    expect(evaluateAttachment({ fileName: 'big.pdf', content: big }, policy)).toMatchObject({
      ok: false,
      reason: 'ATTACHMENT_TOO_LARGE',
    });
    expect(evaluateAttachment({ fileName: 'empty.txt', content: Buffer.alloc(0) }, policy)).toMatchObject({
      ok: false,
      reason: 'ATTACHMENT_EMPTY',
    });
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\rosa\\Desktop\\note.txt', 'note.txt'],
    ['.htaccess', 'htaccess'],
    ['..', 'attachment'],
    ['', 'attachment'],
    ['report.pdf.', 'report.pdf'],
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['a\u0000b\nc.txt', 'abc.txt'],
    ['what?<is>"this"|*.txt', 'what__is__this___.txt'],
    ['  spaced   out .txt  ', 'spaced out .txt'],
  ])('sanitises the file name %j to %j', (name, clean) => {
    expect(sanitizeFileName(name)).toBe(clean);
  });

  // Unicode's Bidi_Control characters: the marks (ALM, LRM, RLM), embeddings and overrides, isolates.
  const BIDI_CONTROLS = [
    0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
  ].map((code) => [`U+${code.toString(16).toUpperCase().padStart(4, '0')}`, String.fromCodePoint(code)]);

  it.each(BIDI_CONTROLS)(
    'takes %s out of a file name, uploaded or emailed, so that the name shown is the name kept',
    (_, control) => {
      const fileName = `invoice${control}fdp.txt.pdf`;
      const [uploaded] = decodeAttachments([{ fileName, contentBase64: PDF.toString('base64') }], policy);
      expect(uploaded?.fileName).toBe('invoicefdp.txt.pdf');
      const { accepted } = sortEmailAttachments([{ fileName, content: PDF }], policy);
      expect(accepted.map((file) => file.fileName)).toEqual(['invoicefdp.txt.pdf']);
      // A program dressed up by the control is still a program.
      expect(evaluateAttachment({ fileName: `invoice${control}fdp.exe`, content: EXE })).toMatchObject({
        ok: false,
        fileName: 'invoicefdp.exe',
        reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      });
    },
  );

  it('shortens a long name and keeps its extension', () => {
    const name = sanitizeFileName(`${'a'.repeat(500)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('sniffs signatures from the first bytes', () => {
    expect(sniffSignature(PDF)).toBe('pdf');
    expect(sniffSignature(HEIC)).toBe('heic');
    expect(sniffSignature(EXE)).toBe('executable');
    expect(sniffSignature(bytes('hello'))).toBeNull();
    expect(sniffSignature(Buffer.alloc(0))).toBeNull();
  });

  describe('base64 uploads', () => {
    const b64 = (content: Buffer) => content.toString('base64');

    it('computes the decoded size from the length alone', () => {
      for (const n of [0, 1, 2, 3, 4, 5, 1_000]) {
        expect(base64DecodedLength(Buffer.alloc(n).toString('base64'))).toBe(n);
      }
    });

    it('decodes and evaluates each file', () => {
      const [file] = decodeAttachments(
        [{ fileName: 'p.png', contentType: 'image/png', contentBase64: b64(PNG) }],
        policy,
      );
      expect(file).toMatchObject({ fileName: 'p.png', contentType: 'image/png', sizeBytes: PNG.length });
      expect(Buffer.from(file!.content).equals(PNG)).toBe(true);
    });

    it('refuses oversized content before decoding it', () => {
      // Not valid base64 at all: only its length is read, so the size is what is refused.
      const huge = { fileName: 'big.pdf', contentBase64: '!'.repeat(1_400) };
      expect(() => decodeAttachments([huge], policy)).toThrow(
        expect.objectContaining({ reason: 'ATTACHMENT_TOO_LARGE', code: 'BAD_USER_INPUT' }),
      );
    });

    it('refuses too many files, too many bytes in all, bad base64 and bad types', () => {
      const reason = (uploads: { fileName: string; contentBase64: string }[]) => {
        try {
          decodeAttachments(uploads, policy);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputException);
          return (error as InvalidInputException).reason;
        }
        return 'accepted';
      };
      const text = { fileName: 'a.txt', contentBase64: b64(Buffer.from('x'.repeat(600))) };
      expect(reason([text, text, text, text])).toBe('TOO_MANY_ATTACHMENTS');
      expect(reason([text, text, text])).toBe('ATTACHMENTS_TOO_LARGE');
      expect(reason([text, text])).toBe('accepted');
      expect(reason([{ fileName: 'a.txt', contentBase64: 'not base64!' }])).toBe('ATTACHMENT_INVALID_BASE64');
      expect(reason([{ fileName: 'a.exe', contentBase64: b64(EXE) }])).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    });
  });

  it('sorts email attachments into kept and refused, never failing the mail', () => {
    const { accepted, refused } = sortEmailAttachments(
      [
        { fileName: 'letter.pdf', contentType: 'application/pdf', content: PDF },
        { fileName: 'virus.exe', contentType: 'application/octet-stream', content: EXE },
        { fileName: 'a.txt', content: bytes('a') },
        { fileName: 'b.txt', content: bytes('b') },
        { fileName: 'c.txt', content: bytes('c') },
      ],
      policy,
    );
    expect(accepted.map((a) => a.fileName)).toEqual(['letter.pdf', 'a.txt', 'b.txt']);
    expect(refused).toEqual([
      {
        fileName: 'virus.exe',
        reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
        message: '.exe files are not accepted',
      },
      { fileName: 'c.txt', reason: 'TOO_MANY_ATTACHMENTS', message: 'At most 3 attachments per message' },
    ]);
  });
});
