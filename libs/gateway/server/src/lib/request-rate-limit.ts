import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ERROR_CODES } from '@homeroom/shared/errors';
import type { FixedWindowRateLimiter, RateDecision } from './rate-limiter';
import { principalOfResponse, refuse } from './request-guards';

export interface RateLimiters {
  /** Callers without a token, by client address: the public operations. */
  anonymous: FixedWindowRateLimiter;
  /** Vendors, by API client. */
  client: FixedWindowRateLimiter;
  /** Staff, by person. */
  user: FixedWindowRateLimiter;
}

/**
 * One request's account with its caller's limit, which counts operations, not HTTP requests: a batch
 * counts each of its operations, and a mutation each root field it runs (`rateUnits`). The request counts
 * one as it arrives, before its body is read, so a caller already over its limit costs nothing more; that
 * unit pays for its first operation. Each operation then counts what it costs beyond what is paid, once
 * the gateway has resolved it. Every count leaves the standard headers on the response (`RateLimit-Limit`,
 * `-Remaining`, `-Reset`, `RateLimit-Policy`), and `Retry-After` when it was refused.
 */
export class RequestRateLimit {
  private prepaid = 0;

  constructor(
    private readonly limiter: FixedWindowRateLimiter,
    private readonly key: string,
    private readonly response: Response,
  ) {}

  /** Counts the request as it arrives. */
  arrive(): RateDecision {
    const decision = this.report(this.limiter.take(this.key));
    if (decision.allowed) this.prepaid = 1;
    return decision;
  }

  /** Counts an operation about to run, by its units; refused, it must not run. */
  chargeOperation(units: number): RateDecision {
    const prepaid = Math.min(this.prepaid, units);
    this.prepaid -= prepaid;
    const decision = this.limiter.take(this.key, units - prepaid);
    // What the arrival counted was within the limit then; only what is counted now can go over it.
    return this.report(prepaid === units ? { ...decision, allowed: true } : decision);
  }

  private report(decision: RateDecision): RateDecision {
    this.response.setHeader('RateLimit-Limit', String(decision.limit));
    this.response.setHeader('RateLimit-Remaining', String(decision.remaining));
    this.response.setHeader('RateLimit-Reset', String(decision.resetSeconds));
    this.response.setHeader(
      'RateLimit-Policy',
      `${this.limiter.limit};w=${Math.round(this.limiter.windowMs / 1_000)}`,
    );
    if (!decision.allowed) this.response.setHeader('Retry-After', String(decision.resetSeconds));
    return decision;
  }
}

/** What a refusal says, from the HTTP guard or an operation's (with `retryAfterSeconds` beside it). */
export function rateLimitMessage(decision: RateDecision): string {
  return `Too many requests; retry in ${decision.resetSeconds} s`;
}

/** Where `rateLimit` leaves the request's account, for the operations to count against. */
export function rateLimitOf(response: Response): RequestRateLimit {
  return response.locals['rateLimit'] as RequestRateLimit;
}

/**
 * Opens the request's account with its caller's limit (by address, API client or person) and counts the
 * request's arrival; a caller over its limit gets 429 before its body is read.
 */
export function rateLimit(limiters: RateLimiters): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const principal = principalOfResponse(response);
    const [limiter, key] =
      principal.kind === 'anonymous'
        ? [limiters.anonymous, `address:${request.ip ?? 'unknown'}`]
        : principal.kind === 'client'
          ? [limiters.client, `client:${principal.subject}`]
          : [limiters.user, `user:${principal.subject}`];
    const account = new RequestRateLimit(limiter, key, response);
    response.locals['rateLimit'] = account;
    const decision = account.arrive();
    if (decision.allowed) return next();
    refuse(response, 429, ERROR_CODES.RATE_LIMITED, rateLimitMessage(decision), {
      retryAfterSeconds: decision.resetSeconds,
    });
  };
}
