/**
 * Rules for mail that reaches the district's intake address: what to ignore (machines answering
 * machines: auto-replies, bounces, lists), how to find the case a reply belongs to, and which part of a
 * reply is new (quoted history and signatures are dropped; the caller keeps the original).
 */
export function automatedReason(headers: ReadonlyMap<string, string>, from: string): string | undefined {
  const autoSubmitted = headers.get('auto-submitted')?.toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = headers.get('precedence')?.toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence))
    return `Precedence: ${precedence}`;
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return 'autoresponder header';
  const local = from.split('@')[0]?.toLowerCase() ?? '';
  if (['mailer-daemon', 'postmaster'].includes(local)) return `bounce from ${local}`;
  return undefined;
}

const CASE_NUMBER_IN_SUBJECT = /\[?\b([A-Z]{2,6}-\d{4}-\d{6,})\b\]?/i;

export function caseNumberInSubject(subject: string): string | undefined {
  return CASE_NUMBER_IN_SUBJECT.exec(subject)?.[1]?.toUpperCase();
}

// "On Tue, Nov 24, 2026 at 9:14 AM Dana <dana@…> wrote:", "El … escribió:", Outlook's separator.
const QUOTE_HEADER = /^(on .+ wrote:|el .+ escribi[oó]:|-{2,}\s*original message\s*-{2,}|from: .+)$/i;

export function newPartOfReply(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (QUOTE_HEADER.test(trimmed)) break;
    // The signature delimiter is "-- " (RFC 3676); everything after it is signature.
    if (line === '-- ' || line === '--') break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  return kept.join('\n').trim();
}
