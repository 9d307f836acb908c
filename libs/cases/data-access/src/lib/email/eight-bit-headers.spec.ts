import { encode } from 'iconv-lite';
import { parseInboundMail } from './inbound-mail';
import { repairEightBitHeaders } from './eight-bit-headers';

/** A message whose headers are raw bytes in `charset`, as a legacy mail program sends them. */
function legacyMessage(charset: string, from: string, subject: string, body: string): Buffer {
  return Buffer.concat([
    encode(
      `From: ${from}\r\nTo: talk@homeroom.test\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\n`,
      charset,
    ),
    Buffer.from(`Content-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`),
    encode(body, charset),
  ]);
}

describe('raw 8-bit headers in a legacy charset', () => {
  it.each([
    ['gb2312', '"王小明" <wang@example.cn>', '王小明', '校车晚点了', '今天校车晚了四十分钟。'],
    ['big5', '陳大文 <chan@example.tw>', '陳大文', '午餐帳戶', '請退還午餐費用。'],
    [
      'koi8-r',
      '"Иван Петров" <ivan@example.ru>',
      'Иван Петров',
      'Автобус опоздал',
      'Автобус опоздал на 40 минут.',
    ],
    ['shift_jis', '山田 太郎 <yamada@example.jp>', '山田 太郎', 'バスが遅れました', '今朝バスが遅れました。'],
  ])('reads %s headers as the body’s charset', async (charset, from, name, subject, body) => {
    const mail = await parseInboundMail(repairEightBitHeaders(legacyMessage(charset, from, subject, body)));
    expect({
      subject: mail.subject,
      name: mail.from?.value[0]?.name,
      address: mail.from?.value[0]?.address,
    }).toEqual({
      subject,
      name,
      address: from.match(/<(.+)>/)![1],
    });
    expect(mail.text?.trim()).toBe(body);
  });

  it('leaves ASCII and UTF-8 headers (RFC 6532) byte for byte', () => {
    const ascii = Buffer.from('From: a@example.org\r\nSubject: Bus\r\n\r\nHello');
    const utf8 = Buffer.from('From: José <jose@example.org>\r\nSubject: Autobús tarde\r\n\r\nHola');
    expect(repairEightBitHeaders(ascii)).toBe(ascii);
    expect(repairEightBitHeaders(utf8)).toBe(utf8);
  });
});
