/** Every word the widget shows, in the languages it speaks (the page's language picks; English otherwise). */
export const WIDGET_TEXT = {
  en: {
    launcher: 'Chat with us',
    title: 'Chat with your district',
    close: 'Close the chat window',
    checking: 'Checking who is here…',
    here: 'We are here. Ask us anything about school.',
    away: 'Nobody can chat right now. Leave a message and we will answer by email.',
    closed: 'We are closed now. Leave a message and we will answer by email.',
    opensAt: 'We open again {when}.',
    name: 'Your name (optional)',
    email: 'Your email (optional)',
    emailHint: 'To receive our answer and a copy of this chat.',
    message: 'Your message',
    start: 'Start chat',
    leaveMessage: 'Send message',
    starting: 'Starting…',
    required: 'Please write your message.',
    you: 'You',
    staff: 'District staff',
    reply: 'Write a message',
    send: 'Send',
    endChat: 'End chat',
    reconnecting: 'Reconnecting…',
    ended: 'This chat has ended.',
    endedIdle: 'This chat ended because nobody wrote for a while.',
    transcript: 'A copy of this chat is on its way to your email.',
    caseNumber: 'Your case number is {number}.',
    newChat: 'Start a new chat',
    failed: 'Your message could not be sent. Please try again.',
    waiting: 'A member of staff will answer here soon.',
  },
  es: {
    launcher: 'Chatee con nosotros',
    title: 'Chatee con su distrito',
    close: 'Cerrar la ventana del chat',
    checking: 'Comprobando quién está disponible…',
    here: 'Estamos aquí. Pregúntenos lo que quiera sobre la escuela.',
    away: 'Nadie puede chatear ahora. Deje un mensaje y le responderemos por correo electrónico.',
    closed: 'Ahora estamos cerrados. Deje un mensaje y le responderemos por correo electrónico.',
    opensAt: 'Volvemos a abrir {when}.',
    name: 'Su nombre (opcional)',
    email: 'Su correo electrónico (opcional)',
    emailHint: 'Para recibir nuestra respuesta y una copia de este chat.',
    message: 'Su mensaje',
    start: 'Iniciar chat',
    leaveMessage: 'Enviar mensaje',
    starting: 'Iniciando…',
    required: 'Por favor, escriba su mensaje.',
    you: 'Usted',
    staff: 'Personal del distrito',
    reply: 'Escriba un mensaje',
    send: 'Enviar',
    endChat: 'Terminar el chat',
    reconnecting: 'Reconectando…',
    ended: 'Este chat ha terminado.',
    endedIdle: 'Este chat terminó porque nadie escribió durante un rato.',
    transcript: 'Le enviamos una copia de este chat a su correo electrónico.',
    caseNumber: 'Su número de caso es {number}.',
    newChat: 'Iniciar un chat nuevo',
    failed: 'No se pudo enviar su mensaje. Inténtelo de nuevo.',
    waiting: 'Un miembro del personal le responderá aquí pronto.',
  },
} as const;

export type WidgetLanguage = keyof typeof WIDGET_TEXT;
export type WidgetText = Record<keyof (typeof WIDGET_TEXT)['en'], string>;

/** The widget's language from a BCP 47 tag (`es-MX` → es); English when it does not speak it. */
export function widgetLanguage(tag: string | null | undefined): WidgetLanguage {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return base === 'es' ? 'es' : 'en';
}

/** A text with its `{name}` placeholders filled. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
