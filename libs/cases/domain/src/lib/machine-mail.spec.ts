import { machineMail, type MailFacts } from './machine-mail';

const person: MailFacts = {
  headers: new Map(),
  contentType: 'text/plain; charset=utf-8',
  from: 'rosa@example.org',
  envelopeSender: 'rosa@example.org',
  subject: 'Bus 14 was late again',
};
type Overrides = Partial<Omit<MailFacts, 'headers'>> & { headers?: Record<string, string> };
const facts = ({ headers = {}, ...overrides }: Overrides): MailFacts => ({
  ...person,
  ...overrides,
  headers: new Map(Object.entries(headers)),
});

describe('machine mail', () => {
  it('lets a person’s mail through, including their own “out of office” sentence and Auto-Submitted: no', () => {
    expect(machineMail(person)).toBeUndefined();
    expect(machineMail(facts({ subject: 'Out of office next week: who covers the bus?' }))).toBeUndefined();
    expect(machineMail(facts({ headers: { 'auto-submitted': 'no' } }))).toBeUndefined();
    // Outlook puts X-Auto-Response-Suppress on a person's mail too (meeting requests, some clients).
    expect(machineMail(facts({ headers: { 'x-auto-response-suppress': 'All' } }))).toBeUndefined();
  });

  it.each([
    ['RFC 3834', { headers: { 'auto-submitted': 'auto-replied' } }, 'AUTO_REPLY'],
    ['RFC 3834, generated', { headers: { 'auto-submitted': 'auto-generated' } }, 'AUTO_REPLY'],
    [
      'Exchange out-of-office',
      { headers: { 'x-auto-response-suppress': 'All' }, subject: 'Automatic reply: Bus 14 was late again' },
      'AUTO_REPLY',
    ],
    [
      'Apple Mail vacation: null sender',
      { envelopeSender: '', subject: 'Out of Office: Re: Bus 14' },
      'AUTO_REPLY',
    ],
    ['Respuesta automática', { envelopeSender: '', subject: 'Respuesta automática: Autobús' }, 'AUTO_REPLY'],
    ['X-Autoreply', { headers: { 'x-autoreply': 'yes' } }, 'AUTO_REPLY'],
    ['Precedence auto_reply', { headers: { precedence: 'auto_reply' } }, 'AUTO_REPLY'],
    [
      'a DSN',
      { contentType: 'multipart/report; report-type=delivery-status; boundary="x"' },
      'DELIVERY_REPORT',
    ],
    [
      'a quoted report type',
      { contentType: 'multipart/report; report-type="disposition-notification"' },
      'READ_RECEIPT',
    ],
    ['an ARF report', { contentType: 'multipart/report; report-type=feedback-report' }, 'ABUSE_REPORT'],
    ['a bounce from the daemon', { from: 'mailer-daemon@mx.example.org' }, 'DELIVERY_REPORT'],
    ['a null envelope sender', { envelopeSender: '' }, 'DELIVERY_REPORT'],
    ['a list', { headers: { 'list-id': '<pta.lists.example.org>' } }, 'MAILING_LIST'],
    ['a newsletter', { headers: { 'list-unsubscribe': '<https://news.example.org/u/1>' } }, 'MAILING_LIST'],
    ['Precedence list', { headers: { precedence: 'list' } }, 'MAILING_LIST'],
    ['Precedence bulk', { headers: { precedence: 'bulk' } }, 'BULK'],
    [
      'a majordomo list (its owner- sender)',
      { envelopeSender: 'owner-pta@lists.example.org' },
      'MAILING_LIST',
    ],
    [
      'a Mailman list (its -bounces sender)',
      { headers: { sender: 'PTA <pta-bounces@lists.example.org>' } },
      'MAILING_LIST',
    ],
    [
      'an ezmlm list',
      { headers: { 'mailing-list': 'contact pta-help@lists.example.org; run by ezmlm' } },
      'MAILING_LIST',
    ],
    ['an iCloud vacation reply', { headers: { 'x-apple-action': 'VACATION' } }, 'AUTO_REPLY'],
    [
      'an Exim bounce (Auto-Submitted too)',
      { from: 'mailer-daemon@mx.example.org', headers: { 'auto-submitted': 'auto-replied' } },
      'DELIVERY_REPORT',
    ],
    ['a bare MAILER-DAEMON', { from: 'mailer-daemon' }, 'DELIVERY_REPORT'],
    [
      'a Hotmail complaint',
      { from: 'staff@hotmail.com', subject: 'complaint about message from 192.0.2.1' },
      'ABUSE_REPORT',
    ],
  ] as [string, Overrides, string][])('%s → %s', (_what, overrides, reason) => {
    expect(machineMail(facts(overrides))?.reason).toBe(reason);
  });

  it('says what decided it', () => {
    expect(machineMail(facts({ headers: { 'list-id': 'PTA <pta.lists.example.org>' } }))?.detail).toBe(
      'list-id: PTA <pta.lists.example.org>',
    );
  });
});
