import { buildReplyEmail, normalizeMessageId, type ReplyEmailInput, replySubject } from './reply-email';

const INPUT: ReplyEmailInput = {
  from: 'Riverside Unified <talk@homeroom.test>',
  intakeAddress: 'talk@homeroom.test',
  replyToken: 'abcdefghij234567abcd',
  to: { name: 'Rosa Parks', address: 'rosa.parks@example.org' },
  caseNumber: 'HR-2026-000042',
  caseSubject: 'Bus 14 keeps missing our stop',
  messageId: '9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  body: '  We are sorry. The route is being fixed.  ',
  thread: [],
};

describe('buildReplyEmail', () => {
  it('sends from the district, answers to the case reply address, with the case number in the subject', () => {
    const { emailMessageId, mail } = buildReplyEmail(INPUT);
    expect(emailMessageId).toBe('9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d@homeroom.test');
    expect(mail).toMatchObject({
      from: 'Riverside Unified <talk@homeroom.test>',
      to: { name: 'Rosa Parks', address: 'rosa.parks@example.org' },
      replyTo: 'talk+abcdefghij234567abcd@homeroom.test',
      subject: 'Re: [HR-2026-000042] Bus 14 keeps missing our stop',
      messageId: '<9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d@homeroom.test>',
    });
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.references).toBeUndefined();
  });

  it('is a human reply: no Auto-Submitted or other automation headers', () => {
    const { mail } = buildReplyEmail(INPUT);
    expect(mail.headers).toBeUndefined();
    expect(JSON.stringify(mail)).not.toMatch(/auto-submitted|precedence/i);
  });

  it('keeps the body, then a short footer with the case number and the tracking link hint', () => {
    const text = String(buildReplyEmail(INPUT).mail.text);
    expect(text.startsWith('We are sorry. The route is being fixed.\n\n-- \n')).toBe(true);
    expect(text).toContain('Case HR-2026-000042');
    expect(text).toMatch(/tracking link/);
  });

  it('addresses a requester without a name by address alone', () => {
    expect(buildReplyEmail({ ...INPUT, to: { name: null, address: 'x@example.org' } }).mail.to).toBe(
      'x@example.org',
    );
  });

  it("answers the requester's latest message and references the thread", () => {
    const { mail } = buildReplyEmail({
      ...INPUT,
      thread: [
        { emailMessageId: 'first@mail.example.org', fromRequester: true },
        { emailMessageId: 'ours@homeroom.test', fromRequester: false },
        { emailMessageId: 'second@mail.example.org', fromRequester: true },
        { emailMessageId: 'ours-again@homeroom.test', fromRequester: false },
      ],
    });
    expect(mail.inReplyTo).toBe('<second@mail.example.org>');
    expect(mail.references).toEqual([
      '<first@mail.example.org>',
      '<ours@homeroom.test>',
      '<second@mail.example.org>',
      '<ours-again@homeroom.test>',
    ]);
  });

  it('answers our own last message when the requester never emailed (a web form case)', () => {
    const { mail } = buildReplyEmail({
      ...INPUT,
      thread: [{ emailMessageId: 'ours@homeroom.test', fromRequester: false }],
    });
    expect(mail.inReplyTo).toBe('<ours@homeroom.test>');
  });

  it('keeps the first and the latest references of a long thread', () => {
    const thread = Array.from({ length: 30 }, (_, i) => ({
      emailMessageId: `m${i}@example.org`,
      fromRequester: i % 2 === 0,
    }));
    const references = buildReplyEmail({ ...INPUT, thread }).mail.references as string[];
    expect(references).toHaveLength(10);
    expect(references[0]).toBe('<m0@example.org>');
    expect(references.at(-1)).toBe('<m29@example.org>');
  });
});

describe('replySubject', () => {
  it('does not pile up Re:, Fwd: or case numbers', () => {
    expect(replySubject('HR-2026-000042', 'Re: Fwd: Bus   late')).toBe('Re: [HR-2026-000042] Bus late');
    expect(replySubject('HR-2026-000042', 'RE: [HR-2026-000042] Bus late')).toBe(
      'Re: [HR-2026-000042] Bus late',
    );
    expect(replySubject('HR-2026-000043', 'Line one\r\nBcc: evil@example.org')).toBe(
      'Re: [HR-2026-000043] Line one Bcc: evil@example.org',
    );
  });
});

describe('normalizeMessageId', () => {
  it('strips brackets and refuses what is not a message id', () => {
    expect(normalizeMessageId('<CAF123@mail.example.org>')).toBe('CAF123@mail.example.org');
    expect(normalizeMessageId(' abc@x ')).toBe('abc@x');
    expect(normalizeMessageId('no at sign')).toBeUndefined();
    expect(normalizeMessageId('<a b@x>')).toBeUndefined();
    expect(normalizeMessageId(`<${'x'.repeat(300)}@x>`)).toBeUndefined();
    expect(normalizeMessageId(undefined)).toBeUndefined();
  });
});
