import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { PRINCIPAL_HEADER, SIGNATURE_HEADER } from '@homeroom/platform/auth';
import type { Logger } from '@homeroom/platform/observability';
import { ERROR_CODES } from '@homeroom/shared/errors';
import { refuse } from './request-guards';

/** Connection-level headers (RFC 9110 §7.6.1) are for one hop; they are never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** What a service behind says about its own software: the public origin names none. */
const SELF_DESCRIBING = new Set(['x-powered-by', 'server']);

/**
 * Serves a path of the public origin from a service behind it, as it is: the directory's sign-in under
 * `/auth` (its issuer is this origin + /auth), and the cases service's signed attachment downloads under
 * `/attachments`. Bodies stream both ways; principal headers a client sends are dropped here too. The
 * service learns the caller's address as this gateway determined it (`trust proxy`), as the one entry of
 * `X-Forwarded-For`: an address the caller wrote there itself never reaches it (the sign-in throttle
 * counts failures by it).
 */
export function pathProxy(
  mountPath: string,
  target: URL,
  logger: Logger,
  { timeoutMs = 30_000 }: { timeoutMs?: number } = {},
): RequestHandler {
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const basePath = target.pathname.replace(/\/$/, '');
  return (request: Request, response: Response, _next: NextFunction) => {
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (HOP_BY_HOP.has(name) || name === PRINCIPAL_HEADER || name === SIGNATURE_HEADER || name === 'host')
        continue;
      headers[name] = value;
    }
    headers['host'] = target.host;
    headers['x-forwarded-host'] = request.header('host') ?? '';
    headers['x-forwarded-proto'] = request.protocol;
    headers['x-forwarded-for'] = request.ip ?? request.socket.remoteAddress ?? '';
    // Express strips the mount path from `url`; the service serves the same path under its own base.
    const upstream = send(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: request.method,
        path: `${basePath}${request.url === '/' ? '' : request.url}`,
        headers,
        timeout: timeoutMs,
      },
      (answer) => {
        for (const [name, value] of Object.entries(answer.headers))
          if (!HOP_BY_HOP.has(name) && !SELF_DESCRIBING.has(name) && value !== undefined)
            response.setHeader(name, value);
        response.status(answer.statusCode ?? 502);
        answer.pipe(response);
      },
    );
    upstream.on('timeout', () =>
      upstream.destroy(new Error(`${mountPath} did not answer in ${timeoutMs} ms`)),
    );
    upstream.on('error', (error) => {
      logger.warn({ err: error, mountPath }, 'the service behind a proxied path failed');
      if (!response.headersSent)
        refuse(
          response,
          502,
          ERROR_CODES.UPSTREAM_UNAVAILABLE,
          'The service is unavailable; try again shortly',
        );
      else response.destroy(error);
    });
    request.pipe(upstream);
  };
}
