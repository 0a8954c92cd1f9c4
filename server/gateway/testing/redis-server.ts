// Test and bench helper (not a test file): a throwaway redis-server on a loopback port, nothing on disk.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { freePort } from '../../shared/ports.ts';

/** REDIS_SERVER_PATH, else `redis-server` on PATH; undefined when neither exists. */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.REDIS_SERVER_PATH
    ? [env.REDIS_SERVER_PATH]
    : (env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'redis-server'));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export interface TestRedis {
  url: string;
  port: number;
  /** stops the server (SIGTERM, waits for the exit): clients see the connection drop */
  stop(): Promise<void>;
  /** starts it again on the same port */
  start(): Promise<void>;
}

export async function startRedisServer(binary: string): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const proc = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    child = proc;
    const exited = new Promise<never>((_, reject) => proc.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`))));
    exited.catch(() => {});
    await Promise.race([waitForPort(port, 5000), exited]);
  };
  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start };
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`redis-server did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
