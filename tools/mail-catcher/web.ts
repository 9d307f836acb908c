/**
 * The mail catcher's web pages: server-rendered, no script, every value escaped. A caught message's HTML
 * part is never rendered (nor sent to the browser): the pages show its text, which mailparser derives from
 * the HTML when there is no text part.
 */

export interface CaughtAttachment {
  filename: string | null;
  contentType: string;
  size: number;
}

export interface CaughtMessage {
  id: string;
  receivedAt: string;
  /** What the SMTP client said (MAIL FROM / RCPT TO), which may differ from the headers (Bcc). */
  envelope: { from: string | null; to: string[] };
  /** The From header as written: `Riverside Unified <talk@homeroom.test>`. */
  from: string;
  to: string[];
  cc: string[];
  replyTo: string | null;
  subject: string;
  date: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Every header, lower-case name → unfolded raw value (repeated headers joined by a newline). */
  headers: Record<string, string>;
  text: string;
  /** Whether the mail has an HTML part; the catcher never serves it. */
  hasHtml: boolean;
  attachments: CaughtAttachment[];
  /** Bytes of the raw message. */
  size: number;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** For pages: no scripts, no frames, no remote anything; inline styles and same-origin forms only. */
export const PAGE_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

const STYLE = `
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
  header { background: #1d3557; color: #fff; padding: 12px 24px; display: flex; gap: 24px; align-items: center; }
  header h1 { font-size: 18px; margin: 0; }
  header a { color: #fff; }
  header form { margin-left: auto; }
  main { padding: 16px 24px; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e3e6eb; vertical-align: top; }
  th { background: #eef1f5; font-weight: 600; }
  td.when { white-space: nowrap; color: #5b6475; }
  pre { white-space: pre-wrap; word-break: break-word; background: #fff; padding: 16px; border: 1px solid #e3e6eb; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; background: #fff; padding: 12px 16px; border: 1px solid #e3e6eb; }
  dt { font-weight: 600; color: #5b6475; }
  dd { margin: 0; word-break: break-all; }
  .note { color: #8a5a00; }
  .empty { color: #5b6475; padding: 24px 0; }
`;

function page(title: string, body: string, { refresh = false } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh ? '<meta http-equiv="refresh" content="5">\n' : ''}<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1><a href="/">Mail catcher</a></h1><span>development only: nothing here leaves this machine</span>
<form method="post" action="/clear"><button type="submit">Delete all</button></form></header>
<main>
${body}
</main>
</body>
</html>
`;
}

function when(iso: string): string {
  return escapeHtml(iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
}

export interface ListPageInfo {
  smtp: string;
  limit: number;
}

export function renderList(messages: readonly CaughtMessage[], info: ListPageInfo): string {
  const rows = messages
    .map(
      (message) => `<tr>
<td class="when">${when(message.receivedAt)}</td>
<td>${escapeHtml(message.from)}</td>
<td>${escapeHtml([...message.to, ...message.cc].join(', ') || message.envelope.to.join(', '))}</td>
<td><a href="/messages/${encodeURIComponent(message.id)}">${escapeHtml(message.subject || '(no subject)')}</a></td>
</tr>`,
    )
    .join('\n');
  const summary = `<p>SMTP on ${escapeHtml(info.smtp)} takes any message for any recipient. ${messages.length} caught (the last ${info.limit} are kept, newest first). <a href="/api/messages">JSON</a></p>`;
  const table = messages.length
    ? `<table><thead><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr></thead><tbody>
${rows}
</tbody></table>`
    : '<p class="empty">No mail yet. This page refreshes itself.</p>';
  return page(`Mail catcher (${messages.length})`, `${summary}\n${table}`, { refresh: true });
}

export function renderMessage(message: CaughtMessage): string {
  const fields: [string, string | null][] = [
    ['Received', message.receivedAt],
    ['From', message.from],
    ['To', message.to.join(', ')],
    ['Cc', message.cc.join(', ') || null],
    ['Reply-To', message.replyTo],
    ['Subject', message.subject],
    ['Date', message.date],
    ['Message-ID', message.messageId],
    ['In-Reply-To', message.inReplyTo],
    ['References', message.references.join(' ') || null],
    ['Envelope', `from ${message.envelope.from ?? '<>'} to ${message.envelope.to.join(', ')}`],
    ['Size', `${message.size} bytes`],
  ];
  const summary = fields
    .filter(([, value]) => value)
    .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n');
  const headers = Object.entries(message.headers)
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('\n');
  const attachments = message.attachments.length
    ? `<h2>Attachments</h2><ul>${message.attachments
        .map(
          (file) =>
            `<li>${escapeHtml(file.filename ?? '(unnamed)')} (${escapeHtml(file.contentType)}, ${file.size} bytes)</li>`,
        )
        .join('')}</ul>`
    : '';
  const id = encodeURIComponent(message.id);
  return page(
    message.subject || '(no subject)',
    `<p><a href="/">← all mail</a> · <a href="/api/messages/${id}/raw">raw</a> · <a href="/api/messages/${id}">JSON</a></p>
<dl>
${summary}
</dl>
<h2>Text</h2>
${message.hasHtml ? '<p class="note">This message also has an HTML part; it is not shown here (its text is).</p>\n' : ''}<pre>${escapeHtml(message.text || '(no text)')}</pre>
${attachments}
<details><summary>All headers</summary>
<table><tbody>
${headers}
</tbody></table>
</details>`,
  );
}

export function renderNotFound(): string {
  return page('Not found', '<p>No such message (the catcher keeps only the latest, in memory).</p>');
}
