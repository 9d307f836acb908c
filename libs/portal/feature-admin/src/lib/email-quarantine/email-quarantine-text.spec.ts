import {
  emptyText,
  messageActionName,
  messageLabel,
  QUARANTINE_REFUSALS,
  QUARANTINE_STATES,
  reasonText,
  senderText,
  subjectText,
  totalText,
} from './email-quarantine-text';

describe('kept email in words', () => {
  it('offers the three states, waiting first', () => {
    expect(QUARANTINE_STATES).toEqual([
      { state: 'OPEN', name: 'Waiting' },
      { state: 'RELEASED', name: 'Released' },
      { state: 'DISCARDED', name: 'Discarded' },
    ]);
  });

  it('says plainly why each message was kept, and gives a reason it does not know as it came', () => {
    expect(
      [
        'AUTO_REPLY',
        'DELIVERY_REPORT',
        'READ_RECEIPT',
        'ABUSE_REPORT',
        'MAILING_LIST',
        'BULK',
        'NO_SENDER',
        'EMPTY',
        'UNREADABLE',
      ].map(reasonText),
    ).toEqual([
      'Automatic reply',
      'Delivery report (bounce)',
      'Read receipt',
      'Abuse report',
      'Mailing list',
      'Bulk mail',
      'No sender address',
      'Empty message',
      'Could not be taken',
    ]);
    expect(reasonText('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('says when a message came without a sender or a subject', () => {
    expect(senderText('ms.ortiz@example.org')).toBe('ms.ortiz@example.org');
    expect(senderText(null)).toBe('no sender');
    expect(senderText(' ')).toBe('no sender');
    expect(subjectText('Out of office')).toBe('Out of office');
    expect(subjectText('  ')).toBe('(no subject)');
  });

  it('names a message and the actions on it by its subject and sender', () => {
    const label = messageLabel('Out of office', 'ms.ortiz@example.org');
    expect(label).toBe('“Out of office” from ms.ortiz@example.org');
    expect(messageActionName('release', label)).toBe(
      'Make a case of “Out of office” from ms.ortiz@example.org',
    );
    expect(messageActionName('discard', label)).toBe('Discard “Out of office” from ms.ortiz@example.org');
  });

  it('counts the messages in a state', () => {
    expect(totalText(3, 'OPEN')).toBe('3 messages waiting');
    expect(totalText(1, 'RELEASED')).toBe('1 message released');
    expect(totalText(0, 'DISCARDED')).toBe('No messages discarded');
  });

  it('says what an empty state means', () => {
    expect(emptyText('OPEN')).toBe('No kept email is waiting.');
    expect(emptyText('RELEASED')).toBe('No kept email has been made a case yet.');
    expect(emptyText('DISCARDED')).toBe('No kept email has been discarded.');
  });

  it('has its own words for the refusals of a release', () => {
    expect(QUARANTINE_REFUSALS['ALREADY_SETTLED']).toBe('Someone else already settled this message');
    expect(QUARANTINE_REFUSALS['NO_SENDER']).toBe('This message has no sender address to answer');
  });
});
