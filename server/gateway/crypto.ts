import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// AES-256-GCM sealing of small JSON documents (session and OAuth-state cookies). The key is derived once
// per purpose with HKDF from SESSION_SECRET, so a state cookie can never be replayed as a session cookie.
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class Sealer {
  readonly #key: Buffer;
  readonly #aad: Buffer;

  constructor(secret: string, purpose: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'orrery-gateway', `orrery ${purpose} v1`, 32));
    this.#aad = Buffer.from(purpose);
  }

  seal(value: unknown): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(this.#aad);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The sealed value, or undefined when it was tampered with, sealed with another key, or is malformed. */
  open(sealed: string): unknown {
    if (sealed.length > 8192 || !/^[A-Za-z0-9_-]+$/.test(sealed)) return undefined;
    const raw = Buffer.from(sealed, 'base64url');
    // one value per sealed document: base64url's unused trailing bits (an extra or altered last
    // character) would otherwise decode to the same bytes
    if (raw.toString('base64url') !== sealed) return undefined;
    if (raw.length < IV_BYTES + TAG_BYTES + 2) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(this.#aad);
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
      return JSON.parse(plain.toString('utf8'));
    } catch {
      return undefined;
    }
  }
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
