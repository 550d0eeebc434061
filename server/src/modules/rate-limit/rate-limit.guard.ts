import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { RateLimitedException } from './rate-limit.exception';
import type { RateLimitPolicyName } from './rate-limit.policies';
import { RateLimiter } from './rate-limiter.service';

const RATE_LIMITS_KEY = 'visite:rate-limits';

/** What a policy counts a request against. */
export type RateLimitTracker = 'address' | 'account' | 'link';

export interface RateLimitRule {
  policy: RateLimitPolicyName;
  by: RateLimitTracker;
}

/** The tracker of a request: the client's address (behind the configured proxies), the e-mail tried, or the join token. */
export function trackerOf(req: Request, by: RateLimitTracker): string {
  if (by === 'address') return req.ip ?? req.socket.remoteAddress ?? 'unknown';
  if (by === 'link') return String(req.params?.token ?? '');
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/**
 * Runs before the handler (and before the input is validated: a flood of malformed bodies counts too).
 * A refused request gets 429 `RATE_LIMITED` and a Retry-After header in seconds.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rules = this.reflector.getAllAndOverride<RateLimitRule[] | undefined>(RATE_LIMITS_KEY, [ctx.getHandler(), ctx.getClass()]) ?? [];
    const req = ctx.switchToHttp().getRequest<Request>();
    try {
      for (const rule of rules) await this.limiter.consume(rule.policy, trackerOf(req, rule.by));
    } catch (error) {
      if (error instanceof RateLimitedException) ctx.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    return true;
  }
}

/**
 * Limits an HTTP route: `@RateLimit({ policy: 'birth-date', by: 'link' })` (policies in
 * rate-limit.policies.ts, docs/security.md). Every rule counts the request; the first one over its
 * limit refuses it.
 */
export function RateLimit(...rules: RateLimitRule[]) {
  return applyDecorators(SetMetadata(RATE_LIMITS_KEY, rules), UseGuards(RateLimitGuard));
}
