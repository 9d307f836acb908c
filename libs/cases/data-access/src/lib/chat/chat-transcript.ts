/** One message of a chat, as its transcript shows it. */
export interface TranscriptMessage {
  at: Date;
  fromRequester: boolean;
  body: string;
}

/** The words of a transcript mail, in the languages the widget speaks; others read English. */
const WORDS = {
  en: {
    subject: (number: string) => `Your chat with the district (case ${number})`,
    intro: (number: string) =>
      `Here is your chat with the district, kept as case ${number}. If you still need an answer, reply to the district with this case number.`,
    you: 'You',
    staff: 'District staff',
  },
  es: {
    subject: (number: string) => `Su chat con el distrito (caso ${number})`,
    intro: (number: string) =>
      `Aquí está su chat con el distrito, guardado como el caso ${number}. Si todavía necesita una respuesta, escriba al distrito con este número de caso.`,
    you: 'Usted',
    staff: 'Personal del distrito',
  },
} as const;

/**
 * The mail a family receives when their chat ends: every message either way, oldest first, each with its
 * time in the district's zone, in their language where the widget speaks it.
 */
export function chatTranscript(input: {
  caseNumber: string;
  language: string;
  timeZone: string;
  messages: readonly TranscriptMessage[];
}): { subject: string; text: string } {
  const base = input.language.toLowerCase().split('-')[0];
  const words = base === 'es' ? WORDS.es : WORDS.en;
  const time = new Intl.DateTimeFormat(base === 'es' ? 'es' : 'en', {
    timeZone: input.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const lines = input.messages.map(
    (message) =>
      `[${time.format(message.at)}] ${message.fromRequester ? words.you : words.staff}:\n${message.body.trim()}`,
  );
  return {
    subject: words.subject(input.caseNumber),
    text: [words.intro(input.caseNumber), '', ...lines.flatMap((line) => [line, ''])].join('\n'),
  };
}
