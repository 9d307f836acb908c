import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CredentialService, DistrictService } from '@homeroom/directory/data-access';
import { interactionRouter } from './interaction.router';
import { OidcService } from './oidc.service';

/**
 * Serves sign-in under /auth: our interaction pages first, then the provider's protocol endpoints
 * (discovery, authorization, token, JWKS, revocation, end session). The gateway exposes the same path.
 */
export function mountSignIn(app: INestApplication): void {
  const oidc = app.get(OidcService);
  app.use('/auth', interactionRouter(oidc, app.get(CredentialService), app.get(DistrictService)));
  // Looked up per request, so that a reload after key rotation takes effect at once.
  app.use('/auth', (req: Request, res: Response, next: NextFunction) => {
    void Promise.resolve(oidc.current.callback()(req, res)).catch(next);
  });
}
