import type { MiddlewareHandler } from 'hono';
import { clientAddress, type Env, type Gateway } from './context.ts';
import { jsonError } from './errors.ts';
import type { Limiter } from './state/shared-state.ts';

// Rate limits live in the shared state, so behind a load balancer there is one bucket per session (or
// client address) for the whole fleet, not one per instance.
export const DEFAULT_SESSION_LIMIT = { perSecond: 50, burst: 200 };
export const DEFAULT_SIGN_IN_LIMIT = { perMinute: 10, burst: 20 };

/** /api calls per session (a runaway tab or script must not hammer the API through us); undefined = off. */
export function sessionLimiter(gw: Gateway): Limiter | undefined {
  const limit = gw.config.rateLimit === false ? undefined : (gw.config.rateLimit ?? DEFAULT_SESSION_LIMIT);
  return limit && gw.state.limiter('session', { points: limit.perSecond, durationSec: 1, burst: limit.burst });
}

/** Sign-in attempts per client address: guessing tokens or flooding Copernica's consent page costs time. */
export function signInLimit(gw: Gateway): MiddlewareHandler<Env> {
  const limit = gw.config.authRateLimit === false ? undefined : (gw.config.authRateLimit ?? DEFAULT_SIGN_IN_LIMIT);
  const limiter = limit && gw.state.limiter('sign-in', { points: limit.perMinute, durationSec: 60, burst: limit.burst });
  return async (c, next) => {
    const wait = (await limiter?.take(clientAddress(c, gw.config))) ?? 0;
    if (wait > 0) return tooManyRequests(gw, 'address', wait, 'Too many sign-in attempts. Please wait a minute and try again.');
    return next();
  };
}

export function tooManyRequests(gw: Gateway, limit: 'session' | 'address', waitSeconds: number, message = 'Too many requests'): Response {
  gw.metrics.rateLimited.inc({ limit });
  return jsonError(429, message, { 'Retry-After': String(waitSeconds) });
}
