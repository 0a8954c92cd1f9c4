import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { Env } from './context.ts';
import { jsonError } from './errors.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// Hashed build output never changes under its name; everything else must be revalidated.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built SPA: files from `root`, and index.html for client-side routes (paths without a file
 * extension). A missing asset is a 404, never index.html (that would be HTML served as script).
 */
export function staticHandler(root: string) {
  const base = resolve(root);
  return async (c: Context<Env>): Promise<Response> => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return jsonError(405, 'Method not allowed');
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return jsonError(400, 'Invalid path');
    }
    if (path.includes('\0') || path.includes('\\')) return jsonError(400, 'Invalid path');

    const file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return jsonError(404, 'Not found');
    const found = file === base ? undefined : await fileStats(file);
    if (found) {
      const cacheControl = path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
      const compressed = await precompressed(file, c.req.header('accept-encoding'));
      return compressed
        ? send(c, compressed.file, compressed.stats, cacheControl, { type: file, encoding: compressed.encoding })
        : send(c, file, found, cacheControl, { type: file });
    }

    if (extname(path) !== '' || path.startsWith('/assets/')) return jsonError(404, 'Not found');
    const index = join(base, 'index.html');
    const indexStats = await fileStats(index);
    if (!indexStats) return jsonError(404, 'The SPA is not built (run npm run build)');
    return send(c, index, indexStats, REVALIDATE, { type: index });
  };
}

/** Content codings the build writes beside its files (vite.config.ts), best first. */
const CODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** The precompressed copy of `file` the client accepts, if the build wrote one. */
async function precompressed(file: string, acceptEncoding: string | undefined) {
  if (!acceptEncoding) return undefined;
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name?.trim().toLowerCase()),
  );
  for (const { encoding, suffix } of CODINGS) {
    if (!accepted.has(encoding)) continue;
    const stats = await fileStats(file + suffix);
    if (stats) return { file: file + suffix, stats, encoding };
  }
  return undefined;
}

async function fileStats(file: string): Promise<Stats | undefined> {
  try {
    const s = await stat(file);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
}

/** `as.type`: the file whose extension names the content type; `as.encoding`: the coding `file` is stored in. */
function send(c: Context<Env>, file: string, stats: Stats, cacheControl: string, as: { type: string; encoding?: string }): Response {
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${as.encoding ? `-${as.encoding}` : ''}"`;
  const headers = new Headers({
    'Content-Type': TYPES[extname(as.type).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': stats.mtime.toUTCString(),
  });
  // Whether a compressed copy exists depends on the file, so every answer says it varies with Accept-Encoding.
  if (/\.(js|css|svg)$/.test(as.type)) headers.set('Vary', 'Accept-Encoding');
  if (as.encoding) headers.set('Content-Encoding', as.encoding);
  if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
  headers.set('Content-Length', String(stats.size));
  if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}
