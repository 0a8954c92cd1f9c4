import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { burstyLimiter, type Limiter, type RateRule, type SharedState, StateUnavailable } from './shared-state.ts';

const PREFIX = 'orrery:';

export interface RedisStateEvents {
  /** every connection or command failure (for the error counter) */
  onError?(error: Error): void;
  /** the connection went down / came back (logged once per change, not per retry) */
  onDown?(error: Error): void;
  onUp?(): void;
}

/**
 * Redis (REDIS_URL) for a fleet: every instance sees the same revocations, spent states and buckets.
 * Commands fail at once while the connection is down (no offline queue, one try, short timeouts), so a
 * request is refused quickly instead of hanging; ioredis keeps reconnecting in the background.
 */
export class RedisState implements SharedState {
  readonly kind = 'redis';
  readonly client: Redis;
  readonly #events: RedisStateEvents;
  #up = false;

  constructor(url: string, events: RedisStateEvents = {}) {
    this.#events = events;
    this.client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 1000,
      commandTimeout: 1000,
      // reconnect forever, at most once a second
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    });
    this.client.on('ready', () => {
      if (!this.#up) this.#events.onUp?.();
      this.#up = true;
    });
    this.client.on('error', (e: Error) => this.#failed(e));
    this.client.on('close', () => this.#failed(new Error('connection closed')));
  }

  /** Waits (at most `timeoutMs`) for the first connection, so a fresh instance starts ready. */
  async connected(timeoutMs: number): Promise<boolean> {
    if (this.client.status === 'ready') return true;
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.client.off('ready', onReady);
        resolve(ok);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.client.on('ready', onReady);
    });
  }

  async revoke(sid: string, untilMs: number): Promise<void> {
    const ttl = Math.ceil(untilMs - Date.now());
    if (ttl <= 0) return;
    await this.#run(() => this.client.set(`${PREFIX}revoked:${sid}`, '1', 'PX', ttl));
  }

  async isRevoked(sid: string): Promise<boolean> {
    return (await this.#run(() => this.client.exists(`${PREFIX}revoked:${sid}`))) === 1;
  }

  async spendState(state: string, untilMs: number): Promise<boolean> {
    // only a digest is stored: the key proves "used", nothing more
    const key = `${PREFIX}oauth-state:${createHash('sha256').update(state).digest('hex')}`;
    const ttl = Math.max(1, Math.ceil(untilMs - Date.now()));
    return (await this.#run(() => this.client.set(key, '1', 'PX', ttl, 'NX'))) === 'OK';
  }

  limiter(name: string, rule: RateRule): Limiter {
    const inner = burstyLimiter(
      (keyPrefix, points, duration) =>
        new RateLimiterRedis({
          storeClient: this.client,
          keyPrefix: `${PREFIX}rl:${keyPrefix}`,
          points,
          duration,
          rejectIfRedisNotReady: true,
        }),
      name,
      rule,
    );
    return {
      take: async (key) => {
        try {
          return await inner.take(key);
        } catch (e) {
          this.#events.onError?.(e as Error);
          throw e;
        }
      },
    };
  }

  async ping(): Promise<void> {
    await this.#run(() => this.client.ping());
  }

  async close(): Promise<void> {
    this.#up = false;
    this.client.removeAllListeners('close');
    await this.client.quit().catch(() => this.client.disconnect());
  }

  async #run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (e) {
      this.#events.onError?.(e as Error);
      throw new StateUnavailable(`redis: ${(e as Error).message}`);
    }
  }

  #failed(error: Error): void {
    if (error.message !== 'connection closed') this.#events.onError?.(error);
    if (this.#up) this.#events.onDown?.(error);
    this.#up = false;
  }
}
