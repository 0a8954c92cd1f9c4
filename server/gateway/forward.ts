import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable, Transform } from 'node:stream';

// The proxy's transport: node:http with keep-alive agents, which never follows redirects. Replacing
// fetch() (WHATWG Request/Headers/stream objects and an AbortSignal per request) with it moved the
// bench (bench/gateway.bench.ts) from 66 % to 75 % of direct throughput.
const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 }),
};

export class UpstreamTimeout extends Error {
  override name = 'UpstreamTimeout';
}

export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

export interface Forwarded {
  status: number;
  headers: IncomingHttpHeaders;
  body: IncomingMessage;
}

export interface ForwardOptions {
  method: string;
  headers: Record<string, string>;
  /** request body (POST/PUT/DELETE): a Buffer when small (then a stale keep-alive socket is retried), a stream when big; null for none */
  body: Buffer | Readable | ReadableStream<Uint8Array> | null;
  /** time allowed until the response headers arrive */
  timeoutMs: number;
  /** request bodies beyond this many bytes abort the call (also when sent chunked, without Content-Length) */
  maxBodyBytes: number;
}

/**
 * A keep-alive socket the upstream closed while it sat idle fails the next request on it with ECONNRESET
 * before anything was processed. Node's advice (http docs, `request.reusedSocket`): retry on a fresh
 * socket. Only done when the body is in memory (or absent), so the retry sends exactly the same request.
 */
const STALE_SOCKET_ERRORS = new Set(['ECONNRESET', 'EPIPE']);
const STALE_SOCKET_RETRIES = 2;

export async function forward(url: URL, opts: ForwardOptions): Promise<Forwarded> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await forwardOnce(url, opts);
    } catch (e) {
      const retryable = e instanceof StaleSocket && (opts.body === null || Buffer.isBuffer(opts.body)) && attempt < STALE_SOCKET_RETRIES;
      if (!retryable) throw e instanceof StaleSocket ? e.cause : e;
    }
  }
}

class StaleSocket extends Error {
  override name = 'StaleSocket';
}

function forwardOnce(url: URL, opts: ForwardOptions): Promise<Forwarded> {
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    // Node frames a body as chunked by default only for POST/PUT/PATCH; a DELETE body (Copernica's bulk
    // `DELETE database/$id/profiles`) would go out unframed and be misread upstream, so say it explicitly.
    const headers = !opts.body
      ? opts.headers
      : Buffer.isBuffer(opts.body)
        ? { ...opts.headers, 'Content-Length': String(opts.body.length) }
        : hasLength(opts.headers)
          ? opts.headers
          : { ...opts.headers, 'Transfer-Encoding': 'chunked' };
    const req = (secure ? httpsRequest : httpRequest)(url, {
      method: opts.method,
      headers,
      agent: secure ? agents.https : agents.http,
    });
    const timer = setTimeout(() => req.destroy(new UpstreamTimeout(`no answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    req.once('response', (res) => {
      clearTimeout(timer);
      resolve({ status: res.statusCode ?? 502, headers: res.headers, body: res });
    });
    req.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(req.reusedSocket && e.code && STALE_SOCKET_ERRORS.has(e.code) ? new StaleSocket(e.message, { cause: e }) : e);
    });
    if (!opts.body) {
      req.end();
      return;
    }
    if (Buffer.isBuffer(opts.body)) {
      if (opts.body.length > opts.maxBodyBytes) {
        req.destroy(new BodyTooLarge(`request body over ${opts.maxBodyBytes} bytes`));
        return;
      }
      req.end(opts.body);
      return;
    }
    const body = opts.body instanceof Readable ? opts.body : Readable.fromWeb(opts.body as import('node:stream/web').ReadableStream);
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > opts.maxBodyBytes ? new BodyTooLarge(`request body over ${opts.maxBodyBytes} bytes`) : null, chunk);
      },
    });
    body.once('error', (e) => req.destroy(e));
    limit.once('error', (e) => req.destroy(e));
    body.pipe(limit).pipe(req);
  });
}

function hasLength(headers: Record<string, string>): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === 'content-length' || h.toLowerCase() === 'transfer-encoding');
}

/** Reads a whole (small) body; undefined when it is larger than `max` bytes. */
export async function readBody(body: IncomingMessage, max: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
