import express, { type Request, type Response, type NextFunction, Router } from 'express';
import type { CredentialService, DistrictService } from '@homeroom/directory/data-access';
import { LOCKOUT_MINUTES } from '@homeroom/directory/data-access';
import { LOGIN_PAGE_CSP, loginPage } from './login-page';
import type { OidcService } from './oidc.service';

const INVALID = 'That email and password do not match an active staff account.';
const LOCKED = `Too many attempts. This account is locked for ${LOCKOUT_MINUTES} minutes; an administrator can reset the password.`;

/** The sign-in interaction: our login page in front of the provider's protocol endpoints. */
export function interactionRouter(
  oidc: OidcService,
  credentials: CredentialService,
  districts: DistrictService,
): Router {
  const router = Router();
  const districtName = async () => (await districts.get())?.name ?? 'Homeroom';

  router.get('/interaction/:uid', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const details = await oidc.current.interactionDetails(req, res);
      if (details.prompt.name !== 'login') {
        // Consent for the first-party portal is granted in loadExistingGrant; nothing else asks for it.
        return await oidc.current.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
      }
      res
        .type('html')
        .setHeader('Content-Security-Policy', LOGIN_PAGE_CSP)
        .send(
          loginPage({ action: `/auth/interaction/${details.uid}/login`, districtName: await districtName() }),
        );
    } catch (error) {
      next(error);
    }
  });

  router.post(
    '/interaction/:uid/login',
    express.urlencoded({ extended: false, limit: '8kb' }),
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const details = await oidc.current.interactionDetails(req, res);
        const email = String(req.body?.email ?? '').slice(0, 320);
        const password = String(req.body?.password ?? '').slice(0, 256);
        const result = await credentials.signIn(email, password);
        if (!result.ok) {
          res
            .status(result.reason === 'locked' ? 423 : 401)
            .type('html')
            .setHeader('Content-Security-Policy', LOGIN_PAGE_CSP)
            .send(
              loginPage({
                action: `/auth/interaction/${details.uid}/login`,
                email,
                error: result.reason === 'locked' ? LOCKED : INVALID,
                districtName: await districtName(),
              }),
            );
          return;
        }
        await oidc.current.interactionFinished(
          req,
          res,
          { login: { accountId: result.person.id } },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        next(error);
      }
    },
  );

  return router;
}
