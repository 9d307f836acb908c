import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { PRINCIPAL_HEADER, SIGNATURE_HEADER, type Principal } from '@homeroom/platform/auth';
import { DomainException, ERROR_CODES, type ErrorCode } from '@homeroom/shared/errors';
import type { BearerTokenVerifier } from './bearer-token';

/** Where `authenticate` leaves the caller for the rest of the request. */
export function principalOfResponse(response: Response): Principal {
  return response.locals['principal'] as Principal;
}

/** A refusal before GraphQL runs, in the shape GraphQL clients read. */
export function refuse(
  response: Response,
  status: number,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  response.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/** Whatever a client sends that looks like the gateway's principal is dropped before anything reads it. */
export function dropForgedPrincipal(): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    delete request.headers[PRINCIPAL_HEADER];
    delete request.headers[SIGNATURE_HEADER];
    next();
  };
}

/** Verifies the bearer token, if any; a bad one is 401 with `WWW-Authenticate` (RFC 6750). */
export function authenticate(verifier: BearerTokenVerifier): RequestHandler {
  return async (request: Request, response: Response, next: NextFunction) => {
    try {
      response.locals['principal'] = await verifier.principalOf(request.header('authorization'));
    } catch (error) {
      if (!(error instanceof DomainException)) return next(error);
      if (error.code === ERROR_CODES.UPSTREAM_UNAVAILABLE)
        return refuse(response, 503, error.code, error.message, { reason: error.reason });
      response.setHeader(
        'WWW-Authenticate',
        `Bearer error="invalid_token", error_description="${headerText(error.message)}"`,
      );
      return refuse(response, 401, error.code, error.message, { reason: error.reason });
    }
    next();
  };
}

/** A header's quoted text: printable ASCII only (HTTP allows no more), without quotes or backslashes. */
function headerText(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[^\x20-\x7e]|["\\]/g, '');
}

export interface DocumentLimits {
  /** Operations in one batched request (a JSON array body). */
  maxBatchSize: number;
  /** Characters of one GraphQL document (`query`); variables are bounded by the body size instead. */
  maxDocumentLength: number;
}

/** Refuses oversized batches and documents before they are parsed. */
export function documentLimits({ maxBatchSize, maxDocumentLength }: DocumentLimits): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const body: unknown = request.body;
    const operations = Array.isArray(body) ? body : [request.method === 'GET' ? request.query : body];
    if (operations.length > maxBatchSize)
      return refuse(
        response,
        400,
        ERROR_CODES.BATCH_TOO_LARGE,
        `${operations.length} operations in one request; at most ${maxBatchSize} are allowed`,
        { limit: maxBatchSize, actual: operations.length },
      );
    for (const operation of operations) {
      const query = (operation as { query?: unknown } | null)?.query;
      if (typeof query === 'string' && query.length > maxDocumentLength)
        return refuse(
          response,
          400,
          ERROR_CODES.DOCUMENT_TOO_LARGE,
          `The GraphQL document has ${query.length} characters; at most ${maxDocumentLength} are allowed`,
          { limit: maxDocumentLength, actual: query.length },
        );
    }
    next();
  };
}

/**
 * What express.json refuses, in the API's shape: a body over the limit (413), one that is not JSON (400),
 * and whatever else it cannot read, a charset or content encoding it does not know (415) or a body that
 * ends before its length: the client's mistake with body-parser's own status and words, never a 500.
 */
export function bodyRefusals(): (
  error: unknown,
  request: Request,
  response: Response,
  next: NextFunction,
) => void {
  return (error, _request, response, next) => {
    const { type, status, message } = (error ?? {}) as {
      type?: unknown;
      status?: unknown;
      message?: unknown;
    };
    if (type === 'entity.too.large')
      return refuse(response, 413, ERROR_CODES.DOCUMENT_TOO_LARGE, 'The request body is too large');
    if (type === 'entity.parse.failed')
      return refuse(response, 400, ERROR_CODES.BAD_USER_INPUT, 'The request body is not valid JSON');
    if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500)
      return refuse(response, status, ERROR_CODES.BAD_USER_INPUT, String(message));
    next(error);
  };
}
