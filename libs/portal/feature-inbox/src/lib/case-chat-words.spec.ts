import { chatEndedBecause, transcriptNotSent } from './case-chat-words';

describe("a chat's state in words", () => {
  it.each([
    ['REQUESTER_LEFT', 'the family left the chat'],
    ['STAFF_ENDED', 'staff ended it'],
    ['IDLE', 'nobody wrote for the idle time'],
    ['CASE_CLOSED', 'the case was resolved or closed'],
    [null, 'no reason given'],
  ] as const)('says why it ended (%s)', (reason, words) => {
    expect(chatEndedBecause(reason)).toBe(words);
  });

  it('shows a reason newer than the portal as the API names it', () => {
    expect(chatEndedBecause('TRANSFERRED' as never)).toBe('TRANSFERRED');
  });

  it.each([
    [
      { anonymous: true, contact: { email: 'sam@family.test' } },
      'No transcript: the family wrote anonymously.',
    ],
    [{ anonymous: false, contact: { email: null } }, 'No transcript: the family gave no email address.'],
    [{ anonymous: false, contact: { email: 'sam@family.test' } }, 'Transcript not mailed yet.'],
  ])('says why a transcript was not mailed (%o)', (supportCase, words) => {
    expect(transcriptNotSent(supportCase)).toBe(words);
  });
});
