import { describe, expect, it } from 'vitest';
import { Sealer } from './crypto.ts';
import { SessionStore } from './session.ts';
import { SECRET } from './testing/support.ts';

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

  it('accepts only the canonical encoding (no extra or altered trailing character)', () => {
    const sealer = new Sealer(SECRET, 'session');
    const seals = Array.from({ length: 4 }, (_, n) => sealer.seal({ pad: 'x'.repeat(n) }));
    const whole = seals.find((s) => s.length % 4 === 0) ?? ''; // ends on a full group
    const partial = seals.find((s) => s.length % 4 !== 0) ?? ''; // last character has unused bits
    // an extra character after a full group decodes to the same bytes…
    expect(Buffer.from(`${whole}A`, 'base64url').equals(Buffer.from(whole, 'base64url'))).toBe(true);
    expect(sealer.open(whole)).toBeDefined();
    expect(sealer.open(`${whole}A`)).toBeUndefined(); // …but is refused
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(partial.at(-1) ?? 'A') ^ 1] ?? 'A'; // flips an unused low bit
    const variant = `${partial.slice(0, -1)}${sibling}`;
    expect(Buffer.from(variant, 'base64url').equals(Buffer.from(partial, 'base64url'))).toBe(true);
    expect(sealer.open(partial)).toBeDefined();
    expect(sealer.open(variant)).toBeUndefined();
  });
});

describe('SessionStore', () => {
  it('creates, reads and expires sessions', () => {
    const store = new SessionStore(SECRET, 1000);
    const { session, cookie } = store.create('token', 'tok', { id: '1' }, 10_000);
    expect(session.sid).toMatch(/^[0-9a-f]{32}$/);
    expect(store.read(cookie, 10_500)).toMatchObject({ method: 'token', token: 'tok', account: { id: '1' } });
    expect(store.read(cookie, 11_000)).toBeUndefined();

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
