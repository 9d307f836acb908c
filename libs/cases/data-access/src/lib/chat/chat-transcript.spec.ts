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

  it('speaks Spanish to a Spanish-speaking family, and English to others it cannot', () => {
    expect(chatTranscript({ caseNumber: 'HR-1', language: 'es', timeZone: 'UTC', messages }).text).toContain(
      'Personal del distrito:\nYes, 9 to 3.',
    );
    expect(chatTranscript({ caseNumber: 'HR-1', language: 'vi', timeZone: 'UTC', messages }).subject).toBe(
      'Your chat with the district (case HR-1)',
    );
  });
});
