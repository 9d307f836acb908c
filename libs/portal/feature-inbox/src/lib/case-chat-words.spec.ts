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
    ['ANONYMOUS', 'No transcript: the family wrote anonymously.'],
    ['NO_EMAIL', 'No transcript: the family gave no email address.'],
    ['MAIL_OFF', 'No transcript: the district sends no mail from Homeroom.'],
    ['REJECTED', "No transcript: the family's mail server refused the address."],
    [null, 'Transcript not mailed yet.'],
  ] as const)('says why a transcript was not mailed (%s)', (transcriptSkipped, words) => {
    expect(transcriptNotSent({ transcriptSkipped })).toBe(words);
  });
});
