import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * What a sign-in throttle counts failures of: one client address (every account it tries), one staff
 * account (from every address; counted by the address typed in, known or not, so that a throttle never
 * tells whether an account exists), or one vendor's API client.
 */
export type ThrottleScope = 'ADDRESS' | 'ACCOUNT' | 'CLIENT';

/**
 * Progressive delays instead of a lockout (OWASP Authentication Cheat Sheet): a few failures cost
 * nothing, then each further one doubles the wait before the next attempt is even looked at, up to a cap.
 * Nobody can lock an account for good by failing on purpose, and guessing stays slow.
 */
export interface ThrottlePolicy {
  /** Failures that cost nothing; the wait starts after this many. */
  failuresBeforeDelay: number;
  /** The first wait; it doubles with each failure after. */
  firstDelaySeconds: number;
  /** The longest wait, however many failures. */
  maxDelaySeconds: number;
  /** Failures are forgotten this long after the last one. */
  forgetAfterSeconds: number;
}

export const SIGN_IN_THROTTLES: Readonly<Record<ThrottleScope, ThrottlePolicy>> = {
  // One account: a person mistyping five times waits half a minute; a guesser gets about 100 tries a day.
  ACCOUNT: {
    failuresBeforeDelay: 5,
    firstDelaySeconds: 30,
    maxDelaySeconds: 15 * 60,
    forgetAfterSeconds: 86_400,
  },
  // An API client's secret is a machine's: the same rule.
  CLIENT: {
    failuresBeforeDelay: 5,
    firstDelaySeconds: 30,
    maxDelaySeconds: 15 * 60,
    forgetAfterSeconds: 86_400,
  },
  // An address is often a whole school behind one connection: more failures before the wait, a shorter
  // cap, forgotten within the hour, so one person's guessing holds up colleagues for minutes at most.
  ADDRESS: {
    failuresBeforeDelay: 20,
    firstDelaySeconds: 30,
    maxDelaySeconds: 5 * 60,
    forgetAfterSeconds: 3_600,
  },
};

/** The address policy with the failures a district allows one address (many staff behind one NAT). */
export function addressThrottle(failuresBeforeDelay: number): ThrottlePolicy {
  if (!Number.isInteger(failuresBeforeDelay)) throw new RangeError('failures must be a whole number');
  if (failuresBeforeDelay < 1) throw new RangeError('failures before a delay must be at least 1');
  return { ...SIGN_IN_THROTTLES.ADDRESS, failuresBeforeDelay };
}

/** How long, after its `failures`-th failure, a key waits before its next attempt is looked at. */
export function throttleDelaySeconds(policy: ThrottlePolicy, failures: number): number {
  if (failures < policy.failuresBeforeDelay) return 0;
  return Math.min(
    policy.maxDelaySeconds,
    policy.firstDelaySeconds * 2 ** (failures - policy.failuresBeforeDelay),
  );
}

/**
 * The waits after 1, 2, … failures, up to the first that reaches the cap (which holds from then on): the
 * database picks from this list when it counts a failure, so that counting and waiting are one statement.
 */
export function throttleSchedule(policy: ThrottlePolicy): number[] {
  const schedule: number[] = [];
  for (let failures = 1; ; failures += 1) {
    const delay = throttleDelaySeconds(policy, failures);
    schedule.push(delay);
    if (delay >= policy.maxDelaySeconds) return schedule;
  }
}

/**
 * The key a throttle counts under: the scope and a SHA-256 digest of the normalised value, so the
 * throttle's table and audit never hold an address or email in clear. Emails compare in lower case;
 * an IPv6 client counts by its /64 (one subscriber's network, whose addresses are theirs to rotate);
 * an IPv4 address mapped into IPv6 counts as itself.
 */
export function throttleKey(scope: ThrottleScope, value: string): string {
  const normalised =
    scope === 'ACCOUNT' ? value.trim().toLowerCase() : scope === 'ADDRESS' ? clientNetwork(value) : value;
  return `${scope}:${createHash('sha256').update(`${scope}\n${normalised}`).digest('hex')}`;
}

function clientNetwork(address: string): string {
  const bare = address.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(bare)) return bare;
  const [head = '', tail] = bare.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  // A trailing dotted IPv4 part stands for two groups; only the first four groups matter here.
  const missing = 8 - headGroups.length - tailGroups.length - (tailGroups.at(-1)?.includes('.') ? 1 : 0);
  const groups =
    tail === undefined ? headGroups : [...headGroups, ...Array(missing).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
