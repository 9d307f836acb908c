import type { SendMailOptions } from 'nodemailer';

export interface ConfirmationEmailInput {
  /** The district's sender, `Name <address>` (MAIL_FROM). */
  from: string;
  to: { name: string | null; address: string };
  caseNumber: string;
  /** The case's language; English for any the text is not written in. */
  language: string;
  /** The one-time link: `<PORTAL_URL>/contact/confirm/<token>`. */
  link: string;
}

const TEXTS = {
  en: {
    subject: (n: string) => `[${n}] Was it you who wrote to us?`,
    body: (n: string, link: string) =>
      [
        `Someone wrote to the district from this email address (case ${n}).`,
        '',
        'If it was you, confirm it here, so that the staff who answer know it is you and can see your family’s',
        'records with the case:',
        link,
        '',
        'If it was not you, do nothing: the case stays apart from your records, and we will not use this',
        'address for it beyond our replies. You may tell us by answering this email.',
      ].join('\n'),
  },
  es: {
    subject: (n: string) => `[${n}] ¿Nos escribió usted?`,
    body: (n: string, link: string) =>
      [
        `Alguien escribió al distrito desde esta dirección de correo (caso ${n}).`,
        '',
        'Si fue usted, confírmelo aquí, para que el personal que le responde sepa que es usted y pueda ver',
        'los datos de su familia junto al caso:',
        link,
        '',
        'Si no fue usted, no haga nada: el caso queda separado de sus datos. Puede avisarnos respondiendo',
        'a este correo.',
      ].join('\n'),
  },
} as const;

/**
 * The mail that asks the owner of an address typed into the form whether it was them (ADR 19). Sent to
 * the address the directory has for them (the one typed matched it), never shown to whoever typed it.
 * An automatic message: auto-responders should not answer it.
 */
export function buildConfirmationEmail(input: ConfirmationEmailInput): SendMailOptions {
  const texts = input.language.toLowerCase().startsWith('es') ? TEXTS.es : TEXTS.en;
  return {
    from: input.from,
    to: input.to.name ? { name: input.to.name, address: input.to.address } : input.to.address,
    subject: texts.subject(input.caseNumber),
    headers: { 'Auto-Submitted': 'auto-generated' },
    text: `${texts.body(input.caseNumber, input.link)}\n`,
  };
}
