import { trackingTokenOf } from './chat.controller';

describe('trackingTokenOf', () => {
  const token = 'k3J9x_2-abcdefghijklmnopqrstuvwxyz0123456';

  it('reads `Authorization: Tracking <token>`, in any case of the scheme', () => {
    expect(trackingTokenOf(`Tracking ${token}`)).toBe(token);
    expect(trackingTokenOf(`tracking   ${token} `)).toBe(token);
  });

  it('takes nothing else: another scheme, no token, a token with other characters, or a short one', () => {
    for (const header of [
      undefined,
      '',
      `Bearer ${token}`,
      'Tracking',
      `Tracking ${token}!`,
      'Tracking abc',
      `Tracking ${token} extra`,
    ])
      expect(trackingTokenOf(header)).toBeUndefined();
  });
});
