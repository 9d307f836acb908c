import {
  canSeeSchoolFigures,
  hasAnyRole,
  hasScopes,
  holdsRoleAt,
  isDistrictAdmin,
  reachOf,
  rolesOf,
} from './authorization';
import { ANONYMOUS, staffPrincipal, type Principal } from './principal';

const LINCOLN = 'lincoln-elementary';
const WASHINGTON = 'washington-high';

const principal = {
  admin: staffPrincipal('a', { role: 'DISTRICT_ADMIN', schoolId: null }),
  agent: staffPrincipal('b', { role: 'AGENT', schoolId: LINCOLN }),
  schoolViewer: staffPrincipal('c', { role: 'VIEWER', schoolId: LINCOLN }),
  districtViewer: staffPrincipal('d', { role: 'VIEWER', schoolId: null }),
  // An agent of Lincoln who only reads Washington's work.
  agentAndViewer: staffPrincipal(
    'e',
    { role: 'AGENT', schoolId: LINCOLN },
    { role: 'VIEWER', schoolId: WASHINGTON },
  ),
  noRole: staffPrincipal('f'),
  vendor: { kind: 'client', subject: 'demo-vendor', scopes: ['cases:read', 'cases:write'] },
} satisfies Record<string, Principal>;

describe('authorization', () => {
  it.each([
    ['a district administrator sees every school', principal.admin, WASHINGTON, true],
    ['an agent sees their own school', principal.agent, LINCOLN, true],
    ["an agent does not see another school's cases", principal.agent, WASHINGTON, false],
    ['a school viewer sees their school', principal.schoolViewer, LINCOLN, true],
    ['a school viewer does not see another school', principal.schoolViewer, WASHINGTON, false],
    ['a district viewer sees every school', principal.districtViewer, WASHINGTON, true],
    ['staff with no role see no school', principal.noRole, LINCOLN, false],
    ['nobody anonymous sees a school', ANONYMOUS, LINCOLN, false],
  ])('%s', (_, who, schoolId, expected) => {
    expect(canSeeSchoolFigures(who, schoolId)).toBe(expected);
  });

  it.each([
    ['a district administrator, district-wide', principal.admin, null, true],
    ['an integration, district-wide', principal.vendor, null, true],
    ['a district viewer, district-wide', principal.districtViewer, null, true],
    ['a school viewer, district-wide', principal.schoolViewer, null, false],
    ['a school viewer, their school', principal.schoolViewer, LINCOLN, true],
    ['a school viewer, another school', principal.schoolViewer, WASHINGTON, false],
    ['an agent, district-wide', principal.agent, null, false],
    ['an agent, their own school', principal.agent, LINCOLN, true],
    ['an agent, another school', principal.agent, WASHINGTON, false],
    ['anyone signed out', ANONYMOUS, LINCOLN, false],
  ])('school figures: %s', (_, who, schoolId, expected) => {
    expect(canSeeSchoolFigures(who, schoolId)).toBe(expected);
  });

  it('reaches a school with a role only where that role was granted', () => {
    const who = principal.agentAndViewer;
    expect(holdsRoleAt(who, ['AGENT'], LINCOLN)).toBe(true);
    expect(holdsRoleAt(who, ['AGENT'], WASHINGTON)).toBe(false);
    expect(holdsRoleAt(who, ['VIEWER'], WASHINGTON)).toBe(true);
    expect(reachOf(who, ['AGENT', 'SCHOOL_ADMIN'])).toEqual({ district: false, schoolIds: [LINCOLN] });
    expect(reachOf(who)).toEqual({ district: false, schoolIds: [LINCOLN, WASHINGTON] });
    expect(reachOf(principal.districtViewer, ['VIEWER'])).toEqual({ district: true });
    expect(reachOf(principal.vendor)).toEqual({ district: true });
    expect(reachOf(ANONYMOUS)).toEqual({ district: false, schoolIds: [] });
  });

  it('knows district administrators by a district-wide grant', () => {
    expect(isDistrictAdmin(principal.admin)).toBe(true);
    expect(isDistrictAdmin(principal.districtViewer)).toBe(false);
    expect(isDistrictAdmin(staffPrincipal('x', { role: 'DISTRICT_ADMIN', schoolId: LINCOLN }))).toBe(false);
  });

  it('checks roles and scopes', () => {
    expect(rolesOf(principal.agentAndViewer)).toEqual(['AGENT', 'VIEWER']);
    expect(hasAnyRole(principal.agent, ['AGENT', 'SCHOOL_ADMIN'])).toBe(true);
    expect(hasAnyRole(principal.vendor, ['AGENT'])).toBe(false);
    expect(hasScopes(principal.vendor, ['cases:read'])).toBe(true);
    expect(hasScopes(principal.vendor, ['cases:read', 'people:read'])).toBe(false);
    expect(hasScopes(principal.agent, [])).toBe(false);
  });
});
