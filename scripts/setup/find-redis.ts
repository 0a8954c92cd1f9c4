/**
 * Where `redis-server` is (the gateway's Redis-backed tests start their own): REDIS_SERVER_PATH, then PATH,
 * then the usual install folders (Homebrew's too, which a non-login shell may lack on PATH).
 */
import { join, resolve } from 'node:path';
import type { Search } from './find-chromium.ts';
import type { SetupSystem } from './system.ts';

const USUAL_FOLDERS = ['/usr/bin', '/usr/local/bin', '/usr/sbin', '/opt/homebrew/bin', '/usr/local/opt/redis/bin'];

export function findRedisServer(sys: SetupSystem): Search {
  const notes: string[] = [];
  const configured = sys.env.REDIS_SERVER_PATH;
  if (configured) {
    if (sys.isExecutable(configured)) return { found: { path: resolve(sys.cwd, configured), where: 'REDIS_SERVER_PATH' }, notes };
    notes.push(`REDIS_SERVER_PATH=${configured} is not an executable file, so it was ignored.`);
  }
  const binary = sys.platform === 'win32' ? 'redis-server.exe' : 'redis-server';
  const onPath = (sys.env.PATH ?? '')
    .split(sys.platform === 'win32' ? ';' : ':')
    .filter(Boolean)
    .map((folder) => resolve(sys.cwd, folder, binary))
    .find((path) => sys.isExecutable(path));
  if (onPath) return { found: { path: onPath, where: 'PATH' }, notes };
  const usual = USUAL_FOLDERS.map((folder) => join(folder, binary)).find((path) => sys.isExecutable(path));
  if (usual) return { found: { path: usual, where: 'a usual install folder' }, notes };
  return { found: null, notes };
}
