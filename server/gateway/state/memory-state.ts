import { RateLimiterMemory } from 'rate-limiter-flexible';
import { burstyLimiter, type Limiter, type RateRule, type SharedState } from './shared-state.ts';

const MAX_ENTRIES = 100_000;

/** One process's memory: what `npm start` and a single instance use (no REDIS_URL). */
export class MemoryState implements SharedState {
  readonly kind = 'memory';
  readonly #revoked = new Map<string, number>();
  readonly #spent = new Map<string, number>();

  async revoke(sid: string, untilMs: number): Promise<void> {
    remember(this.#revoked, sid, untilMs);
  }

  async isRevoked(sid: string): Promise<boolean> {
    const until = this.#revoked.get(sid);
    return until !== undefined && until > Date.now();
  }

  async spendState(state: string, untilMs: number): Promise<boolean> {
    const until = this.#spent.get(state);
    if (until !== undefined && until > Date.now()) return false;
    remember(this.#spent, state, untilMs);
    return true;
  }

  limiter(name: string, rule: RateRule): Limiter {
    return burstyLimiter((keyPrefix, points, duration) => new RateLimiterMemory({ keyPrefix, points, duration }), name, rule);
  }

  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}

/** Adds an entry that matters until `untilMs`; drops the ones that stopped mattering when the map grows. */
function remember(map: Map<string, number>, key: string, untilMs: number): void {
  map.set(key, untilMs);
  if (map.size <= MAX_ENTRIES) return;
  const now = Date.now();
  for (const [k, until] of map) if (until <= now) map.delete(k);
}
