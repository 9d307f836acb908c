import { createTransport } from 'nodemailer';
import { type MailCatcher, startMailCatcher } from './mail-catcher';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers are checked field by field
type Json = any;

describe('mail catcher', () => {
  let catcher: MailCatcher;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, limit: 3, maxMessageBytes: 64 * 1024 });
  });

  afterAll(async () => {
    await catcher?.close();
  });

  beforeEach(() => catcher.clear());

  const send = (mail: Record<string, unknown>, auth?: { user: string; pass: string }) =>
    createTransport({
      host: '127.0.0.1',
      port: catcher.smtpPort,
      secure: false,
      ...(auth ? { auth } : {}),
    }).sendMail({ from: 'Riverside Unified <talk@homeroom.test>', to: 'rosa@example.org', ...mail });
  const get = async (path: string) => {
    const response = await fetch(`${catcher.url}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };
  const api = async (path: string): Promise<Json> => JSON.parse((await get(path)).text);

  it('takes mail for any recipient and shows it, newest first, with its threading headers', async () => {
    await send({
      to: 'Rosa Parks <rosa@example.org>',
      cc: 'anyone@anywhere.example',
      replyTo: 'talk+abcdefghij234567@homeroom.test',
      subject: 'Re: [HR-2026-000042] Bus 14',
      inReplyTo: '<first@mail.example.org>',
      references: ['<first@mail.example.org>'],
      messageId: '<m1@homeroom.test>',
      text: 'We are on it.',
      html: '<p>We are <b>on it</b>.<script>alert(1)</script></p>',
    });
    await send({ subject: 'Second', text: 'Two.' }, { user: 'any', pass: 'thing' });

    const messages = await api('/api/messages');
    expect(messages.map((m: Json) => m.subject)).toEqual(['Second', 'Re: [HR-2026-000042] Bus 14']);
    const first = messages[1];
    expect(first).toMatchObject({
      from: expect.stringContaining('talk@homeroom.test'),
      to: ['rosa@example.org'],
      cc: ['anyone@anywhere.example'],
      replyTo: 'talk+abcdefghij234567@homeroom.test',
      messageId: '<m1@homeroom.test>',
      inReplyTo: '<first@mail.example.org>',
      references: ['<first@mail.example.org>'],
      text: 'We are on it.',
      hasHtml: true,
      envelope: { from: 'talk@homeroom.test', to: ['rosa@example.org', 'anyone@anywhere.example'] },
    });
    expect(first.headers['reply-to']).toBe('talk+abcdefghij234567@homeroom.test');
    expect(first.headers['auto-submitted']).toBeUndefined();
    expect(first).not.toHaveProperty('html');
    expect(JSON.stringify(messages)).not.toContain('<script>');

    expect(await api(`/api/messages/${first.id}`)).toEqual(first);
    const raw = await get(`/api/messages/${first.id}/raw`);
    expect(raw.type).toMatch(/^text\/plain/);
    expect(raw.text).toContain('Subject: Re: [HR-2026-000042] Bus 14');
    expect((await get('/api/messages/nope')).status).toBe(404);
  });

  it('keeps only the latest, refuses oversized mail, and forgets everything on DELETE', async () => {
    for (const n of [1, 2, 3, 4]) await send({ subject: `Message ${n}`, text: `${n}` });
    expect((await api('/api/messages')).map((m: Json) => m.subject)).toEqual([
      'Message 4',
      'Message 3',
      'Message 2',
    ]);
    await expect(send({ subject: 'Huge', text: 'x'.repeat(100 * 1024) })).rejects.toMatchObject({
      responseCode: 552,
    });

    const deleted = await fetch(`${catcher.url}/api/messages`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await api('/api/messages')).toEqual([]);
    expect(catcher.messages()).toEqual([]);
  });

  it('serves readable pages that escape what the mail says and never render its HTML', async () => {
    await send({
      subject: '<img src=x onerror=alert(1)> Bus',
      text: 'Plain <b>text</b>',
      html: '<p onclick="alert(1)">HTML</p>',
    });
    const [{ id }] = await api('/api/messages');
    const list = await get('/');
    expect(list.type).toMatch(/^text\/html/);
    expect(list.text).toContain('&lt;img src=x onerror=alert(1)&gt; Bus');
    expect(list.text).not.toContain('<img');
    const page = await get(`/messages/${id}`);
    expect(page.text).toContain('Plain &lt;b&gt;text&lt;/b&gt;');
    expect(page.text).not.toContain('onclick');
    const headers = (await fetch(`${catcher.url}/messages/${id}`)).headers;
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await get('/messages/999')).status).toBe(404);

    const cleared = await fetch(`${catcher.url}/clear`, { method: 'POST', redirect: 'manual' });
    expect(cleared.status).toBe(303);
    expect(catcher.messages()).toEqual([]);
  });
});
