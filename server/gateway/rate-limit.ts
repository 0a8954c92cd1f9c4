// Token bucket per key (the session id): `perSecond` sustained, `burst` at once. In memory per process,
// which is enough to stop one runaway tab or script from hammering the API through us.
export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    readonly maxKeys = 10_000,
  ) {}

  /** 0 when the request may go ahead, otherwise the seconds to wait before retrying. */
  take(key: string, now = performance.now()): number {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= this.maxKeys) this.#prune(now);
      bucket = { tokens: this.burst, at: now };
      this.#buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
      bucket.at = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
  }

  #prune(now: number): void {
    // buckets that have refilled completely carry no information
    for (const [key, b] of this.#buckets) if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.#buckets.delete(key);
    if (this.#buckets.size >= this.maxKeys) this.#buckets.clear();
  }
}
