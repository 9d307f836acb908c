import type { InvitationChannel } from '@homeroom/surveys/domain';

export interface InvitationMessage {
  subject: string;
  body: string;
}

interface Wording {
  subject: (caseNumber: string | null) => string;
  email: (link: string, caseNumber: string | null, reminder: boolean) => string;
  sms: (link: string, caseNumber: string | null, reminder: boolean) => string;
  /** A district survey: its title is the subject. */
  surveyEmail: (link: string, title: string, reminder: boolean, closes: string) => string;
  surveySms: (link: string, title: string, reminder: boolean) => string;
}

const WORDING: Record<'en' | 'es', Wording> = {
  en: {
    subject: (caseNumber) => (caseNumber ? `How did we do? (case ${caseNumber})` : 'How did we do?'),
    email: (link, caseNumber, reminder) =>
      [
        reminder
          ? 'A reminder: we would still like to hear from you.'
          : 'Thank you for contacting your district.',
        caseNumber
          ? `How were you left feeling after we handled case ${caseNumber}? It takes a minute:`
          : 'How were you left feeling after this interaction? It takes a minute:',
        link,
        'The link is yours alone and works once. If you would rather not answer, simply ignore this message.',
      ].join('\n\n'),
    sms: (link, _, reminder) =>
      `${reminder ? 'Reminder: h' : 'H'}ow did we do? Tell your district in one minute: ${link}`,
    surveyEmail: (link, title, reminder, closes) =>
      [
        reminder
          ? 'A reminder: there is still time to answer.'
          : 'Your district would like to hear from you.',
        `"${title}" takes a few minutes; it closes on ${closes}:`,
        link,
        'The link is yours alone. If you would rather not answer, simply ignore this message.',
      ].join('\n\n'),
    surveySms: (link, title, reminder) =>
      `${reminder ? 'Reminder: ' : ''}${title}, from your district: ${link}`,
  },
  es: {
    subject: (caseNumber) => (caseNumber ? `¿Cómo lo hicimos? (caso ${caseNumber})` : '¿Cómo lo hicimos?'),
    email: (link, caseNumber, reminder) =>
      [
        reminder
          ? 'Un recordatorio: todavía nos gustaría saber su opinión.'
          : 'Gracias por comunicarse con su distrito.',
        caseNumber
          ? `¿Cómo se sintió después de que atendimos el caso ${caseNumber}? Toma un minuto:`
          : '¿Cómo se sintió después de esta interacción? Toma un minuto:',
        link,
        'El enlace es solo para usted y funciona una vez. Si prefiere no responder, ignore este mensaje.',
      ].join('\n\n'),
    sms: (link, _, reminder) =>
      `${reminder ? 'Recordatorio: ¿' : '¿'}Cómo lo hicimos? Díganos en un minuto: ${link}`,
    surveyEmail: (link, title, reminder, closes) =>
      [
        reminder ? 'Un recordatorio: todavía hay tiempo para responder.' : 'Su distrito quiere escucharle.',
        `"${title}" toma unos minutos; cierra el ${closes}:`,
        link,
        'El enlace es solo para usted. Si prefiere no responder, ignore este mensaje.',
      ].join('\n\n'),
    surveySms: (link, title, reminder) =>
      `${reminder ? 'Recordatorio: ' : ''}${title}, de su distrito: ${link}`,
  },
};

/**
 * The invitation (or its reminder) in the recipient's language, Spanish for any `es-*`, English otherwise:
 * about a case (the satisfaction survey) or a district survey (its title, and when it closes).
 */
export function invitationMessage(input: {
  channel: InvitationChannel;
  language: string;
  link: string;
  reminder: boolean;
  about: { caseNumber: string | null } | { surveyTitle: string; closesAt: Date; timeZone: string };
}): InvitationMessage {
  const spanish = input.language.toLowerCase().startsWith('es');
  const wording = WORDING[spanish ? 'es' : 'en'];
  const { about } = input;
  if ('surveyTitle' in about) {
    const closes = new Intl.DateTimeFormat(spanish ? 'es' : 'en-US', {
      dateStyle: 'long',
      timeZone: about.timeZone,
    }).format(about.closesAt);
    return {
      subject: about.surveyTitle.slice(0, 200),
      body:
        input.channel === 'SMS'
          ? wording.surveySms(input.link, about.surveyTitle, input.reminder)
          : wording.surveyEmail(input.link, about.surveyTitle, input.reminder, closes),
    };
  }
  return {
    subject: wording.subject(about.caseNumber),
    body:
      input.channel === 'SMS'
        ? wording.sms(input.link, about.caseNumber, input.reminder)
        : wording.email(input.link, about.caseNumber, input.reminder),
  };
}
