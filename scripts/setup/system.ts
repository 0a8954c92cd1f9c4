/**
 * Everything the set-up asks of the machine, behind one interface so the detection order and the
 * "nothing found, nothing installable" path can be unit-tested with a fake machine.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';

export type CommandResult = { ok: boolean; output: string };

export interface SetupSystem {
  platform: NodeJS.Platform;
  /** The user id; null where there are none (Windows). Root (0) may install with apt. */
  uid: number | null;
  env: Record<string, string | undefined>;
  home: string;
  cwd: string;
  /** A regular file this user may execute. */
  isExecutable(path: string): boolean;
  /** Entry names in a folder; empty when it does not exist. */
  listDir(path: string): string[];
  readText(path: string): string | null;
  /** Null when a TCP connection to host:443 opens within 5 s, else why not (e.g. "ENOTFOUND", "timeout"). */
  connectError(host: string): string | null;
  /** Runs a command to completion (output captured, never shown), killed after timeoutMs. */
  run(command: string, args: string[], options?: { timeoutMs?: number; env?: Record<string, string> }): CommandResult;
}

export function realSystem(env: Record<string, string | undefined> = process.env): SetupSystem {
  const platform = process.platform;
  return {
    platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    env,
    home: homedir(),
    cwd: process.cwd(),
    isExecutable(path) {
      try {
        if (!statSync(path).isFile()) return false;
        if (platform !== 'win32') accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    listDir(path) {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
    readText(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    connectError(host) {
      // In a child process because the set-up is synchronous (it runs before anything else, in order).
      const script = `const s = require('node:net').connect(443, ${JSON.stringify(host)}, () => { s.destroy(); process.exit(0); });
        s.setTimeout(5000, () => { console.log('timeout'); process.exit(1); });
        s.on('error', (e) => { console.log(e.code ?? e.message); process.exit(1); });`;
      const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 });
      return res.status === 0 ? null : res.stdout?.trim() || 'no answer';
    },
    run(command, args, options = {}) {
      const res = spawnSync(command, args, {
        encoding: 'utf8',
        timeout: options.timeoutMs ?? 60_000,
        env: { ...env, ...options.env },
        // npx is a .cmd script on Windows, which only a shell can start.
        shell: platform === 'win32',
      });
      const output = `${res.stdout ?? ''}${res.stderr ?? ''}${res.error ? `\n${res.error.message}` : ''}`;
      return { ok: res.status === 0 && !res.error, output };
    },
  };
}
