import {
  domainOf,
  newReplyToken,
  parseIntakeRecipient,
  REPLY_TOKEN_PATTERN,
  replyAddressFor,
  replyTokensIn,
} from './reply-address';

const INTAKE = ['talk@homeroom.test', 'help@riverside.k12.test'];

describe('reply tokens', () => {
  it('are 20 lower-case base32 characters, different every time', () => {
    const tokens = Array.from({ length: 200 }, () => newReplyToken());
    for (const token of tokens) {
      expect(token).toMatch(/^[a-z2-7]{20}$/);
      expect(token).toMatch(REPLY_TOKEN_PATTERN);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('accept the hex tokens the migration gave existing cases', () => {
    expect('3f2b8c1e9a4d4e6f8b7a1c2d3e4f5a6b').toMatch(REPLY_TOKEN_PATTERN);
    expect('short').not.toMatch(REPLY_TOKEN_PATTERN);
    expect('Has-Upper-And-Dash').not.toMatch(REPLY_TOKEN_PATTERN);
  });
});

describe('replyAddressFor', () => {
  it('puts the token after a plus in the local part, at the intake domain', () => {
    expect(replyAddressFor('talk@homeroom.test', 'abcdefghij234567')).toBe(
      'talk+abcdefghij234567@homeroom.test',
    );
    expect(replyAddressFor('Help@Riverside.K12.test', 'k3x7')).toBe('help+k3x7@riverside.k12.test');
  });

  it('refuses what is not an address', () => {
    expect(() => replyAddressFor('talk', 'abc')).toThrow(/Not an email address/);
  });

  it('knows the domain', () => {
    expect(domainOf('talk@HomeRoom.Test')).toBe('homeroom.test');
  });
});

describe('parseIntakeRecipient', () => {
  it('recognizes an intake address, in any case', () => {
    expect(parseIntakeRecipient('Talk@Homeroom.TEST', INTAKE)).toEqual({ intake: 'talk@homeroom.test' });
  });

  it('recognizes local+detail@domain as a sub-address of an intake address', () => {
    expect(parseIntakeRecipient('talk+abcdefghij234567@homeroom.test', INTAKE)).toEqual({
      intake: 'talk@homeroom.test',
      detail: 'abcdefghij234567',
    });
    expect(parseIntakeRecipient('HELP+ABCDEFGHIJ@riverside.k12.test', INTAKE)).toEqual({
      intake: 'help@riverside.k12.test',
      detail: 'abcdefghij',
    });
    expect(parseIntakeRecipient('talk+@homeroom.test', INTAKE)).toEqual({ intake: 'talk@homeroom.test' });
  });

  it('refuses other mailboxes and other domains', () => {
    expect(parseIntakeRecipient('principal@homeroom.test', INTAKE)).toBeUndefined();
    expect(parseIntakeRecipient('principal+abcdefghij@homeroom.test', INTAKE)).toBeUndefined();
    expect(parseIntakeRecipient('talk+abcdefghij@evil.example', INTAKE)).toBeUndefined();
    expect(parseIntakeRecipient('+abcdefghij@homeroom.test', INTAKE)).toBeUndefined();
    expect(parseIntakeRecipient('not an address', INTAKE)).toBeUndefined();
  });
});

describe('replyTokensIn', () => {
  it('finds each token once, only in sub-addresses of intake addresses with token syntax', () => {
    expect(
      replyTokensIn(
        [
          'rosa@example.org',
          'talk+abcdefghij234567@homeroom.test',
          'TALK+ABCDEFGHIJ234567@homeroom.test',
          'talk+hi@homeroom.test',
          'talk@homeroom.test',
          'other+zzzzzzzzzzzz@example.org',
          'help+0123456789abcdef@riverside.k12.test',
        ],
        INTAKE,
      ),
    ).toEqual(['abcdefghij234567', '0123456789abcdef']);
    expect(replyTokensIn([], INTAKE)).toEqual([]);
  });
});
