import {
  attachmentInput,
  base64Of,
  FILE_ACCEPT,
  fileProblem,
  formatFileSize,
  MAX_FILE_BYTES,
  refusedFileProblem,
} from './attachment-file';

describe("the public forms' attachment", () => {
  it('accepts the allowed types by extension, and refuses the rest, empty files and large ones', () => {
    expect(FILE_ACCEPT).toContain('.pdf,.png,.jpg,.jpeg');
    expect(FILE_ACCEPT).not.toMatch(/\*|svg|html/);
    expect(fileProblem({ name: 'Bus stop.JPG', size: 2_000_000 })).toBeNull();
    expect(fileProblem({ name: 'form.pdf', size: MAX_FILE_BYTES })).toBeNull();
    expect(fileProblem({ name: 'form.pdf', size: MAX_FILE_BYTES + 1 })).toBe('TOO_LARGE');
    expect(fileProblem({ name: 'form.pdf', size: 0 })).toBe('EMPTY');
    expect(fileProblem({ name: 'map.svg', size: 10 })).toBe('TYPE_NOT_ACCEPTED');
    expect(fileProblem({ name: 'setup.exe', size: 10 })).toBe('TYPE_NOT_ACCEPTED');
    expect(fileProblem({ name: 'pdf', size: 10 })).toBe('TYPE_NOT_ACCEPTED');
  });

  it("reads the API's attachment refusals, and nothing else, as a problem with the file", () => {
    const refusal = (reason: string) => ({ errors: [{ extensions: { code: 'BAD_USER_INPUT', reason } }] });
    expect(refusedFileProblem(refusal('ATTACHMENT_TOO_LARGE'))).toBe('TOO_LARGE');
    expect(refusedFileProblem(refusal('ATTACHMENTS_TOO_LARGE'))).toBe('TOO_LARGE');
    expect(refusedFileProblem(refusal('ATTACHMENT_TYPE_NOT_ALLOWED'))).toBe('TYPE_NOT_ACCEPTED');
    expect(refusedFileProblem(refusal('ATTACHMENT_EMPTY'))).toBe('EMPTY');
    expect(
      refusedFileProblem({ graphQLErrors: [{ extensions: { reason: 'ATTACHMENT_INVALID_BASE64' } }] }),
    ).toBe('UNREADABLE');
    expect(refusedFileProblem(refusal('EMPTY_MESSAGE'))).toBeNull();
    expect(refusedFileProblem(new Error('network'))).toBeNull();
    expect(refusedFileProblem(null)).toBeNull();
  });

  it('gives sizes in plain words, in the language of the page', () => {
    expect(formatFileSize(850 * 1024, 'en')).toBe('850 kB');
    expect(formatFileSize(2.44 * 1024 * 1024, 'en')).toBe('2.4 MB');
    expect(formatFileSize(2.44 * 1024 * 1024, 'es')).toBe('2,4 MB');
    expect(formatFileSize(MAX_FILE_BYTES, 'en')).toBe('10 MB');
    expect(formatFileSize(12, 'en')).toBe('1 kB');
  });

  it('encodes files as standard padded base64, across chunk boundaries', async () => {
    const bytes = Uint8Array.from({ length: 100_001 }, (_, i) => (i * 7919) % 256);
    // The browser's own encoder, one character per byte, as the reference.
    expect(base64Of(bytes)).toBe(btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join('')));
    expect(base64Of(new Uint8Array())).toBe('');
    const file = new File([new TextEncoder().encode('%PDF-1.7\n')], 'form.pdf', { type: 'application/pdf' });
    expect(await attachmentInput(file)).toEqual({
      fileName: 'form.pdf',
      contentType: 'application/pdf',
      contentBase64: 'JVBERi0xLjcK',
    });
    expect((await attachmentInput(new File(['x'], 'notes.txt'))).contentType).toBe(
      'application/octet-stream',
    );
  });
});

describe('base64 of a file', () => {
  it('encodes as standard base64 with padding', () => {
    expect(base64Of(new Uint8Array([]))).toBe('');
    expect(base64Of(new TextEncoder().encode('Jos\u00e9'))).toBe('Sm9zw6k=');
    expect(base64Of(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
  });

  it('encodes a part larger than a chunk as one text, without padding between chunks', () => {
    const bytes = new Uint8Array(3 * 8 * 1024 * 2 + 5).map((_, i) => (i * 7) % 256);
    const base64 = base64Of(bytes);
    // The plain way, one character per byte: fine for a test, too slow and too large for 4 MiB parts.
    expect(base64).toBe(btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join('')));
    expect(base64).toHaveLength(Math.ceil(bytes.length / 3) * 4);
    expect(base64.slice(0, -2)).not.toContain('=');
  });
});
