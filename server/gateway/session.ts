import { randomHex, Sealer } from './crypto.ts';

// Sessions live entirely in an encrypted cookie. Decrypting costs a few µs, so opened cookies are cached
// in a small LRU. Sign-out and "token revoked" are kept in the shared state (state/), which every read
// consults, so a copied cookie stops working at once on every instance.
export type SignInMethod = 'token' | 'oauth';

export interface Session {
  sid: string;
  method: SignInMethod;
  token: string;
  account: unknown;
  /** issued / expires, epoch ms */
  iat: number;
  exp: number;
}

export const DEFAULT_SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export class SessionStore {
  readonly ttlMs: number;
  readonly #sealer: Sealer;
  readonly #cache = new Map<string, Session>();
  readonly #maxCache: number;

  constructor(secret: string, ttlMs = DEFAULT_SESSION_TTL_MS, maxCache = 5000) {
    this.#sealer = new Sealer(secret, 'session');
    this.ttlMs = ttlMs;
    this.#maxCache = maxCache;
  }

  /** A fresh session (new id: signing in always rotates the cookie) and its sealed cookie value. */
  create(method: SignInMethod, token: string, account: unknown, now = Date.now()): { session: Session; cookie: string } {
    const session: Session = { sid: randomHex(16), method, token, account, iat: now, exp: now + this.ttlMs };
    const cookie = this.#sealer.seal(session);
    this.#remember(cookie, session);
    return { session, cookie };
  }

  /** The session a cookie value holds when it opens and has not expired (revocation is checked by the caller). */
  read(cookie: string | undefined, now = Date.now()): Session | undefined {
    if (!cookie) return undefined;
    let session = this.#cache.get(cookie);
    if (session) {
      this.#cache.delete(cookie); // re-insert: most recently used last
      this.#cache.set(cookie, session);
    } else {
      session = toSession(this.#sealer.open(cookie));
      if (!session) return undefined;
      this.#remember(cookie, session);
    }
    if (session.exp <= now) {
      this.#cache.delete(cookie);
      return undefined;
    }
    return session;
  }

  #remember(cookie: string, session: Session): void {
    this.#cache.set(cookie, session);
    if (this.#cache.size > this.#maxCache) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
  }
}

function toSession(value: unknown): Session | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const s = value as Record<string, unknown>;
  if (typeof s.sid !== 'string' || typeof s.token !== 'string' || typeof s.iat !== 'number' || typeof s.exp !== 'number') return undefined;
  if (s.method !== 'token' && s.method !== 'oauth') return undefined;
  return { sid: s.sid, method: s.method, token: s.token, account: s.account, iat: s.iat, exp: s.exp };
}
