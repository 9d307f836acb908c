import express, { type Request, type Response, type NextFunction, Router } from 'express';
import type { DistrictService } from '@homeroom/directory/data-access';
import { LOGIN_PAGE_CSP, loginPage } from './login-page';
import type { OidcService } from './oidc.service';
import type { SignInAttempts } from './sign-in-attempts';

/**
 * One answer for an address no one has, a wrong password and an attempt that must wait, in the same status:
 * none of them may tell that an account exists. It says what a person can do about each.
 */
const REFUSED =
  'That email and password did not sign you in. Check them and try again; after several failed attempts, each new attempt has to wait a little longer.';
const NO_ROLE = 'Your account has no role in Homeroom; ask your district administrator.';

/** The sign-in interaction: our login page in front of the provider's protocol endpoints. */
export function interactionRouter(
  oidc: OidcService,
  attempts: SignInAttempts,
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
        // The caller's address as the sign-in's own `trust proxy` setting reads it (mountSignIn).
        const result = await attempts.password(email, password, req.ip ?? 'unknown');
        if (result.outcome !== 'SIGNED_IN') {
          res
            .status(result.outcome === 'NO_ROLE' ? 403 : 401)
            .type('html')
            .setHeader('Content-Security-Policy', LOGIN_PAGE_CSP)
            .send(
              loginPage({
                action: `/auth/interaction/${details.uid}/login`,
                email,
                error: result.outcome === 'NO_ROLE' ? NO_ROLE : REFUSED,
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
