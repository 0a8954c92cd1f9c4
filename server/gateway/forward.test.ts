import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forward } from './forward.ts';

// An upstream that, like any keep-alive server whose idle timeout just fired, drops a connection that is
// reused: the first request on a socket is answered, a second one on the same socket is cut off unread.
let server: Server;
let url: URL;
const received: string[] = [];

beforeAll(async () => {
  const served = new WeakMap<Socket, number>();
  server = createServer((req, res) => {
    const n = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, n);
    if (n > 1) {
      req.socket.destroy();
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      received.push(body);
      res.writeHead(201, { 'X-Created': String(received.length), Connection: 'keep-alive' });
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/database/1/profiles`);
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const options = { method: 'POST', headers: { 'content-type': 'application/json' }, timeoutMs: 5000, maxBodyBytes: 1_000_000 };

describe('forward over keep-alive sockets', () => {
  it('sends a small request again on a fresh socket when the reused one was closed by the upstream', async () => {
    received.length = 0;
    for (const name of ['a', 'b', 'c']) {
      const res = await forward(url, { ...options, body: Buffer.from(JSON.stringify({ fields: { name } })) });
      res.body.resume();
      expect(res.status).toBe(201);
    }
    // Each create arrived exactly once: the cut-off attempts were never read by the upstream.
    expect(received).toEqual(['{"fields":{"name":"a"}}', '{"fields":{"name":"b"}}', '{"fields":{"name":"c"}}']);
  });

  it('does not resend a streamed body (it cannot be replayed) and reports the failure', async () => {
    const first = await forward(url, { ...options, body: Buffer.from('{}') });
    first.body.resume();
    await new Promise((r) => setImmediate(r));
    await expect(forward(url, { ...options, body: Readable.from([Buffer.from('{"big":true}')]) })).rejects.toMatchObject({
      code: 'ECONNRESET',
    });
  });
});
