import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Headers every response carries. In production the API's content policy forbids everything a browser
 * could load or frame (it serves JSON); the sign-in pages the directory serves through the gateway bring
 * their own policy, which replaces this one on those responses.
 */
export function securityHeaders({ production }: { production: boolean }): RequestHandler {
  return (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (production) {
      // Development serves Apollo's landing page (a script) at GET /graphql, which this policy would block.
      response.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
      // Behind the district's TLS-terminating ingress; a local http origin must not be pinned.
      response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    next();
  };
}

const ALLOWED_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-correlation-id',
  'traceparent',
].join(', ');
const EXPOSED_RESPONSE_HEADERS = [
  'x-correlation-id',
  'traceparent',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
  'retry-after',
].join(', ');

/**
 * Cross-origin calls from the listed origins only (the portal's, a district website's). Browsers send
 * the bearer token themselves, never cookies, so credentials stay off. A preflight from any other origin
 * gets no CORS headers, which the browser takes as a refusal.
 */
export function corsAllowList(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins.map((origin) => origin.replace(/\/$/, '')));
  return (request: Request, response: Response, next: NextFunction) => {
    const origin = request.header('origin');
    response.vary('Origin');
    if (origin && allowed.has(origin)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Expose-Headers', EXPOSED_RESPONSE_HEADERS);
    }
    if (request.method !== 'OPTIONS' || !request.header('access-control-request-method')) return next();
    if (origin && allowed.has(origin)) {
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      response.setHeader('Access-Control-Allow-Headers', ALLOWED_REQUEST_HEADERS);
      response.setHeader('Access-Control-Max-Age', '600');
    }
    response.status(204).end();
  };
}
