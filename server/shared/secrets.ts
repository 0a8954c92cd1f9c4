import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The embedded demo's SESSION_SECRET: generated once and kept in a file (mode 0600) so a restart keeps
 * everyone signed in. Never used when COPERNICA_API_URL points at the real Copernica.
 */
export function persistentSecret(file: string): string {
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}
