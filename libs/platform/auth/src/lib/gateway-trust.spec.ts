import { ERROR_CODES } from '@homeroom/shared/errors';
import { ANONYMOUS, type Principal } from './principal';
import { PRINCIPAL_HEADER, SIGNATURE_HEADER, signPrincipal, verifyPrincipal } from './gateway-trust';

const SECRET = 'a-secret-shared-by-gateway-and-subgraphs';
const agent: Principal = {
  kind: 'user',
  subject: 'staff-1',
  grants: [{ role: 'AGENT', schoolId: 'school-1' }],
};
const now = new Date('2026-11-26T12:00:00Z');

function refusal(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect((error as { code: string }).code).toBe(ERROR_CODES.GATEWAY_TRUST_REQUIRED);
    return (error as Error).message;
  }
  return undefined;
}

describe('gateway trust', () => {
  it('round-trips a signed principal', () => {
    expect(verifyPrincipal(signPrincipal(agent, SECRET, now), SECRET, now)).toEqual(agent);
    expect(verifyPrincipal(signPrincipal(ANONYMOUS, SECRET, now), SECRET, now)).toEqual(ANONYMOUS);
  });

  it('refuses a request without the headers', () => {
    expect(refusal(() => verifyPrincipal({}, SECRET, now))).toBe(
      'The request did not come through the gateway',
    );
  });

  it('refuses a principal a client altered', () => {
    const headers = signPrincipal(agent, SECRET, now);
    const admin = { ...agent, grants: [{ role: 'DISTRICT_ADMIN', schoolId: null }] };
    headers[PRINCIPAL_HEADER] = Buffer.from(JSON.stringify(admin)).toString('base64url');
    expect(refusal(() => verifyPrincipal(headers, SECRET, now))).toBe('Invalid gateway signature');
  });

  it('refuses a signature made with another secret', () => {
    const headers = signPrincipal(agent, 'another-secret-of-the-same-length!!!', now);
    expect(refusal(() => verifyPrincipal(headers, SECRET, now))).toBe('Invalid gateway signature');
  });

  it('refuses an old signature and a malformed one', () => {
    const headers = signPrincipal(agent, SECRET, now);
    const later = new Date(now.getTime() + 61_000);
    expect(refusal(() => verifyPrincipal(headers, SECRET, later))).toBe('Expired gateway signature');
    expect(refusal(() => verifyPrincipal({ ...headers, [SIGNATURE_HEADER]: 'v1=abc' }, SECRET, now))).toBe(
      'Malformed gateway signature',
    );
  });
});
