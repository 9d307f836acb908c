import type { NextFunction, Request, Response } from 'express';
import { DomainException } from '@homeroom/shared/errors';
import { verifyPrincipal } from '../gateway-trust';
import { PRINCIPAL_PROPERTY } from './principal-of-request';

/**
 * In front of a subgraph's /graphql: a request without the gateway's valid signature is answered 401 with
 * a GraphQL-shaped error and never reaches a resolver. Apply it with `consumer.apply(gatewayTrust(secret))`.
 */
export function gatewayTrust(secret: string) {
  return (request: Request, response: Response, next: NextFunction): void => {
    try {
      (request as unknown as Record<string, unknown>)[PRINCIPAL_PROPERTY] = verifyPrincipal(
        request.headers,
        secret,
      );
    } catch (error) {
      if (!(error instanceof DomainException)) return next(error);
      response.status(401).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
      return;
    }
    next();
  };
}
