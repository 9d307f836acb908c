import { canSeeSchool, hasAnyRole, hasScopes } from './authorization';
import { ANONYMOUS, type Principal } from './principal';

const principal = {
  admin: { kind: 'user', subject: 'a', roles: ['DISTRICT_ADMIN'], schoolIds: [] },
  agent: { kind: 'user', subject: 'b', roles: ['AGENT'], schoolIds: ['lincoln-elementary'] },
  vendor: { kind: 'client', subject: 'demo-vendor', scopes: ['cases:read', 'cases:write'] },
} satisfies Record<string, Principal>;

describe('authorization', () => {
  it.each([
    ['a district administrator sees every school', principal.admin, 'washington-high', true],
    ['an agent sees their own school', principal.agent, 'lincoln-elementary', true],
    ["an agent does not see another school's cases", principal.agent, 'washington-high', false],
    ['nobody anonymous sees a school', ANONYMOUS, 'lincoln-elementary', false],
  ])('%s', (_, who, schoolId, expected) => {
    expect(canSeeSchool(who, schoolId)).toBe(expected);
  });

  it('checks roles and scopes', () => {
    expect(hasAnyRole(principal.agent, ['AGENT', 'SCHOOL_ADMIN'])).toBe(true);
    expect(hasAnyRole(principal.vendor, ['AGENT'])).toBe(false);
    expect(hasScopes(principal.vendor, ['cases:read'])).toBe(true);
    expect(hasScopes(principal.vendor, ['cases:read', 'people:read'])).toBe(false);
    expect(hasScopes(principal.agent, [])).toBe(false);
  });
});
