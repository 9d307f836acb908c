import { csatEligibility, invitationSchedule, type ResolvedCaseFacts } from './csat-eligibility';

const now = new Date('2026-11-28T09:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

const facts: ResolvedCaseFacts = {
  anonymous: false,
  reachableBy: ['EMAIL', 'SMS'],
  channel: 'WEB_FORM',
  language: 'es-MX',
  confidential: false,
  merged: false,
  duplicate: false,
  spam: false,
  staffInternal: false,
  agentOptedOut: false,
  lastInvitedAt: null,
};

describe('csatEligibility', () => {
  it('invites by email, in the requester’s language', () => {
    expect(csatEligibility(facts, now)).toEqual({ invite: true, channel: 'EMAIL', language: 'es-MX' });
  });

  it.each<[string, Partial<ResolvedCaseFacts>, string]>([
    ['an anonymous case', { anonymous: true }, 'ANONYMOUS'],
    ['a confidential case', { confidential: true }, 'CONFIDENTIAL'],
    ['a case merged into another', { merged: true }, 'MERGED'],
    ['a duplicate', { duplicate: true }, 'DUPLICATE'],
    ['spam', { spam: true }, 'SPAM'],
    ['a staff-internal case', { staffInternal: true }, 'STAFF_INTERNAL'],
    ['a case the agent opted out of', { agentOptedOut: true }, 'OPTED_OUT'],
    ['a requester with no email or phone', { reachableBy: [] }, 'UNREACHABLE'],
    ['a requester invited 6 days ago', { lastInvitedAt: daysAgo(6) }, 'COOLING_OFF'],
    ['the most fundamental reason first', { anonymous: true, spam: true, reachableBy: [] }, 'ANONYMOUS'],
    ['spam before unreachable', { spam: true, reachableBy: [] }, 'SPAM'],
  ])('does not invite for %s', (_, overrides, reason) => {
    expect(csatEligibility({ ...facts, ...overrides }, now)).toEqual({ invite: false, reason });
  });

  it.each<[string, Partial<ResolvedCaseFacts>, string]>([
    ['a case that came in by text', { channel: 'SMS' }, 'SMS'],
    ['a phone call', { channel: 'PHONE' }, 'SMS'],
    ['a requester with only a phone', { reachableBy: ['SMS'] }, 'SMS'],
    ['a text-message case without a phone', { channel: 'SMS', reachableBy: ['EMAIL'] }, 'EMAIL'],
  ])('chooses the channel for %s', (_, overrides, channel) => {
    expect(csatEligibility({ ...facts, ...overrides }, now)).toMatchObject({ invite: true, channel });
  });

  it('invites again once the cooling-off period has passed, which a district may change', () => {
    expect(csatEligibility({ ...facts, lastInvitedAt: daysAgo(7) }, now).invite).toBe(true);
    expect(csatEligibility({ ...facts, lastInvitedAt: daysAgo(7) }, now, { coolingOffDays: 14 })).toEqual({
      invite: false,
      reason: 'COOLING_OFF',
    });
  });

  it('falls back to the policy’s language, then English', () => {
    expect(csatEligibility({ ...facts, language: null }, now, { defaultLanguage: 'vi' })).toMatchObject({
      language: 'vi',
    });
    expect(csatEligibility({ ...facts, language: null }, now)).toMatchObject({ language: 'en' });
  });
});

describe('invitationSchedule', () => {
  const sentAt = new Date('2026-11-28T09:00:00.000Z');

  it.each([
    ['the defaults', {}, '2026-12-01T09:00:00.000Z', '2026-12-12T09:00:00.000Z'],
    [
      'a district’s own',
      { remindAfterDays: 2, expireAfterDays: 5 },
      '2026-11-30T09:00:00.000Z',
      '2026-12-03T09:00:00.000Z',
    ],
    ['no reminder', { remindAfterDays: null }, null, '2026-12-12T09:00:00.000Z'],
    [
      'a reminder that would come at expiry',
      { remindAfterDays: 5, expireAfterDays: 5 },
      null,
      '2026-12-03T09:00:00.000Z',
    ],
  ])('schedules %s', (_, policy, remindAt, expiresAt) => {
    const schedule = invitationSchedule(sentAt, policy);
    expect(schedule.remindAt?.toISOString() ?? null).toBe(remindAt);
    expect(schedule.expiresAt.toISOString()).toBe(expiresAt);
  });

  it.each([{ expireAfterDays: 0 }, { remindAfterDays: -1 }, { expireAfterDays: Number.NaN }])(
    'refuses %j',
    (policy) => {
      expect(() => invitationSchedule(sentAt, policy)).toThrow(
        expect.objectContaining({ reason: 'INVALID_SCHEDULE' }),
      );
    },
  );
});
