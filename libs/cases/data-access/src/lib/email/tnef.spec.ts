import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTnef } from './tnef';

const fixture = (name: string) => readFileSync(join(__dirname, 'tnef-fixtures', `${name}.tnef`));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** MimeKit's TNEF test data (tnef-fixtures/README.md): the names its .list files give, the bytes it extracted. */
describe('TNEF (winmail.dat)', () => {
  it('reads a single attachment byte for byte', () => {
    const { attachments, truncated } = readTnef(fixture('one-file'));
    expect(attachments.map((file) => [file.fileName, sha256(file.content)])).toEqual([
      ['AUTHORS', '36c47da7d11846caf0474a4b3df83bb4eba9ea01d2bca500c288fa108e123d28'],
    ]);
    expect(truncated).toBe(false);
  });

  it('reads every attachment, with its long file name from the MAPI properties', () => {
    const names = (name: string) =>
      readTnef(fixture(name))
        .attachments.map((file) => file.fileName)
        .sort();
    expect(names('attachments')).toEqual(['bookmark.htm', 'zappa_av1.jpg']);
    expect(names('data-before-name')).toEqual(['AUTOEXEC.BAT', 'CONFIG.SYS', 'boot.ini']);
    const [voiceMail] = readTnef(fixture('multi-value-attribute')).attachments;
    expect([voiceMail?.fileName, sha256(voiceMail!.content)]).toEqual([
      '208225__5_seconds__Voice_Mail.mp3',
      'cf2e3cd4175a3acd5cd193623cd8f79fda1c22f4823560213e561851c3fdd4e8',
    ]);
    const jpg = readTnef(fixture('attachments')).attachments.find(
      (file) => file.fileName === 'zappa_av1.jpg',
    );
    expect(sha256(jpg!.content)).toBe('bea844f30e0fcc20fad419a0d11032a6465da93c1da185a1196949955994409a');
  });

  it('keeps what came before a stream that ends inside an attribute', () => {
    const { attachments, truncated } = readTnef(fixture('panic'));
    expect(truncated).toBe(true);
    expect(attachments.map((file) => [file.fileName, sha256(file.content)])).toEqual([
      ['image001.jpg', 'ee9bec688ebc6b535fa1c06b3c7f388510f501509a2d6ae17e964a3eda92f8db'],
      ['image002.jpg', 'a497dd22b4a1f2de15da0929f17429edb502f94d767a0fa2ce67da35162cc62f'],
      ['image003.png', '7c65885b27f3cd66501fdb7a4711c22ba8b6f64e51ea6c2a3ec9db6fa968a7b8'],
    ]);
  });

  it('finds nothing in a stream without attachments, and refuses what is not TNEF', () => {
    expect(readTnef(fixture('garbage-at-end')).attachments).toEqual([]);
    expect(() => readTnef(Buffer.from('PK\u0003\u0004 a zip file'))).toThrow('not a TNEF stream');
  });
});
