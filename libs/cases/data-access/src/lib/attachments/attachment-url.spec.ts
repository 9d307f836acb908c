import { AttachmentUrlSigner } from './attachment-url';

describe('AttachmentUrlSigner', () => {
  const signer = new AttachmentUrlSigner('s'.repeat(32), 600, 'https://api.example.org/cases/');
  const id = '8a3c1f64-2f0b-4a7e-9d0c-6f1e2b3c4d5e';
  const now = Date.UTC(2026, 10, 24, 9, 0, 0);

  function parts(url: string) {
    const parsed = new URL(url);
    return {
      path: parsed.pathname,
      expires: parsed.searchParams.get('expires') ?? undefined,
      signature: parsed.searchParams.get('signature') ?? undefined,
    };
  }

  it('issues links that verify until they expire', () => {
    const { path, expires, signature } = parts(signer.url(id, now));
    expect(path).toBe(`/cases/attachments/${id}`);
    expect(Number(expires)).toBe(now / 1_000 + 600);
    expect(signer.check(id, expires, signature, now + 599_000)).toBe('valid');
    expect(signer.check(id, expires, signature, now + 601_000)).toBe('expired');
  });

  it('refuses a signature for another attachment, a moved expiry, another key, or junk', () => {
    const { expires, signature } = parts(signer.url(id, now));
    expect(signer.check('00000000-0000-0000-0000-000000000000', expires, signature, now)).toBe('invalid');
    expect(signer.check(id, String(Number(expires) + 3_600), signature, now)).toBe('invalid');
    expect(new AttachmentUrlSigner('t'.repeat(32), 600).check(id, expires, signature, now)).toBe('invalid');
    expect(signer.check(id, expires, `${signature!.slice(0, -1)}A`, now)).not.toBe('valid');
    expect(signer.check(id, undefined, signature, now)).toBe('invalid');
    expect(signer.check(id, expires, undefined, now)).toBe('invalid');
    expect(signer.check(id, ['1', '2'], signature, now)).toBe('invalid');
    expect(signer.check(id, '1e12', signature, now)).toBe('invalid');
  });

  it('gives a same-origin path without a base URL, and refuses a short secret', () => {
    expect(new AttachmentUrlSigner('s'.repeat(32), 60).url(id, now)).toMatch(
      new RegExp(`^/attachments/${id}\\?expires=\\d+&signature=[A-Za-z0-9_-]{43}$`),
    );
    expect(() => new AttachmentUrlSigner('short', 60)).toThrow('at least 32 characters');
  });

  it('gives an article file its bare path once published, a signed one before, never valid for a case file', () => {
    const path = `/attachments/articles/${id}/bus%20map.png`;
    expect(signer.articleFileUrl(path, id, true, now)).toBe(`https://api.example.org/cases${path}`);
    const { path: signedPath, expires, signature } = parts(signer.articleFileUrl(path, id, false, now));
    expect(signedPath).toBe(`/cases${path}`);
    expect(signer.checkArticleFile(id, expires, signature, now)).toBe('valid');
    expect(signer.checkArticleFile(id, expires, signature, now + 601_000)).toBe('expired');
    // A case file's signature opens no article file, and the other way round.
    expect(signer.check(id, expires, signature, now)).toBe('invalid');
    const caseLink = parts(signer.url(id, now));
    expect(signer.checkArticleFile(id, caseLink.expires, caseLink.signature, now)).toBe('invalid');
  });
});
