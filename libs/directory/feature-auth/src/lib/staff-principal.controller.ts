import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CredentialService, StaffRoleService } from '@homeroom/directory/data-access';
import { Public } from '@homeroom/platform/auth';
import { staffAccess } from './staff-access';

/**
 * `POST /internal/staff-principals { "email": … }`: who a staff member signed in at the district's own
 * identity provider (Google, Entra ID) is here. The gateway asks once per token; it is the only caller
 * (the gateway's trust middleware guards `/internal`, and the gateway never forwards that path). The
 * address goes in the body, not the URL, so it stays out of access logs. Exactly one active staff member
 * with that address, or 404 with why: the directory stays the authority on who is staff and what they may do
 * (docs/sign-in.md).
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
    const email = (body as { email?: unknown } | null)?.email;
    if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
      response.status(400);
      return { error: 'EMAIL_REQUIRED' };
    }
    const staff = await this.credentials.staffWithEmail(email);
    if (staff.length !== 1) {
      response.status(404);
      return { error: staff.length === 0 ? 'NOT_STAFF' : 'AMBIGUOUS_EMAIL' };
    }
    const person = staff[0]!;
    return { personId: person.id, ...staffAccess(await this.staffRoles.forPeople([person.id])) };
  }
}
