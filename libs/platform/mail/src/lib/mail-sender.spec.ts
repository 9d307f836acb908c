import { isPermanentRecipientRejection, MailSender } from './mail-sender';

describe('isPermanentRecipientRejection', () => {
  it('is a 5xx refusal of the recipient, nothing else', () => {
    expect(
      isPermanentRecipientRejection({ code: 'EENVELOPE', responseCode: 550, rejected: ['x@example.org'] }),
    ).toBe(true);
    expect(
      isPermanentRecipientRejection({ code: 'EENVELOPE', responseCode: 450, rejected: ['x@example.org'] }),
    ).toBe(false);
    expect(isPermanentRecipientRejection({ code: 'EENVELOPE', responseCode: 553, rejected: [] })).toBe(false);
    expect(isPermanentRecipientRejection({ code: 'ESOCKET' })).toBe(false);
    expect(
      isPermanentRecipientRejection(
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' }),
      ),
    ).toBe(false);
    expect(isPermanentRecipientRejection(undefined)).toBe(false);
  });
});

describe('MailSender', () => {
  it('is off without an SMTP URL, and says so rather than dropping mail', async () => {
    const sender = new MailSender('');
    expect(sender.enabled).toBe(false);
    await expect(sender.send({ to: 'x@example.org', text: 'hi' })).rejects.toThrow(/SMTP_OUTBOUND_URL/);
  });
});
