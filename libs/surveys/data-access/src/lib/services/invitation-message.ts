import type { InvitationChannel } from '@homeroom/surveys/domain';

export interface InvitationMessage {
  subject: string;
  body: string;
}

interface Wording {
  subject: (caseNumber: string | null) => string;
  email: (link: string, caseNumber: string | null, reminder: boolean) => string;
  sms: (link: string, caseNumber: string | null, reminder: boolean) => string;
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
  },
};

/** The invitation (or its reminder) in the requester's language: Spanish for any `es-*`, English otherwise. */
export function invitationMessage(input: {
  channel: InvitationChannel;
  language: string;
  link: string;
  caseNumber: string | null;
  reminder: boolean;
}): InvitationMessage {
  const wording = WORDING[input.language.toLowerCase().startsWith('es') ? 'es' : 'en'];
  return {
    subject: wording.subject(input.caseNumber),
    body:
      input.channel === 'SMS'
        ? wording.sms(input.link, input.caseNumber, input.reminder)
        : wording.email(input.link, input.caseNumber, input.reminder),
  };
}
