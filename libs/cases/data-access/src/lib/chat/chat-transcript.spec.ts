import { chatTranscript } from './chat-transcript';

describe('chatTranscript', () => {
  const messages = [
    { at: new Date('2026-12-07T15:04:00Z'), fromRequester: true, body: 'Is the library open?\n' },
    { at: new Date('2026-12-07T15:05:00Z'), fromRequester: false, body: 'Yes, 9 to 3.' },
  ];

  it('lists every message oldest first, with who wrote it and when in the district’s time', () => {
    const { subject, text } = chatTranscript({
      caseNumber: 'HR-2026-000042',
      language: 'en-US',
      timeZone: 'America/Chicago',
      messages,
    });
    expect(subject).toBe('Your chat with the district (case HR-2026-000042)');
    expect(text).toContain('kept as case HR-2026-000042');
    expect(text.indexOf('You:\nIs the library open?')).toBeLessThan(
      text.indexOf('District staff:\nYes, 9 to 3.'),
    );
    expect(text).toMatch(/\[Dec 7, 2026, 9:04\sAM\] You:/);
  });

  it('speaks each language of the public pages, Arabic and Chinese too, and English to others', () => {
    expect(chatTranscript({ caseNumber: 'HR-1', language: 'es', timeZone: 'UTC', messages }).text).toContain(
      'Personal del distrito:\nYes, 9 to 3.',
    );
    expect(chatTranscript({ caseNumber: 'HR-1', language: 'vi', timeZone: 'UTC', messages }).subject).toBe(
      'Cuộc trò chuyện của quý vị với học khu (hồ sơ HR-1)',
    );
    expect(
      chatTranscript({ caseNumber: 'HR-1', language: 'zh-CN', timeZone: 'UTC', messages }).text,
    ).toContain('学区工作人员:\nYes, 9 to 3.');
    expect(
      chatTranscript({ caseNumber: 'HR-1', language: 'ar', timeZone: 'UTC', messages }).subject,
    ).toContain('HR-1');
    expect(chatTranscript({ caseNumber: 'HR-1', language: 'fr', timeZone: 'UTC', messages }).subject).toBe(
      'Your chat with the district (case HR-1)',
    );
  });

  it('takes the district’s corrections of its words', () => {
    const { subject, text } = chatTranscript({
      caseNumber: 'HR-7',
      language: 'so',
      timeZone: 'UTC',
      messages,
      corrected: { chatTranscriptSubject: 'Sheekadaada (kiiska {number})', district: 'Xafiiska' },
    });
    expect(subject).toBe('Sheekadaada (kiiska HR-7)');
    expect(text).toContain('Xafiiska:\nYes, 9 to 3.');
    expect(text).toContain('Adiga:\nIs the library open?');
  });
});
