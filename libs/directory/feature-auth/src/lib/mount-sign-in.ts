import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { DistrictService } from '@homeroom/directory/data-access';
import { interactionRouter } from './interaction.router';
import { OidcService } from './oidc.service';
import { SignInAttempts } from './sign-in-attempts';
import { SIGN_IN_SETTINGS, type SignInSettings } from './sign-in-settings';

/**
 * Serves sign-in under /auth: our interaction pages first, then the provider's protocol endpoints
 * (discovery, authorization, token, JWKS, revocation, end session). The gateway exposes the same path.
 * It is an Express app of its own, for settings of its own: which proxies name the caller's address
 * (what the sign-in throttle counts by), and no `X-Powered-By`.
 */
export function mountSignIn(app: INestApplication): void {
  const oidc = app.get(OidcService);
  const settings = app.get<SignInSettings>(SIGN_IN_SETTINGS);
  const signIn = express();
  signIn.disable('x-powered-by');
  signIn.set('trust proxy', settings.trustProxy);
  signIn.use(unbranded, publicOrigin(new URL(settings.issuer)));
  signIn.use(interactionRouter(oidc, app.get(SignInAttempts), app.get(DistrictService)));
  // Looked up per request, so that a reload after key rotation takes effect at once.
  signIn.use((req: Request, res: Response, next: NextFunction) => {
    void Promise.resolve(oidc.current.callback()(req, res)).catch(next);
  });
  app.use('/auth', signIn);
}

/** The Nest app this is mounted in said `X-Powered-By` before routing here; sign-in names no framework. */
function unbranded(_req: Request, res: Response, next: NextFunction): void {
  res.removeHeader('X-Powered-By');
  next();
}

/**
 * The provider builds its URLs (discovery, redirects) from the request's host and scheme, which it reads
 * from X-Forwarded-Host and -Proto; whatever a caller sent there, or in Host (which the gateway passes on
 * as X-Forwarded-Host), they are the configured issuer's, so no URL it gives out points anywhere else.
 */
function publicOrigin(issuer: URL): RequestHandler {
  const host = issuer.host;
  const proto = issuer.protocol.replace(/:$/, '');
  return (req: Request, _res: Response, next: NextFunction) => {
    req.headers['x-forwarded-host'] = host;
    req.headers['x-forwarded-proto'] = proto;
    next();
  };
}
