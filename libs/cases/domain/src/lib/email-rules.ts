/**
 * Rules for mail that reaches the district's intake address: how to find the case a reply belongs to, and
 * which part of a reply is new (quoted history and signatures are dropped; the caller keeps the original).
 * What to ignore (machines answering machines) is machine-mail.ts.
 */
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
