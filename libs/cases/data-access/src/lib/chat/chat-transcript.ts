import {
  fillPlaceholders,
  isPublicLanguage,
  PUBLIC_TEXT,
  type PublicText,
} from '@homeroom/shared/public-text';

/** One message of a chat, as its transcript shows it. */
export interface TranscriptMessage {
  at: Date;
  fromRequester: boolean;
  body: string;
}

/** A transcript's words: the public pages' (ADR 33), as the district corrected them. */
export type TranscriptWords = Pick<
  PublicText,
  'chatTranscriptSubject' | 'chatTranscriptIntro' | 'you' | 'district'
>;

/** The language a transcript is written in: the family's where the public pages speak it, else English. */
export function transcriptLanguage(language: string): keyof typeof PUBLIC_TEXT {
  const base = language.toLowerCase().split('-')[0] ?? 'en';
  return isPublicLanguage(base) ? base : 'en';
}

/**
 * The mail a family receives when their chat ends: every message either way, oldest first, each with its
 * time in the district's zone, in their language where the public pages speak it (with the district's
 * corrections of those words, `corrected`).
 */
export function chatTranscript(input: {
  caseNumber: string;
  language: string;
  timeZone: string;
  messages: readonly TranscriptMessage[];
  corrected?: Partial<TranscriptWords>;
}): { subject: string; text: string } {
  const language = transcriptLanguage(input.language);
  const words: TranscriptWords = { ...PUBLIC_TEXT[language], ...input.corrected };
  const time = new Intl.DateTimeFormat(language, {
    timeZone: input.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const lines = input.messages.map(
    (message) =>
      `[${time.format(message.at)}] ${message.fromRequester ? words.you : words.district}:\n${message.body.trim()}`,
  );
  const number = { number: input.caseNumber };
  return {
    subject: fillPlaceholders(words.chatTranscriptSubject, number),
    text: [
      fillPlaceholders(words.chatTranscriptIntro, number),
      '',
      ...lines.flatMap((line) => [line, '']),
    ].join('\n'),
  };
}
