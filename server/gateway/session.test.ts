import { describe, expect, it } from 'vitest';
import { Sealer } from './crypto.ts';
import { TokenBuckets } from './rate-limit.ts';
import { SessionStore } from './session.ts';
import { SECRET } from './test-support.ts';

describe('Sealer (AES-256-GCM)', () => {
  it('round-trips and hides the plaintext', () => {
    const sealer = new Sealer(SECRET, 'session');
    const sealed = sealer.seal({ token: 'plain-token-value' });
    expect(sealed).not.toContain('plain-token-value');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('plain-token-value');
    expect(sealer.open(sealed)).toEqual({ token: 'plain-token-value' });
    expect(sealer.seal({ a: 1 })).not.toBe(sealer.seal({ a: 1 })); // random IV
  });

  it('refuses tampering, truncation, another purpose and another secret', () => {
    const sealer = new Sealer(SECRET, 'session');
    const sealed = sealer.seal({ a: 1 });
    const bytes = Buffer.from(sealed, 'base64url');
    for (const i of [0, 12, bytes.length - 1]) {
      const copy = Buffer.from(bytes);
      copy[i] = (copy[i] ?? 0) ^ 1;
      expect(sealer.open(copy.toString('base64url'))).toBeUndefined();
    }
    expect(sealer.open(sealed.slice(0, -4))).toBeUndefined();
    expect(sealer.open('')).toBeUndefined();
    expect(sealer.open('not base64 !')).toBeUndefined();
    expect(new Sealer(SECRET, 'oauth-state').open(sealed)).toBeUndefined();
    expect(new Sealer(`${SECRET}x`, 'session').open(sealed)).toBeUndefined();
  });
});

describe('SessionStore', () => {
  it('creates, reads, expires and revokes sessions', () => {
    const store = new SessionStore(SECRET, 1000);
    const { session, cookie } = store.create('token', 'tok', { id: '1' }, 10_000);
    expect(session.sid).toMatch(/^[0-9a-f]{32}$/);
    expect(store.read(cookie, 10_500)).toMatchObject({ method: 'token', token: 'tok', account: { id: '1' } });
    expect(store.read(cookie, 11_000)).toBeUndefined();

    const second = store.create('oauth', 'tok2', {}, 10_000);
    store.revoke(second.session);
    expect(store.read(second.cookie, 10_001)).toBeUndefined();
    // a fresh store (another process) still accepts a cookie that was only cached elsewhere
    expect(new SessionStore(SECRET, 1000).read(cookie, 10_500)).toMatchObject({ token: 'tok' });
  });

  it('keeps its cache bounded', () => {
    const store = new SessionStore(SECRET, 60_000, 3);
    const cookies = Array.from({ length: 10 }, (_, i) => store.create('token', `t${i}`, {}).cookie);
    // evicted entries are decrypted again, so every cookie still works
    for (const [i, c] of cookies.entries()) expect(store.read(c)?.token).toBe(`t${i}`);
  });
});

describe('TokenBuckets', () => {
  it('allows a burst, then the sustained rate, and says how long to wait', () => {
    const buckets = new TokenBuckets(2, 3);
    expect([0, 0, 0].map(() => buckets.take('a', 0))).toEqual([0, 0, 0]);
    expect(buckets.take('a', 0)).toBe(1);
    expect(buckets.take('a', 500)).toBe(0); // one token refilled after 0.5 s at 2/s
    expect(buckets.take('b', 500)).toBe(0);
  });
});
