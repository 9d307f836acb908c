import { tnefStream } from '../../testing/tnef-stream';
import { readTnef } from './tnef';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * winmail.dat as Outlook writes it (built by ../../testing/tnef-stream.ts after [MS-OXTNEF]). The reader was
 * also run on MimeKit's published TNEF test data (not kept here: fetched data is not committed), with the
 * names its lists give and the bytes it extracted (the session note has the figures).
 */
describe('TNEF (winmail.dat)', () => {
  it('reads each attachment byte for byte, with the long name from its MAPI properties over the 8.3 title', () => {
    const stream = tnefStream({
      files: [
        { title: 'PLAYGR~1.JPG', longName: 'Playground bench, broken.jpg', content: jpeg },
        { title: 'report.pdf', content: pdf },
      ],
    });
    const { attachments, body, truncated } = readTnef(stream);
    expect(attachments).toEqual([
      { fileName: 'Playground bench, broken.jpg', content: jpeg },
      { fileName: 'report.pdf', content: pdf },
    ]);
    expect({ body, truncated }).toEqual({ body: undefined, truncated: false });
  });

  it('reads the plain-text body', () => {
    expect(readTnef(tnefStream({ body: 'The bench by the gym is broken.', files: [] })).body).toBe(
      'The bench by the gym is broken.',
    );
  });

  it('keeps what came before a stream that ends inside an attribute', () => {
    const whole = tnefStream({
      files: [
        { title: 'one.jpg', content: jpeg },
        { title: 'two.pdf', content: pdf },
      ],
    });
    const { attachments, truncated } = readTnef(whole.subarray(0, whole.length - 20));
    expect(truncated).toBe(true);
    expect(attachments.map((file) => file.fileName)).toEqual(['one.jpg']);
  });

  it('refuses what is not TNEF, and a property list that runs past its end', () => {
    expect(() => readTnef(Buffer.from('PK\u0003\u0004 a zip file'))).toThrow('not a TNEF stream');
    const stream = tnefStream({ files: [{ title: 'a.jpg', longName: 'a long name.jpg', content: jpeg }] });
    // The long name claims 65,535 bytes: the property list ends long before.
    const properties = stream.indexOf(Buffer.from([0x02, 0x00, 0x00, 0x00, 0x03, 0x00, 0x21, 0x0e]));
    stream.writeUInt32LE(0xffff, properties + 4 + 8 + 8);
    expect(() => readTnef(stream)).toThrow('runs past the end');
  });
});
