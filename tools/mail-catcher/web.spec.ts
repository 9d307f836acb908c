import { type CaughtMessage, escapeHtml, renderList, renderMessage } from './web';

const HOSTILE = '<script>alert("x")</script>&\'';

const message: CaughtMessage = {
  id: '7',
  receivedAt: '2026-11-26T15:00:00.000Z',
  envelope: { from: 'talk@homeroom.test', to: ['rosa@example.org'] },
  from: `Riverside ${HOSTILE} <talk@homeroom.test>`,
  to: ['rosa@example.org'],
  cc: [],
  replyTo: 'talk+abcdefghij@homeroom.test',
  subject: `Re: [HR-2026-000042] ${HOSTILE}`,
  date: '2026-11-26T15:00:00.000Z',
  messageId: '<m1@homeroom.test>',
  inReplyTo: '<r1@example.org>',
  references: ['<r1@example.org>'],
  headers: { 'x-evil': HOSTILE, subject: HOSTILE },
  text: `Hello ${HOSTILE}`,
  hasHtml: true,
  attachments: [{ filename: `${HOSTILE}.pdf`, contentType: 'application/pdf', size: 10 }],
  size: 1234,
};

describe('mail catcher pages', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
  });

  it('escape every value the mail controls, in the list and the message', () => {
    for (const html of [
      renderList([message], { smtp: '127.0.0.1:1025', limit: 500 }),
      renderMessage(message),
    ]) {
      expect(html).not.toContain('<script');
      expect(html).not.toContain(HOSTILE);
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    }
  });

  it('shows the text and the threading headers, and says the HTML part is not shown', () => {
    const html = renderMessage(message);
    expect(html).toContain('talk+abcdefghij@homeroom.test');
    expect(html).toContain('&lt;r1@example.org&gt;');
    expect(html).toMatch(/HTML part; it is not shown/);
  });

  it('links each message by its id', () => {
    expect(renderList([message], { smtp: '127.0.0.1:1025', limit: 500 })).toContain('href="/messages/7"');
    expect(renderList([], { smtp: '127.0.0.1:1025', limit: 500 })).toContain('No mail yet');
  });
});
