import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { newContext, runWithContext } from '../request-context';
import { childTraceContext, formatTraceparent, parseTraceparent } from '../trace-context';

export const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Opens the request's context: the caller's correlation id (when well-formed) or a new one, and a span
 * under the caller's trace. Both are echoed on the response so a client can quote them to support.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const offered = request.header(CORRELATION_HEADER);
    const trace = childTraceContext(parseTraceparent(request.header('traceparent')));
    const context = newContext({
      ...(offered && CORRELATION_ID.test(offered) ? { correlationId: offered } : {}),
      trace,
    });
    response.setHeader(CORRELATION_HEADER, context.correlationId);
    response.setHeader('traceparent', formatTraceparent(trace));
    runWithContext(context, () => next());
  }
}
