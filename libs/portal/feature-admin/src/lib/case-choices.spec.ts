import { channelName, personKindName, priorityName } from '@homeroom/portal/ui';
import { CHANNELS, choicesOf, PRIORITIES, REQUESTER_KINDS } from './case-choices';

describe("a case's choices in people's words", () => {
  it('has words for every priority, channel and kind of person the pickers offer', () => {
    expect(choicesOf(PRIORITIES, priorityName).map(({ name }) => name)).toEqual([
      'Low',
      'Normal',
      'High',
      'Urgent',
    ]);
    expect(choicesOf(CHANNELS, channelName).map(({ name }) => name)).toEqual([
      'Web form',
      'Email',
      'Phone',
      'Text message',
      'Chat',
      'Walk-in',
      'Social media',
      'Entered by staff',
    ]);
    expect(choicesOf(REQUESTER_KINDS, personKindName).map(({ name }) => name)).toEqual([
      'Guardian',
      'Student',
      'Staff',
      'Community member',
    ]);
  });

  it('offers the values with their words, keeping the values for the API', () => {
    expect(choicesOf(['WEB_FORM', 'WALK_IN'], channelName)).toEqual([
      { value: 'WEB_FORM', name: 'Web form' },
      { value: 'WALK_IN', name: 'Walk-in' },
    ]);
  });
});
