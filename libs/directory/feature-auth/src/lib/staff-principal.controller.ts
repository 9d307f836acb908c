import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CredentialService, StaffRoleService, type PersonEntity } from '@homeroom/directory/data-access';
import { Public } from '@homeroom/platform/auth';
import { staffAccess } from './staff-access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `POST /internal/staff-principals`, asked only by the gateway (its trust middleware guards `/internal`,
 * and the gateway never forwards that path), so that the directory stays the authority on who is staff
 * and what they may do (docs/sign-in.md):
 * - `{ "email": … }`: who a staff member signed in at the district's own identity provider (Google,
 *   Entra ID) is here, once per token. The address goes in the body, not the URL, so it stays out of
 *   access logs. Exactly one active staff member with that address;
 * - `{ "personId": … }`: a signed-in staff member's grants as they are now, before each of their writes,
 *   so that a role taken away stops working at the next change, not when the token expires.
 * Either answers `{ personId, grants }`, or 404 with why (NOT_STAFF, AMBIGUOUS_EMAIL, NO_ROLE).
 */
@Controller('internal/staff-principals')
export class StaffPrincipalController {
  constructor(
    private readonly credentials: CredentialService,
    private readonly staffRoles: StaffRoleService,
  ) {}

  // The route is not public: the gateway's signature is checked before it (gatewayTrust on /internal).
  @Public()
  @Post()
  @HttpCode(200)
  async lookup(@Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    const { email, personId } = (body ?? {}) as { email?: unknown; personId?: unknown };
    let staff: PersonEntity[];
    if (typeof personId === 'string' && UUID.test(personId)) {
      const found = await this.credentials.activeStaff(personId);
      staff = found ? [found] : [];
    } else if (typeof email === 'string' && /^[^\s@]+@[^\s@]+$/.test(email.trim())) {
      staff = await this.credentials.staffWithEmail(email);
    } else {
      response.status(400);
      return { error: 'EMAIL_REQUIRED' };
    }
    if (staff.length !== 1) {
      response.status(404);
      return { error: staff.length === 0 ? 'NOT_STAFF' : 'AMBIGUOUS_EMAIL' };
    }
    const person = staff[0]!;
    const { grants } = staffAccess(await this.staffRoles.forPeople([person.id]));
    if (grants.length === 0) {
      response.status(404);
      return { error: 'NO_ROLE' };
    }
    return { personId: person.id, grants };
  }
}
