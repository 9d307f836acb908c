import {
  SIGN_IN_THROTTLES,
  addressThrottle,
  throttleDelaySeconds,
  throttleKey,
  throttleSchedule,
  type ThrottlePolicy,
} from './sign-in-throttle';

const policy: ThrottlePolicy = {
  failuresBeforeDelay: 5,
  firstDelaySeconds: 30,
  maxDelaySeconds: 900,
  forgetAfterSeconds: 86_400,
};

describe('the sign-in throttle policy', () => {
  it('lets the first failures through, then doubles the wait with each further failure, up to a cap', () => {
    expect([1, 2, 3, 4].map((failures) => throttleDelaySeconds(policy, failures))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map((failures) => throttleDelaySeconds(policy, failures))).toEqual([
      30, 60, 120, 240, 480,
    ]);
    expect(throttleDelaySeconds(policy, 10)).toBe(900);
    expect(throttleDelaySeconds(policy, 100_000)).toBe(900);
  });

  it('lists the waits after 1, 2, … failures until the cap, which holds from then on', () => {
    expect(throttleSchedule(policy)).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900]);
    const schedule = throttleSchedule(SIGN_IN_THROTTLES.ACCOUNT);
    expect(schedule.at(-1)).toBe(SIGN_IN_THROTTLES.ACCOUNT.maxDelaySeconds);
  });

  it('never locks anyone out: every wait is minutes at most, and failures are forgotten after a while', () => {
    for (const scope of ['ACCOUNT', 'CLIENT', 'ADDRESS'] as const) {
      const { maxDelaySeconds, forgetAfterSeconds, failuresBeforeDelay } = SIGN_IN_THROTTLES[scope];
      expect(maxDelaySeconds).toBeLessThanOrEqual(15 * 60);
      expect(forgetAfterSeconds).toBeGreaterThan(maxDelaySeconds);
      expect(failuresBeforeDelay).toBeGreaterThanOrEqual(5);
    }
    // An address (a school's shared connection) is given more failures than one account.
    expect(SIGN_IN_THROTTLES.ADDRESS.failuresBeforeDelay).toBeGreaterThan(
      SIGN_IN_THROTTLES.ACCOUNT.failuresBeforeDelay,
    );
  });

  it('takes the failures an address is allowed from configuration, refusing nonsense', () => {
    expect(addressThrottle(200)).toEqual({ ...SIGN_IN_THROTTLES.ADDRESS, failuresBeforeDelay: 200 });
    expect(() => addressThrottle(0)).toThrow(/at least 1/);
    expect(() => addressThrottle(2.5)).toThrow(/whole number/);
  });
});

describe('throttle keys', () => {
  it('count an address however it is written, and never hold the address itself', () => {
    const key = throttleKey('ACCOUNT', ' Admin@Homeroom.TEST ');
    expect(key).toBe(throttleKey('ACCOUNT', 'admin@homeroom.test'));
    expect(key).toMatch(/^ACCOUNT:[0-9a-f]{64}$/);
    expect(key).not.toContain('admin');
  });

  it('keep scopes apart, so an address and an account with the same text never share a count', () => {
    expect(throttleKey('ADDRESS', '127.0.0.1')).not.toBe(throttleKey('ACCOUNT', '127.0.0.1'));
    expect(throttleKey('ADDRESS', '127.0.0.1')).not.toBe(throttleKey('ADDRESS', '127.0.0.2'));
    expect(throttleKey('CLIENT', 'demo-vendor')).not.toBe(throttleKey('CLIENT', 'Demo-Vendor'));
  });

  it('count an IPv6 client by its /64 network, which one subscriber holds whole, and a mapped IPv4 as IPv4', () => {
    expect(throttleKey('ADDRESS', '2001:db8:1:2:aaaa::1')).toBe(
      throttleKey('ADDRESS', '2001:DB8:1:2:bbbb:0:0:2'),
    );
    expect(throttleKey('ADDRESS', '2001:db8:1:2::1')).not.toBe(throttleKey('ADDRESS', '2001:db8:1:3::1'));
    expect(throttleKey('ADDRESS', '2001:db8::1')).toBe(throttleKey('ADDRESS', '2001:db8:0:0:ffff::9'));
    expect(throttleKey('ADDRESS', '::ffff:127.0.0.1')).toBe(throttleKey('ADDRESS', '127.0.0.1'));
    expect(throttleKey('ADDRESS', 'fe80::1%eth0')).toBe(throttleKey('ADDRESS', 'fe80::2'));
  });
});
