import { buildConfirmationEmail } from './requester-confirmation-email';

describe('the requester confirmation email', () => {
  const input = {
    from: 'Riverside Unified <talk@homeroom.test>',
    to: { name: 'Ana Ruiz', address: 'ana@family.test' },
    caseNumber: 'HR-2026-000042',
    link: 'https://portal.example.org/contact/confirm/abc',
  };

  it('asks in the case’s language, with the link, as an automatic message', () => {
    const mail = buildConfirmationEmail({ ...input, language: 'es-MX' });
    expect(mail.subject).toBe('[HR-2026-000042] ¿Nos escribió usted?');
    expect(mail.text).toContain('https://portal.example.org/contact/confirm/abc');
    expect(mail.headers).toEqual({ 'Auto-Submitted': 'auto-generated' });
    expect(mail.to).toEqual({ name: 'Ana Ruiz', address: 'ana@family.test' });
  });

  it('falls back to English for a language it is not written in', () => {
    expect(buildConfirmationEmail({ ...input, language: 'vi' }).subject).toBe(
      '[HR-2026-000042] Was it you who wrote to us?',
    );
  });
});
