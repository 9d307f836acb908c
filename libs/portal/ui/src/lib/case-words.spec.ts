import { caseStatusName, channelName, personKindName, priorityName } from './case-words';

describe("a case's values in people's words", () => {
  it('names every priority and channel', () => {
    expect(['LOW', 'NORMAL', 'HIGH', 'URGENT'].map(priorityName)).toEqual([
      'Low',
      'Normal',
      'High',
      'Urgent',
    ]);
    expect(
      ['WEB_FORM', 'EMAIL', 'PHONE', 'SMS', 'CHAT', 'WALK_IN', 'SOCIAL', 'STAFF'].map(channelName),
    ).toEqual([
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
    expect(['GUARDIAN', 'STUDENT', 'STAFF', 'COMMUNITY'].map(personKindName)).toEqual([
      'Guardian',
      'Student',
      'Staff',
      'Community member',
    ]);
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
});
