import { smsKeyword } from './sms-keywords';

describe('smsKeyword', () => {
  it.each([
    ['STOP', 'STOP', 'STOP'],
    ['stop', 'STOP', 'STOP'],
    ['  Stop. ', 'STOP', 'STOP'],
    ['UNSUBSCRIBE', 'STOP', 'UNSUBSCRIBE'],
    ['cancel!', 'STOP', 'CANCEL'],
    ['ｓｔｏｐ', 'STOP', 'STOP'],
    ['start', 'START', 'START'],
    ['Yes', 'START', 'YES'],
    ['UNSTOP', 'START', 'UNSTOP'],
    ['help?', 'HELP', 'HELP'],
    ['info', 'HELP', 'INFO'],
  ])('reads %j as %s', (body, kind, word) => {
    expect(smsKeyword(body)).toEqual({ kind, word });
  });

  it.each(['stop the bus at Elm St', 'please help', 'yes I can come at 3', '', 'STOP STOP', 'stopp', 'Hủy'])(
    'takes %j as a message, not a keyword',
    (body) => {
      expect(smsKeyword(body)).toBeNull();
    },
  );
});
