import { canSeeSchool, canSeeSchoolFigures, hasAnyRole, hasScopes } from './authorization';
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

  it.each([
    ['a district administrator, district-wide', principal.admin, null, true],
    ['an integration, district-wide', principal.vendor, null, true],
    ['a viewer, district-wide', { ...principal.agent, roles: ['VIEWER'] } as Principal, null, true],
    ['an agent, district-wide', principal.agent, null, false],
    ['an agent, their own school', principal.agent, 'lincoln-elementary', true],
    ['an agent, another school', principal.agent, 'washington-high', false],
    ['anyone signed out', ANONYMOUS, 'lincoln-elementary', false],
  ])('school figures: %s', (_, who, schoolId, expected) => {
    expect(canSeeSchoolFigures(who, schoolId)).toBe(expected);
  });

  it('checks roles and scopes', () => {
    expect(hasAnyRole(principal.agent, ['AGENT', 'SCHOOL_ADMIN'])).toBe(true);
    expect(hasAnyRole(principal.vendor, ['AGENT'])).toBe(false);
    expect(hasScopes(principal.vendor, ['cases:read'])).toBe(true);
    expect(hasScopes(principal.vendor, ['cases:read', 'people:read'])).toBe(false);
    expect(hasScopes(principal.agent, [])).toBe(false);
  });
});
