import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialService,
  PersonService,
  SignInAuditService,
  SignInThrottleService,
  StaffRoleService,
  type PersonEntity,
  type SignInAuditEntry,
  type SignInChannel,
  type ThrottleDecision,
  type ThrottledKey,
} from '@homeroom/directory/data-access';
import {
  addressThrottle,
  SIGN_IN_THROTTLES,
  throttleKey,
  type ThrottlePolicy,
  type ThrottleScope,
} from '@homeroom/directory/domain';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { SIGN_IN_SETTINGS, type SignInSettings } from './sign-in-settings';

/**
 * A staff sign-in's outcome. `REFUSED` covers an address no one has, a wrong password and an attempt that
 * must wait alike, so that nothing tells them apart; `NO_ROLE` is said only to whoever knew the password.
 */
export type StaffSignIn = { outcome: 'SIGNED_IN'; person: PersonEntity } | { outcome: 'REFUSED' | 'NO_ROLE' };

/**
 * Every credential the issuer checks passes here: the staff sign-in form and vendors' client secrets.
 * Failures are counted by client address and by account or client; repeated ones make the next attempt
 * wait, longer each time (docs/sign-in.md), and attempts made during a wait are refused unchecked and
 * audited. Administrators lift an account's or a client's waits.
 */
@Injectable()
export class SignInAttempts {
  private readonly addressPolicy: ThrottlePolicy;

  constructor(
    @Inject(SIGN_IN_SETTINGS) settings: SignInSettings,
    private readonly throttle: SignInThrottleService,
    private readonly audit: SignInAuditService,
    private readonly credentials: CredentialService,
    private readonly people: PersonService,
    private readonly staffRoles: StaffRoleService,
  ) {
    this.addressPolicy = addressThrottle(settings.failuresPerAddress);
  }

  /** A staff member's email and password, from the client address `address`. */
  async password(email: string, password: string, address: string): Promise<StaffSignIn> {
    const account = this.key('ACCOUNT', email);
    const from = this.key('ADDRESS', address);
    const decision = await this.throttle.begin([from, account]);
    if (!decision.allowed) {
      const owner = decision.waiting.some(({ key }) => key === account.key)
        ? await this.credentials.findStaffByEmail(email)
        : null;
      await this.refused('PASSWORD', decision, { personId: owner?.id });
      return { outcome: 'REFUSED' };
    }
    const check = await this.credentials.verifyPassword(email, password);
    if (!check.ok) {
      await this.delayed('PASSWORD', decision, { personId: check.person?.id });
      return { outcome: 'REFUSED' };
    }
    await this.throttle.clear([account.key]);
    await this.throttle.takeBack([from]);
    // Signing in without a role would open an empty portal; the person is told why instead.
    if ((await this.staffRoles.forPeople([check.person.id])).length === 0) return { outcome: 'NO_ROLE' };
    return { outcome: 'SIGNED_IN', person: check.person };
  }

  /** A known API client's secret, from `address`; `verify` compares it, and only when the client may try. */
  async clientSecret(clientId: string, address: string, verify: () => Promise<boolean>): Promise<boolean> {
    const client = this.key('CLIENT', clientId);
    const from = this.key('ADDRESS', address);
    const decision = await this.throttle.begin([from, client]);
    if (!decision.allowed) {
      await this.refused('CLIENT_CREDENTIALS', decision, { clientId });
      return false;
    }
    if (!(await verify())) {
      await this.delayed('CLIENT_CREDENTIALS', decision, { clientId });
      return false;
    }
    await this.throttle.clear([client.key]);
    await this.throttle.takeBack([from]);
    return true;
  }

  /** A client authentication that failed before any secret was compared (an unknown client id). */
  async clientUnknown(address: string): Promise<void> {
    const decision = await this.throttle.begin([this.key('ADDRESS', address)]);
    if (decision.allowed) await this.delayed('CLIENT_CREDENTIALS', decision, {});
    else await this.refused('CLIENT_CREDENTIALS', decision, {});
  }

  /** Lifts the waits on a staff member's account, under every address they have. */
  async unlockStaff(personId: string, actorId: string): Promise<void> {
    const person = await this.people.findById(personId);
    if (!person) throw new NotFoundException('Person');
    if (person.kind !== 'STAFF')
      throw new InvalidInputException(
        'Only staff sign in',
        [{ path: 'personId', message: 'not staff' }],
        'NOT_STAFF',
      );
    await this.throttle.clear(person.emails.map(({ address }) => throttleKey('ACCOUNT', address)));
    await this.audit.record([
      { channel: 'PASSWORD', event: 'UNLOCKED', scope: 'ACCOUNT', personId, actorId },
    ]);
  }

  /** Lifts the waits on an API client (its secret was just replaced). */
  async unlockClient(clientId: string, actorId: string): Promise<void> {
    await this.throttle.clear([throttleKey('CLIENT', clientId)]);
    await this.audit.record([
      { channel: 'CLIENT_CREDENTIALS', event: 'UNLOCKED', scope: 'CLIENT', clientId, actorId },
    ]);
  }

  private key(scope: ThrottleScope, value: string): ThrottledKey {
    return {
      key: throttleKey(scope, value),
      policy: scope === 'ADDRESS' ? this.addressPolicy : SIGN_IN_THROTTLES[scope],
    };
  }

  private refused(
    channel: SignInChannel,
    decision: Extract<ThrottleDecision, { allowed: false }>,
    about: Pick<SignInAuditEntry, 'personId' | 'clientId'>,
  ): Promise<void> {
    return this.audit.record(
      decision.waiting.map(({ key, until }) => entry(channel, 'REFUSED', key, until, about)),
    );
  }

  /** The failure just counted made some keys wait: that is audited; a failure that costs nothing is not. */
  private delayed(
    channel: SignInChannel,
    decision: Extract<ThrottleDecision, { allowed: true }>,
    about: Pick<SignInAuditEntry, 'personId' | 'clientId'>,
  ): Promise<void> {
    const now = Date.now();
    return this.audit.record(
      [...decision.delays]
        .filter(([, seconds]) => seconds > 0)
        .map(([key, seconds]) => entry(channel, 'DELAYED', key, new Date(now + seconds * 1000), about)),
    );
  }
}

function entry(
  channel: SignInChannel,
  event: 'REFUSED' | 'DELAYED',
  key: string,
  delayedUntil: Date,
  { personId, clientId }: Pick<SignInAuditEntry, 'personId' | 'clientId'>,
): SignInAuditEntry {
  const scope = key.slice(0, key.indexOf(':')) as ThrottleScope;
  // An address's entry names no account: it is about every account tried from there.
  return {
    channel,
    event,
    scope,
    key,
    personId: scope === 'ACCOUNT' ? (personId ?? null) : null,
    clientId: clientId ?? null,
    delayedUntil,
  };
}
