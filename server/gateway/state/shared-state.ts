import { BurstyRateLimiter, type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

// What several gateway instances must agree on: which sessions were signed out (or rejected by Copernica),
// which OAuth states were already used, and how much of each rate limit is left. In memory for one
// process; in Redis for a fleet behind a load balancer (REDIS_URL).
export interface SharedState {
  readonly kind: 'memory' | 'redis';
  /** Remember a session id as ended until `untilMs` (the session's own expiry; later it is dead anyway). */
  revoke(sid: string, untilMs: number): Promise<void>;
  isRevoked(sid: string): Promise<boolean>;
  /** Marks an OAuth state as used; true the first time, false when it was spent before. */
  spendState(state: string, untilMs: number): Promise<boolean>;
  limiter(name: string, rule: RateRule): Limiter;
  /** Resolves when the store answers (readiness); rejects with StateUnavailable otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** `points` per `durationSec` steadily, plus a reserve that allows up to `burst` at once. */
export interface RateRule {
  points: number;
  durationSec: number;
  burst: number;
}

export interface Limiter {
  /** 0 when the request may go ahead, otherwise the whole seconds to wait (for Retry-After). */
  take(key: string): Promise<number>;
}

/** The store cannot be reached: the caller must refuse (fail closed), never guess. */
export class StateUnavailable extends Error {
  override name = 'StateUnavailable';
}

/** What the SPA shows as is (a 503 with this message) while the store is unreachable. */
export const STATE_UNAVAILABLE_MESSAGE =
  'Orrery cannot check sign-ins right now because its session store is unreachable. Please try again in a minute.';

/**
 * A limiter built from rate-limiter-flexible parts: a steady window of `points` per `durationSec`, and a
 * reserve of `burst - points` that refills over `burst / points` windows, used once the steady part is empty.
 */
export function burstyLimiter(
  make: (keyPrefix: string, points: number, duration: number) => RateLimiterAbstract,
  name: string,
  rule: RateRule,
): Limiter {
  const steady = make(name, rule.points, rule.durationSec);
  const reservePoints = rule.burst - rule.points;
  const limiter =
    reservePoints > 0
      ? new BurstyRateLimiter(steady, make(`${name}:reserve`, reservePoints, Math.ceil((rule.durationSec * rule.burst) / rule.points)))
      : steady;
  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return 0;
      } catch (e) {
        if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw e instanceof StateUnavailable ? e : new StateUnavailable(`rate limit store: ${(e as Error)?.message ?? e}`);
      }
    },
  };
}
