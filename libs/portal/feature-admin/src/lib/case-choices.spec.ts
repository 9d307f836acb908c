import {
  caseStatusName,
  CHANNELS,
  channelName,
  choicesOf,
  personKindName,
  PRIORITIES,
  priorityName,
  REQUESTER_KINDS,
} from './case-choices';

describe("a case's choices in people's words", () => {
  it('names every priority and channel the pickers offer', () => {
    expect(PRIORITIES.map(priorityName)).toEqual(['Low', 'Normal', 'High', 'Urgent']);
    expect(CHANNELS.map(channelName)).toEqual([
      'Web form',
      'Email',
      'Phone',
      'Text message',
      'Chat',
      'Walk-in',
      'Social media',
      'Entered by staff',
    ]);
  });

  it("names the kinds of people as the directory does, and a case's statuses", () => {
    expect(REQUESTER_KINDS.map(personKindName)).toEqual(['Guardian', 'Student', 'Staff', 'Community member']);
    expect(['NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED'].map(caseStatusName)).toEqual([
      'New',
      'Open',
      'Pending',
      'On hold',
      'Resolved',
      'Closed',
    ]);
  });

  it('leaves a value the portal does not know yet as the API names it', () => {
    expect(channelName('CARRIER_PIGEON')).toBe('CARRIER_PIGEON');
    expect(priorityName('toString')).toBe('toString');
    expect(personKindName('ALUMNUS')).toBe('ALUMNUS');
    expect(caseStatusName('ARCHIVED')).toBe('ARCHIVED');
  });

  it('offers the values with their words, keeping the values for the API', () => {
    expect(choicesOf(['WEB_FORM', 'WALK_IN'], channelName)).toEqual([
      { value: 'WEB_FORM', name: 'Web form' },
      { value: 'WALK_IN', name: 'Walk-in' },
    ]);
  });
});
