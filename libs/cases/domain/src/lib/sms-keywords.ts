/**
 * The words a text can be on its own that are about texting itself, not a request: the CTIA's standard
 * opt-out, opt-in and help keywords, as carriers and Twilio's default handling recognise them (a message that
 * is only the word, any case, with surrounding spaces or punctuation). Staff never see these as cases.
 */
const KEYWORDS = {
  STOP: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'],
  START: ['START', 'YES', 'UNSTOP'],
  HELP: ['HELP', 'INFO'],
} as const;

export type SmsKeywordKind = keyof typeof KEYWORDS;

export interface SmsKeyword {
  kind: SmsKeywordKind;
  /** The word as matched, upper case. */
  word: string;
}

/** The keyword a text is, or null when it says anything more ("stop the bus at Elm St" is a request). */
export function smsKeyword(body: string): SmsKeyword | null {
  const word = body
    .normalize('NFKC')
    .trim()
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '')
    .toUpperCase();
  for (const [kind, words] of Object.entries(KEYWORDS) as [SmsKeywordKind, readonly string[]][])
    if (words.includes(word)) return { kind, word };
  return null;
}
